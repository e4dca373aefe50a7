import { ApolloClient, gql, HttpLink, InMemoryCache, type TypedDocumentNode } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { SEED_PLAN_ID } from '../../src/load/seed-plan';
import { startTestApi, type TestApi } from '../helpers/api';
import { testClient } from '../helpers/graph';
import { issueTestKey } from '../helpers/keys';
import { writeSichuanPlan } from '../helpers/sichuan-plan';
import type { GraphClient } from '../../src/graph/graph-client';

/**
 * Apollo Client 4 as a front end sets it up (README, "Build a front end on it"): possibleTypes
 * from introspection, relayStylePagination on the connections, against the running API. Pages
 * appended by fetchMore hold every item once (as many as totalCount), and node(id:) refetches an
 * example of every type that implements Node, taken from the schema, into the normalised cache.
 */
jest.setTimeout(300_000);

// 支持垫江、忠县、彭水开展国家县城新型城镇化建设示范 (chapter 3, section 5, paragraph 1, sentence 3).
const TASK = `${SEED_PLAN_ID}/chp_3__sec_5__para_1__sent_3`;

interface TaskPage {
  district: { id: string; tasks: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string; node: { id: string } }[] } } | null;
}
const DISTRICT_TASKS: TypedDocumentNode<TaskPage, { name: string; first: number; after?: string | null }> = gql`
  query DistrictTasks($name: String!, $first: Int!, $after: String) {
    district(name: $name) {
      id
      tasks(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node { id } }
      }
    }
  }
`;

interface SearchPage {
  search: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string; node: { text: string; node: { __typename: string; id: string } } }[] };
}
const SEARCH: TypedDocumentNode<SearchPage, { query: string; first: number; after?: string | null }> = gql`
  query SearchPages($query: String!, $first: Int!, $after: String) {
    search(query: $query, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { text node { __typename ... on Node { id } } } }
    }
  }
`;

const NODE: TypedDocumentNode<{ node: { __typename: string; id: string } | null }, { id: string }> = gql`
  query Refetch($id: ID!) { node(id: $id) { __typename id } }
`;

interface IntrospectedTypes {
  __schema: { types: { kind: string; name: string; possibleTypes: { name: string }[] | null }[] };
}

