import { SEED_PLAN_ID } from '../../src/load/seed-plan';
import { startTestApi, type TestApi } from '../helpers/api';
import { issueTestKey } from '../helpers/keys';

/**
 * Reads that run in a heavy-operation thread follow the request's bookmark too: the thread has a
 * driver of its own, so the bookmark must travel with the task. With every query in a thread
 * (GRAPHQL_HEAVY_COST=1), a bookmark the database did not issue is refused there, and a real
 * one reads after its write.
 */
describe('bookmarks in heavy-operation threads', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ RESPONSE_CACHE: 'false', GRAPHQL_HEAVY_COST: '1' });
  });
  afterAll(() => api.stop());

  const post = async (query: string, variables: Record<string, unknown>, headers: Record<string, string>) => {
    const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    return { bookmark: res.headers.get('plan-graph-bookmark'), body: (await res.json()) as any };
  };

  it('refuses an unknown bookmark in the thread, and reads after a real one', async () => {
    const threadsBefore = api.heavyOperations();
    const unknown = await post(`{ plans { id } }`, {}, { 'plan-graph-bookmark': 'FB:kcwQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(api.heavyOperations()).toBeGreaterThan(threadsBefore);

    const editor = await issueTestKey(api.graph, 'heavy-bookmark-editor', 'editor');
    const task = `${SEED_PLAN_ID}/chp_3__sec_4__para_1__sent_2`;
    const written = await post(
      `mutation($i: ReportProgressInput!) { reportProgress(input: $i) { id } }`,
      { i: { taskId: task, place: '黔江', period: '2029-Q4', status: 'in_progress', reporter: 'heavy bookmark test' } },
      { authorization: `Bearer ${editor.token}` },
    );
    expect(written.body.errors).toBeUndefined();
    const read = await post(`query($id: ID!) { node(id: $id) { ... on Task { reports { id } } } }`, { id: task }, { 'plan-graph-bookmark': written.bookmark! });
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.node.reports.map((r: { id: string }) => r.id)).toContain(written.body.data.reportProgress.id);
  });
});
