import { startTestApi, type TestApi } from '../helpers/api';
import { issueTestKey } from '../helpers/keys';

/**
 * Heavy reads run in worker threads whose heap is capped (GRAPHQL_HEAVY_WORKER_HEAP_MB): an
 * operation that needs more memory ends its thread, not the API, and is answered
 * RESULT_TOO_LARGE; the pool starts another thread and the API goes on serving. A worker answers
 * as the API's own thread would: the same caller, the same errors, the same deadline.
 */
jest.setTimeout(300_000);

const post = async (api: TestApi, query: string, token: string | null = null) => {
  const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query }) });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
};

describe('a heavy operation that needs more memory than its worker has', () => {
  let api: TestApi;
  beforeAll(async () => {
    // Limits opened wide, so that only the worker's 32 MB heap stops the operation: about 7,000
    // measures with their text, 38 for each of the bodies of every task of every measure.
    api = await startTestApi({ RESPONSE_CACHE: 'false', GRAPHQL_HEAVY_WORKER_HEAP_MB: '32', GRAPHQL_MAX_COST: '1000000000', GRAPHQL_MAX_RESULT_ITEMS: '10000000', GRAPHQL_MAX_DEPTH: '20' });
  });
  afterAll(() => api.stop());

  it('is RESULT_TOO_LARGE naming the heap limit, and the API and its pool go on serving', async () => {
    const greedy = await post(api, '{ bodies { measures { tasks { bodies { measures { id text } } } } } }');
    expect(greedy.body.errors?.[0]?.extensions).toEqual({ code: 'RESULT_TOO_LARGE', limit: 'GRAPHQL_HEAVY_WORKER_HEAP_MB', limitValue: 32 });
    expect(greedy.body.data).toBeNull();
    // A cheap read on the API's thread, and a heavy one in a new worker (the seed has 9 chapters).
    expect((await post(api, '{ plan { title } }')).body.data.plan.title).toContain('重庆市新型城镇化规划');
    const heavy = await post(api, '{ plans { chapters { measures { id text } } } }');
    expect(heavy.body.errors).toBeUndefined();
    expect(heavy.body.data.plans.find((p: any) => p.chapters.length === 9)).toBeDefined();
  });
});

describe('every operation in a worker (GRAPHQL_HEAVY_COST=1)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ RESPONSE_CACHE: 'false', GRAPHQL_HEAVY_COST: '1', GRAPHQL_MAX_RESULT_ITEMS: '300' });
  });
  afterAll(() => api.stop());

  it('answers as the caller: key events for an admin key, none for anyone else', async () => {
    const admin = await issueTestKey(api.graph, 'heavy-workers admin', 'admin');
    const query = '{ auditTrail(action: "key", first: 100) { totalCount } }';
    const before = api.heavyOperations();
    const asAdmin = await post(api, query, admin.token);
    const anonymous = await post(api, query);
    // Both were answered by the threads, not by the API's own.
    expect(api.heavyOperations()).toBe(before + 2);
    // The key issued above is at least one key event.
    expect(asAdmin.body.data.auditTrail.totalCount).toBeGreaterThanOrEqual(1);
    expect(anonymous.body.data.auditTrail.totalCount).toBe(0);
    // A token that is no key sees what anyone sees, in the worker as in the API.
    expect((await post(api, query, 'not-a-key')).body.data.auditTrail.totalCount).toBe(0);
  });

  it('gives the same errors, and counts its statements as the API’s round trips', async () => {
    const refused = await post(api, '{ district(name: "忠县") { tasks(first: 2, last: 2) { totalCount } } }');
    expect(refused.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'last', problems: ['give first or last, not both'] }] });
    const before = api.graph.stats.roundTrips;
    // Read by hand: 忠县 is named in 7 tasks of the seed plan.
    expect((await post(api, '{ district(name: "忠县") { tasks(first: 0, planId: "cq-nup-2021-2035") { totalCount } } }')).body.data.district.tasks.totalCount).toBe(7);
    expect(api.graph.stats.roundTrips).toBeGreaterThan(before);
  });

  it('keeps answering after operations stopped half-way, whose unawaited fields fail later in the thread', async () => {
    for (let i = 0; i < 3; i++) {
      const stopped = await post(api, '{ bodies { measures { tasks { id text } } } }');
      expect(stopped.body.errors?.[0]?.extensions?.code).toBe('RESULT_TOO_LARGE');
    }
    // Time for the late rejections to land in the idle threads.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await post(api, '{ plan { title } }')).body.data.plan.title).toContain('重庆市新型城镇化规划');
  });
});