describe('Apollo Client 4 over the API', () => {
  let api: TestApi;
  let graph: GraphClient;
  let possibleTypes: Record<string, string[]>;
  let requests = 0;

  const newClient = () =>
    new ApolloClient({
      link: new HttpLink({
        uri: api.url,
        fetch: (input, init) => {
          requests++;
          return fetch(input, init);
        },
      }),
      cache: new InMemoryCache({
        possibleTypes,
        typePolicies: {
          Query: { fields: { search: relayStylePagination(['query', 'planId', 'kinds', 'chapter', 'place']) } },
          District: { fields: { tasks: relayStylePagination(['planId', 'basis']) } },
        },
      }),
    });

  beforeAll(async () => {
    api = await startTestApi();
    graph = await testClient();
    // The seed has no parts and names no place outside Chongqing: a provincial plan brings both
    // (Part, Division), so that every Node type has an example.
    await writeSichuanPlan(graph, 'test-apollo-sichuan');
    const introspection = (await api.gql<IntrospectedTypes>('{ __schema { types { kind name possibleTypes { name } } } }')).body.data!;
    possibleTypes = Object.fromEntries(introspection.__schema.types.filter((t) => t.possibleTypes && t.possibleTypes.length > 0).map((t) => [t.name, t.possibleTypes!.map((p) => p.name)]));
  });
  afterAll(async () => {
    await api.stop();
    await graph.close();
  });

  it('appends pages of a district’s tasks without duplicates: as many as totalCount', async () => {
    const client = newClient();
    const variables = { name: '忠县', first: 2 };
    let page = (await client.query({ query: DISTRICT_TASKS, variables })).data!;
    let pages = 1;
    while (page.district!.tasks.pageInfo.hasNextPage) {
      // The cache would answer any `after` from the merged list: a next page comes from the network.
      await client.query({ query: DISTRICT_TASKS, variables: { ...variables, after: page.district!.tasks.pageInfo.endCursor }, fetchPolicy: 'network-only' });
      page = client.readQuery({ query: DISTRICT_TASKS, variables })!;
      pages++;
      expect(pages).toBeLessThan(10);
    }
    const merged = client.readQuery({ query: DISTRICT_TASKS, variables })!.district!.tasks;
    // Read by hand: 忠县 is named in 7 tasks of the seed plan; pages of 2 make 4 pages.
    expect(merged.totalCount).toBe(7);
    expect(pages).toBe(4);
    expect(new Set(merged.edges.map((e) => e.node.id)).size).toBe(7);
    expect(merged.edges).toHaveLength(7);
  });

  it('appends pages of search hits: distinct hits, as many as totalCount', async () => {
    const client = newClient();
    const variables = { query: '保障性租赁住房', first: 2 };
    let page = (await client.query({ query: SEARCH, variables })).data!;
    let pages = 1;
    while (page.search.pageInfo.hasNextPage) {
      await client.query({ query: SEARCH, variables: { ...variables, after: page.search.pageInfo.endCursor }, fetchPolicy: 'network-only' });
      page = client.readQuery({ query: SEARCH, variables })!;
      pages++;
      expect(pages).toBeLessThan(50);
    }
    const search = client.readQuery({ query: SEARCH, variables })!.search;
    expect(search.totalCount).toBeGreaterThan(2);
    expect(search.edges).toHaveLength(search.totalCount);
    expect(new Set(search.edges.map((e) => `${e.node.node.__typename}:${e.node.node.id}`)).size).toBe(search.totalCount);
    for (const edge of search.edges) expect(edge.node.text).toContain('保障性租赁住房');
  });

  it('refetches an example of every type that implements Node by node(id:), into the normalised cache', async () => {
    // Records exist only once written: one report and one observation (each with its audit event).
    const editor = await issueTestKey(graph, 'apollo-client-editor', 'editor');
    const write = async (query: string, variables: Record<string, unknown>) => {
      const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${editor.token}` }, body: JSON.stringify({ query, variables }) });
      expect(((await res.json()) as { errors?: unknown }).errors).toBeUndefined();
    };
    await write('mutation($i: ReportProgressInput!) { reportProgress(input: $i) { id } }', { i: { taskId: TASK, place: '忠县', period: '2031-Q2', status: 'done', reporter: 'apollo-client-test' } });
    await write('mutation($i: RecordObservationInput!) { recordObservation(input: $i) { id } }', { i: { indicatorId: `${SEED_PLAN_ID}/box_1__ind_1`, year: 2031, value: 1, source: 'apollo-client-test', reporter: 'apollo-client-test' } });

    const nodeTypes = possibleTypes.Node;
    expect(nodeTypes.length).toBeGreaterThan(10);
    const missing: string[] = [];
    const client = newClient();
    for (const type of nodeTypes) {
      // An example id read straight from the database: the node's type or its label names it.
      // Events about API keys are admin-only and never answered by node(id:) (see auditTrail).
      const ids = await graph.read(async (tx) =>
        (await tx.run("MATCH (n) WHERE n.id IS NOT NULL AND (n.nodeType = $type OR (n.nodeType IS NULL AND $type IN labels(n))) AND NOT coalesce(n.aboutId, '') STARTS WITH 'key/' RETURN n.id AS id ORDER BY n.id LIMIT 1", { type })).records.map((r) => String(r.get('id'))),
      );
      const id = ids[0];
      if (!id) {
        missing.push(type);
        continue;
      }
      const fetched = await client.query({ query: NODE, variables: { id }, fetchPolicy: 'network-only' });
      expect({ type, node: fetched.data?.node }).toEqual({ type, node: { __typename: type, id } });
      const key = client.cache.identify({ __typename: type, id });
      expect(key).toBe(`${type}:${id}`);
      const normalised = client.cache.readFragment<{ __typename: string; id: string }>({ id: key, fragment: gql(`fragment Identified${type} on ${type} { __typename id }`) });
      expect(normalised).toEqual({ __typename: type, id });
      // Asked again, the answer comes from the cache.
      const before = requests;
      const again = await client.query({ query: NODE, variables: { id } });
      expect(again.data?.node?.id).toBe(id);
      expect(requests).toBe(before);
    }
    expect(missing).toEqual([]);
  });
});
