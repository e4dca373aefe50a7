import { SEED_PLAN_ID } from '../../src/load/seed-plan';
import { startTestApi, type TestApi } from '../helpers/api';
import { issueTestKey } from '../helpers/keys';

/** Cached answers are keyed by the graph's versions: a write invalidates exactly what it changes. */
describe('response cache', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ RESPONSE_CACHE: 'true' });
  });
  afterAll(() => api.stop());

  const post = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const res = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { cache: res.headers.get('x-cache'), body: (await res.json()) as any };
  };

  /** Asks twice; the file has its worker's database to itself, so nothing else moves the versions. */
  async function twice(query: string, variables: Record<string, unknown>): Promise<{ first: string | null; second: string | null; trips: number }> {
    const first = (await post(query, variables)).cache;
    api.graph.resetStats();
    const second = (await post(query, variables)).cache;
    return { first, second, trips: api.graph.stats.roundTrips };
  }

  it('serves a repeated read from the cache with one version read, and drops only what a write changes', async () => {
    const TASK = `${SEED_PLAN_ID}/chp_3__sec_4__para_1__sent_2`; // 支持黔江建设渝东南区域中心城市
    const plain = `query($n: String!) { district(name: $n) { tasks(first: 5, planId: "${SEED_PLAN_ID}") { totalCount } } }`;
    const withReports = `query($id: ID!) { node(id: $id) { ... on Task { reports { status } } } }`;
    const plainTwice = await twice(plain, { n: '黔江' });
    expect(plainTwice.first).toBe('miss');
    expect(plainTwice.second).toBe('hit');
    expect(plainTwice.trips).toBe(1);
    expect((await twice(withReports, { id: TASK })).second).toBe('hit');

    const editor = await issueTestKey(api.graph, 'cache-test', 'editor');
    // Cache the plain read under the current versions, then write a report.
    await post(plain, { n: '黔江' });
    const written = await post(
      `mutation($i: ReportProgressInput!) { reportProgress(input: $i) { id } }`,
      { i: { taskId: TASK, place: '黔江', period: '2025-Q4', status: 'done', reporter: 'cache test' } },
      editor.token,
    );
    expect(written.body.errors).toBeUndefined();
    // The monitoring write leaves plan reads cached, and refreshes reads of reports.
    const plainAfter = await post(plain, { n: '黔江' });
    expect(plainAfter.cache).toBe('hit');
    const fresh = await post(withReports, { id: TASK });
    expect(fresh.cache).toBe('miss');
    expect(fresh.body.data.node.reports.map((r: any) => r.status)).toContain('done');
  });

  it('answers forty requests that arrive together with a few version reads, not forty', async () => {
    const query = `{ district(name: "万州") { name } }`;
    expect((await post(query)).cache).toBe('miss');
    api.graph.resetStats();
    const answers = await Promise.all(Array.from({ length: 40 }, () => post(query)));
    expect(answers.map((a) => a.cache)).toEqual(Array(40).fill('hit'));
    expect(answers.map((a) => a.body.data.district.name)).toEqual(Array(40).fill('万州区'));
    // One read per request would be 40. How many fewer depends on how the requests' arrivals
    // interleave with the reads' answers: a version read is one short auto-commit statement, and on
    // a loaded machine the server takes the 40 requests in over several reads' time (32 reads were
    // seen there; 6 to 12 in three runs at a lower load). The exact sharing rule is tested in fresh-read.test.ts; here,
    // fewer reads than requests shows the server's requests share them at all.
    expect(api.graph.stats.roundTrips).toBeLessThan(40);
  });
});
