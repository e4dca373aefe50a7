import { startBalancer, type Balancer } from '../../src/balancer/round-robin-balancer';
import { SEED_PLAN_ID } from '../../src/load/seed-plan';
import { startTestApi, type TestApi } from '../helpers/api';
import { issueTestKey } from '../helpers/keys';

/**
 * Two API replicas over one database behind a round-robin load balancer, as the compose profile
 * `replicas` runs them: what one replica writes, the other serves at once to a client that
 * carries the write's bookmark (never from its own cache); an idempotent retry that lands on the
 * other replica writes nothing; a key revoked through one is refused by both.
 */
describe('replicas behind a load balancer', () => {
  let a: TestApi;
  let b: TestApi;
  let balancer: Balancer;
  beforeAll(async () => {
    [a, b] = await Promise.all([startTestApi({ INSTANCE_NAME: 'a', RESPONSE_CACHE: 'true' }), startTestApi({ INSTANCE_NAME: 'b', RESPONSE_CACHE: 'true' })]);
    balancer = await startBalancer([new URL(a.url).origin, new URL(b.url).origin]);
  });
  afterAll(async () => {
    await balancer?.close();
    await Promise.all([a?.stop(), b?.stop()]);
  });

  const post = async (query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const res = await fetch(`${balancer.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    return { servedBy: res.headers.get('x-served-by'), cache: res.headers.get('x-cache'), bookmark: res.headers.get('plan-graph-bookmark'), status: res.status, body: (await res.json()) as any };
  };
  const TASK = `${SEED_PLAN_ID}/chp_3__sec_4__para_1__sent_2`; // 支持黔江建设渝东南区域中心城市
  const REPORTS = `query($id: ID!) { node(id: $id) { ... on Task { reports { id status } } } }`;
  const REPORT = `mutation($i: ReportProgressInput!, $k: String) { reportProgress(input: $i, idempotencyKey: $k) { id } }`;

  it('serves a write through the other replica at once, with its bookmark, and never from that replica’s cache', async () => {
    const editor = await issueTestKey(a.graph, 'replica-editor', 'editor');
    // Both replicas cache the task's reports as they stand.
    const before = [await post(REPORTS, { id: TASK }), await post(REPORTS, { id: TASK })];
    expect(before.map((r) => r.servedBy).sort()).toEqual(['a', 'b']);
    expect(before.map((r) => r.cache)).toEqual(['miss', 'miss']);
    expect((await post(REPORTS, { id: TASK })).cache).toBe('hit');

    const input = { taskId: TASK, place: '黔江', period: '2027-Q2', status: 'in_progress', reporter: 'replica test' };
    const written = await post(REPORT, { i: input, k: 'replica-test-write-1' }, { authorization: `Bearer ${editor.token}` });
    expect(written.body.errors).toBeUndefined();
    const reportId: string = written.body.data.reportProgress.id;
    expect(written.bookmark).toMatch(/\S/);

    // The next request lands on the other replica: with the bookmark it reads after the write.
    const read = await post(REPORTS, { id: TASK }, { 'plan-graph-bookmark': written.bookmark! });
    expect(read.servedBy).not.toBe(written.servedBy);
    expect(read.cache).not.toBe('hit');
    expect(read.body.data.node.reports.map((r: { id: string }) => r.id)).toContain(reportId);

    // The retry (same idempotency key) is sent so that it lands on the replica that did not
    // write (round robin: one request in between): the first answer, and nothing new.
    await post(`{ __typename }`, {});
    const retry = await post(REPORT, { i: input, k: 'replica-test-write-1' }, { authorization: `Bearer ${editor.token}` });
    expect(retry.servedBy).not.toBe(written.servedBy);
    expect(retry.body.data.reportProgress.id).toBe(reportId);
    const after = await post(REPORTS, { id: TASK }, { 'plan-graph-bookmark': written.bookmark! });
    expect(after.body.data.node.reports.length).toBe(read.body.data.node.reports.length);
  });

  it('refuses a key on both replicas once one of them revoked it', async () => {
    const admin = await issueTestKey(a.graph, 'replica-admin', 'admin');
    const victim = await issueTestKey(a.graph, 'replica-victim', 'editor');
    let period = 0;
    const asVictim = () =>
      post(REPORT, { i: { taskId: TASK, place: '黔江', period: `2028-Q${++period}`, status: 'in_progress', reporter: 'revocation test' } }, { authorization: `Bearer ${victim.token}` });
    const accepted = [await asVictim(), await asVictim()];
    expect(accepted.map((r) => [r.servedBy, r.body.errors])).toEqual(expect.arrayContaining([['a', undefined], ['b', undefined]]));

    const revoked = await post(`mutation($k: String!) { revokeApiKey(keyId: $k) { keyId } }`, { k: victim.keyId }, { authorization: `Bearer ${admin.token}` });
    expect(revoked.body.errors).toBeUndefined();
    const refused = [await asVictim(), await asVictim()];
    expect(refused.map((r) => r.servedBy).sort()).toEqual(['a', 'b']);
    expect(refused.map((r) => r.body.errors?.[0]?.extensions?.code)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
  });

  it('refuses a bookmark header that is no list of bookmarks, with a code, and keeps serving', async () => {
    const bad = await post(`{ __typename }`, {}, { 'plan-graph-bookmark': 'not a bookmark' });
    expect(bad.status).toBe(400);
    expect(bad.body.code ?? bad.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    const unknown = await post(`{ plans { id } }`, {}, { 'plan-graph-bookmark': 'FB:kcwQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await post(`{ __typename }`, {})).status).toBe(200);
  });
});

describe('a cluster URI (neo4j://) over the single instance', () => {
  it('routes reads and writes through the routing table', async () => {
    const uri = process.env.NEO4J_URI!.replace(/^bolt:/, 'neo4j:');
    expect(uri).toMatch(/^neo4j:\/\//);
    const api = await startTestApi({ NEO4J_URI: uri });
    try {
      const editor = await issueTestKey(api.graph, 'routing-editor', 'editor');
      const read = await api.gql(`{ plan(id: "${SEED_PLAN_ID}") { id } }`);
      expect(read.body.data).toEqual({ plan: { id: SEED_PLAN_ID } });
      const res = await fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${editor.token}` },
        body: JSON.stringify({ query: `mutation($i: ReportProgressInput!) { reportProgress(input: $i) { id } }`, variables: { i: { taskId: `${SEED_PLAN_ID}/chp_3__sec_4__para_1__sent_2`, place: '黔江', period: '2027-Q3', status: 'in_progress', reporter: 'routing test' } } }),
      });
      const body = (await res.json()) as any;
      expect(body.errors).toBeUndefined();
      expect(res.headers.get('plan-graph-bookmark')).toMatch(/\S/);
    } finally {
      await api.stop();
    }
  });
});

describe('the balancer with no replica up', () => {
  it('answers 502 BAD_GATEWAY in the API’s error shape', async () => {
    const lonely = await startBalancer(['http://127.0.0.1:1', 'http://127.0.0.1:2']);
    try {
      const res = await fetch(`${lonely.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      expect(res.status).toBe(502);
      expect(((await res.json()) as any).errors[0].extensions.code).toBe('BAD_GATEWAY');
    } finally {
      await lonely.close();
    }
  });
});
