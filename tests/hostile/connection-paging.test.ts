import { SEED_PLAN_ID } from '../../src/load/seed-plan';
import { startTestApi, type TestApi } from '../helpers/api';

interface Edge {
  cursor: string;
  node: { id: string };
  link?: { basis: string; role: string | null } | null;
}
interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Edge[];
}

const PAGE = `totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } link { basis role } }`;

/**
 * Every connection of the seed, paged with page sizes 1 to 7, gives exactly totalCount distinct
 * edges with distinct cursors: no edge is lost or repeated at a page boundary (a task linked twice
 * to one body, as text and as curated, is two edges).
 */
describe('paging every connection of the seed', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ RESPONSE_CACHE: 'false' });
  });
  afterAll(() => api.stop());

  async function collect(read: (first: number, after: string | null) => Promise<Page>, first: number): Promise<{ total: number; edges: Edge[] }> {
    const edges: Edge[] = [];
    let after: string | null = null;
    let total = -1;
    // Bounded: a connection that never ends fails the test instead of hanging it.
    for (let pages = 0; pages < 500; pages++) {
      const page = await read(first, after);
      total = page.totalCount;
      edges.push(...page.edges);
      if (!page.pageInfo.hasNextPage) return { total, edges };
      after = page.pageInfo.endCursor;
    }
    throw new Error('more than 500 pages');
  }

  async function expectComplete(label: string, read: (first: number, after: string | null) => Promise<Page>): Promise<void> {
    for (let first = 1; first <= 7; first++) {
      const { total, edges } = await collect(read, first);
      const identities = new Set(edges.map((e) => `${e.node.id}|${e.link?.basis ?? ''}|${e.link?.role ?? ''}`));
      const cursors = new Set(edges.map((e) => e.cursor));
      expect({ label, first, edges: edges.length, distinct: identities.size, cursors: cursors.size }).toEqual({ label, first, edges: total, distinct: total, cursors: total });
    }
  }

  const gql = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const res = await api.gql<T>(query, variables);
    expect(res.body.errors).toBeUndefined();
    return res.body.data as T;
  };

  it('Body.tasks of every body', async () => {
    const { bodies } = await gql<{ bodies: { id: string }[] }>(`{ bodies { id } }`, {});
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) {
      await expectComplete(body.id, async (first, after) =>
        (await gql<{ body: { tasks: Page } }>(`query($id: String!, $first: Int!, $after: String) { body(id: $id) { tasks(first: $first, after: $after) { ${PAGE} } } }`, { id: body.id, first, after })).body.tasks,
      );
    }
  }, 600_000);

  it('District.tasks and District.regionTasks of every district', async () => {
    const { districts } = await gql<{ districts: { name: string }[] }>(`{ districts { name } }`, {});
    expect(districts).toHaveLength(38);
    for (const d of districts) {
      for (const field of ['tasks', 'regionTasks']) {
        await expectComplete(`${d.name}.${field}`, async (first, after) =>
          (await gql<{ district: Record<string, Page> }>(`query($n: String!, $first: Int!, $after: String) { district(name: $n) { ${field}(first: $first, after: $after) { ${PAGE} } } }`, { n: d.name, first, after })).district[field],
        );
      }
    }
  }, 600_000);

  it('sharedTasks and search', async () => {
    await expectComplete('sharedTasks 万州 开州', async (first, after) =>
      (await gql<{ sharedTasks: Page }>(`query($first: Int!, $after: String) { sharedTasks(places: ["万州", "开州"], first: $first, after: $after) { ${PAGE} } }`, { first, after })).sharedTasks,
    );
    await expectComplete('search 城镇', async (first, after) => {
      const data = await gql<{ search: { totalCount: number; pageInfo: Page['pageInfo']; edges: { cursor: string; node: { node: { id: string } } }[] } }>(
        `query($first: Int!, $after: String) { search(query: "城镇", planId: "${SEED_PLAN_ID}", first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { node { ... on Node { id } } } } } }`,
        { first, after },
      );
      return { ...data.search, edges: data.search.edges.map((e) => ({ cursor: e.cursor, node: e.node.node })) };
    });
  }, 600_000);
});
