import { SEED_PLAN_ID } from '../../src/load/seed-plan';
import { z } from 'zod';
import { shape } from '../helpers/rows';
import { startTestApi, type TestApi } from '../helpers/api';
import { issueTestKey } from '../helpers/keys';

// 支持垫江、忠县、彭水开展国家县城新型城镇化建设示范 (chapter 3, section 5, paragraph 1, sentence 3).
const TASK = `${SEED_PLAN_ID}/chp_3__sec_5__para_1__sent_3`;

jest.setTimeout(180_000);

describe('audit privacy and what writers may claim', () => {
  let api: TestApi;
  let editor: { token: string; keyId: string };
  let admin: { token: string; keyId: string };
  beforeAll(async () => {
    api = await startTestApi({ RESPONSE_CACHE: 'false' });
    editor = await issueTestKey(api.graph, 'privacy-editor', 'editor');
    admin = await issueTestKey(api.graph, 'privacy-admin', 'admin');
  });
  afterAll(() => api.stop());

  const post = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
    return (await res.json()) as { data?: any; errors?: { message: string; extensions: Record<string, unknown> }[] };
  };
  const KEY_EVENTS = `{ auditTrail(action: "key", first: 100) { totalCount edges { node { actor keyId after } } } }`;

  it('lists key events to admins only', async () => {
    const anonymous = await post(KEY_EVENTS);
    expect(anonymous.data.auditTrail).toEqual({ totalCount: 0, edges: [] });
    const asEditor = await post(KEY_EVENTS, {}, editor.token);
    expect(asEditor.data.auditTrail.totalCount).toBe(0);
    const asAdmin = await post(KEY_EVENTS, {}, admin.token);
    const issued = asAdmin.data.auditTrail.edges.map((e: any) => JSON.parse(e.node.after).keyId);
    expect(issued).toEqual(expect.arrayContaining([editor.keyId, admin.keyId]));
  });

  it('records the key holder as the actor, and the reporter cleaned of control and bidi characters', async () => {
    const written = await post(
      `mutation($i: ReportProgressInput!) { reportProgress(input: $i) { id reporter } }`,
      { i: { taskId: TASK, place: '忠县', period: '2034-Q1', status: 'done', reporter: '忠县\u0000发改委\u001b[31m\u202Egnp.exe' } },
      editor.token,
    );
    expect(written.errors).toBeUndefined();
    expect(written.data.reportProgress.reporter).toBe('忠县发改委[31mgnp.exe');
    const trail = await post(`query($t: ID) { auditTrail(taskId: $t, first: 100) { edges { node { actor reporter recordId } } } }`, { t: TASK });
    const event = trail.data.auditTrail.edges.find((e: any) => e.node.recordId === written.data.reportProgress.id);
    expect(event.node).toMatchObject({ actor: 'privacy-editor', reporter: '忠县发改委[31mgnp.exe' });
  });

  it('refuses a reporter that is only control characters, and lone surrogates', async () => {
    const blank = await post(`mutation($i: ReportProgressInput!) { reportProgress(input: $i) { id } }`, { i: { taskId: TASK, place: '忠县', period: '2034-Q2', status: 'done', reporter: '\u202E\u0007 ' } }, editor.token);
    expect(blank.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'reporter', problems: [expect.any(String)] }] });
    const surrogate = await post(`mutation($i: ReportProgressInput!) { reportProgress(input: $i) { id } }`, { i: { taskId: TASK, place: '忠县', period: '2034-Q2', status: 'done', reporter: 'a\ud800b' } }, editor.token);
    expect(surrogate.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'reporter', problems: [expect.any(String)] }] });
  });

  it('refuses a key name of blanks, and revoking twice writes one event', async () => {
    const blank = await post(`mutation { issueApiKey(name: "   ", role: "editor") { token } }`, {}, admin.token);
    expect(blank.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'name', problems: [expect.any(String)] }] });
    const victim = await issueTestKey(api.graph, 'privacy-victim', 'editor');
    const revoke = `mutation($k: String!) { revokeApiKey(keyId: $k) { revokedAt } }`;
    const first = await post(revoke, { k: victim.keyId }, admin.token);
    const second = await post(revoke, { k: victim.keyId }, admin.token);
    expect(second.data.revokeApiKey.revokedAt).toBe(first.data.revokeApiKey.revokedAt);
    const [row] = await api.graph.readRows(`MATCH (e:AuditEvent {aboutId: $id, action: 'key.revoke'}) RETURN count(e) AS events`, { id: `key/${victim.keyId}` }, shape({ events: z.number() }));
    expect(row.events).toBe(1);
  });

  it('answers a retried key issue with CONFLICT, never a second key or the token again', async () => {
    const issue = `mutation($k: String) { issueApiKey(name: "privacy-once", role: "editor", idempotencyKey: $k) { key { keyId } token } }`;
    const first = await post(issue, { k: 'issue-once-0001' }, admin.token);
    expect(first.errors).toBeUndefined();
    const retry = await post(issue, { k: 'issue-once-0001' }, admin.token);
    expect(retry.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', keyId: first.data.issueApiKey.key.keyId });
    const [row] = await api.graph.readRows(`MATCH (k:ApiKey {name: 'privacy-once'}) RETURN count(k) AS keys`, {}, shape({ keys: z.number() }));
    expect(row.keys).toBe(1);
  });
});
