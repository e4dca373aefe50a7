import { randomUUID } from 'node:crypto';
import { SEED_PLAN_ID } from '../../src/load/seed-plan';
import { startTestApi, type TestApi } from '../helpers/api';
import { issueTestKey } from '../helpers/keys';

interface Edge {
  cursor: string;
  node: { id: string };
  link?: { basis: string; role: string | null } | null;
}
interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: Edge[];
}
/** What one request asks for: `first` after a cursor, or `last` before one. */
type Window = {
  first?: number;
  after?: string | null;
  last?: number;
  before?: string | null;
};
type Read = (window: Window) => Promise<Page>;

const PAGE_INFO = `pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;
const PAGE = `totalCount ${PAGE_INFO} edges { cursor node { id } link { basis role } }`;
const WINDOW_VARS = `$first: Int, $after: String, $last: Int, $before: String`;
const WINDOW_ARGS = `first: $first, after: $after, last: $last, before: $before`;

const identity = (e: Edge) => `${e.node.id}|${e.link?.basis ?? ''}|${e.link?.role ?? ''}`;

/**
 * Every connection of the seed, paged forward (`first`/`after`) with page sizes 1 to 7 and
 * backward (`last`/`before`) with page sizes 2, 3 and 7, gives exactly totalCount distinct edges with distinct cursors, and both
 * ways give the same list in the same order: no edge is lost or repeated at a page boundary (a
 * task linked twice to one body, as text and as curated, is two edges).
 */
describe('paging every connection of the seed, both ways', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ RESPONSE_CACHE: 'false' });
  });
  afterAll(() => api.stop());

  // Bounded: a connection that never ends fails the test instead of hanging it.
  const MAX_PAGES = 500;
  const BACKWARD_SIZES = [2, 3, 7];

  async function forward(read: Read, first: number): Promise<{ total: number; edges: Edge[] }> {
    const edges: Edge[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < MAX_PAGES; pages++) {
      const page = await read({ first, after });
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      edges.push(...page.edges);
      if (!page.pageInfo.hasNextPage) return { total: page.totalCount, edges };
      after = page.pageInfo.endCursor;
    }
    throw new Error(`more than ${MAX_PAGES} pages`);
  }

  async function backward(read: Read, last: number): Promise<Edge[]> {
    let edges: Edge[] = [];
    let before: string | null = null;
    for (let pages = 0; pages < MAX_PAGES; pages++) {
      const page = await read({ last, before });
      expect(page.pageInfo.hasNextPage).toBe(before !== null);
      edges = [...page.edges, ...edges];
      if (!page.pageInfo.hasPreviousPage) return edges;
      before = page.pageInfo.startCursor;
    }
    throw new Error(`more than ${MAX_PAGES} pages`);
  }

  /** Pages the connection every way and returns its totalCount. */
  async function expectComplete(label: string, read: Read): Promise<number> {
    const all = await forward(read, 100);
    expect({ label, edges: all.edges.length }).toEqual({ label, edges: all.total });
    for (let size = 1; size <= 7; size++) {
      const { total, edges } = await forward(read, size);
      const cursors = new Set(edges.map((e) => e.cursor));
      expect({ label, size, total, cursors: cursors.size, order: edges.map(identity) }).toEqual({ label, size, total: all.total, cursors: all.total, order: all.edges.map(identity) });
    }
    // Backward with fewer sizes (the same boundaries, at a third of the requests): even, odd, large.
    for (const size of BACKWARD_SIZES) {
      const back = await backward(read, size);
      expect({ label, size, backward: back.map(identity) }).toEqual({ label, size, backward: all.edges.map(identity) });
    }
    expect(new Set(all.edges.map(identity)).size).toBe(all.total);
    return all.total;
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
      await expectComplete(body.id, async (w) => (await gql<{ body: { tasks: Page } }>(`query($id: String!, ${WINDOW_VARS}) { body(id: $id) { tasks(${WINDOW_ARGS}) { ${PAGE} } } }`, { id: body.id, ...w })).body.tasks);
    }
  }, 900_000);

  it('District.tasks, District.regionTasks and District.sharingDistrictsConnection of every district', async () => {
    const { districts } = await gql<{ districts: { name: string }[] }>(`{ districts { name } }`, {});
    expect(districts).toHaveLength(38);
    for (const d of districts) {
      for (const field of ['tasks', 'regionTasks']) {
        await expectComplete(`${d.name}.${field}`, async (w) =>
          (await gql<{ district: Record<string, Page> }>(`query($n: String!, ${WINDOW_VARS}) { district(name: $n) { ${field}(${WINDOW_ARGS}) { ${PAGE} } } }`, { n: d.name, ...w })).district[field],
        );
      }
      await expectComplete(`${d.name}.sharingDistrictsConnection`, async (w) =>
        (await gql<{ district: { sharingDistrictsConnection: Page } }>(`query($n: String!, ${WINDOW_VARS}) { district(name: $n) { sharingDistrictsConnection(${WINDOW_ARGS}) { totalCount ${PAGE_INFO} edges { cursor node { id } } } } }`, { n: d.name, ...w })).district.sharingDistrictsConnection,
      );
    }
  }, 900_000);

  it('sharedTasks, search and districtsSharingTasksConnection', async () => {
    await expectComplete('sharedTasks 万州 开州', async (w) => (await gql<{ sharedTasks: Page }>(`query(${WINDOW_VARS}) { sharedTasks(places: ["万州", "开州"], ${WINDOW_ARGS}) { ${PAGE} } }`, w)).sharedTasks);
    for (const query of ['城镇', '县']) {
      await expectComplete(`search ${query}`, async (w) => {
        const data = await gql<{ search: { totalCount: number; pageInfo: Page['pageInfo']; edges: { cursor: string; node: { node: { id: string } } }[] } }>(
          `query($q: String!, ${WINDOW_VARS}) { search(query: $q, planId: "${SEED_PLAN_ID}", ${WINDOW_ARGS}) { totalCount ${PAGE_INFO} edges { cursor node { node { ... on Node { id } } } } } }`,
          { q: query, ...w },
        );
        return { ...data.search, edges: data.search.edges.map((e) => ({ cursor: e.cursor, node: e.node.node })) };
      });
    }
    await expectComplete('districtsSharingTasksConnection 万州', async (w) =>
      (await gql<{ districtsSharingTasksConnection: Page }>(`query(${WINDOW_VARS}) { districtsSharingTasksConnection(with: "万州", ${WINDOW_ARGS}) { totalCount ${PAGE_INFO} edges { cursor node { id } } } }`, w)).districtsSharingTasksConnection,
    );
  }, 900_000);

  it('auditTrail of nine reports written here', async () => {
    const { token } = await issueTestKey(api.graph, 'paging-editor', 'editor');
    const reporter = `paging-${randomUUID()}`;
    const periods = ['2061-Q1', '2061-Q2', '2061-Q3', '2061-Q4', '2062-Q1', '2062-Q2', '2062-Q3', '2062-Q4', '2063-Q1'];
    for (const period of periods) {
      const res = await fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: 'mutation($i: ReportProgressInput!) { reportProgress(input: $i) { id } }',
          variables: { i: { taskId: `${SEED_PLAN_ID}/chp_3__sec_5__para_1__sent_3`, place: '城口', period, status: 'in_progress', reporter } },
        }),
      });
      expect(((await res.json()) as { errors?: unknown }).errors).toBeUndefined();
    }
    const total = await expectComplete(
      'auditTrail',
      async (w) => (await gql<{ auditTrail: Page }>(`query($r: String!, ${WINDOW_VARS}) { auditTrail(reporter: $r, ${WINDOW_ARGS}) { totalCount ${PAGE_INFO} edges { cursor node { id } } } }`, { r: reporter, ...w })).auditTrail,
    );
    expect(total).toBe(periods.length);
  }, 300_000);
});
