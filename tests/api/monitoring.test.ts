import { parseToken } from '../../src/auth/api-key';
import { SEED_PLAN_ID } from '../../src/load/seed-plan';
import { startTestApi, type TestApi } from '../helpers/api';
import { issueTestKey } from '../helpers/keys';
import { z } from 'zod';
import { shape } from '../helpers/rows';

const TASK = `${SEED_PLAN_ID}/chp_3__sec_5__para_1__sent_3`; // 支持垫江、忠县、彭水开展国家县城新型城镇化建设示范。
const REPORT = `mutation($input: ReportProgressInput!) { reportProgress(input: $input) { id period status reporter place { name } supersedes } }`;

describe('monitoring: reports, observations, keys and the audit trail', () => {
  let api: TestApi;
  let editor: { token: string; keyId: string };
  let admin: { token: string; keyId: string };

  beforeAll(async () => {
    api = await startTestApi();
    editor = await issueTestKey(api.graph, 'monitoring editor', 'editor');
    admin = await issueTestKey(api.graph, 'monitoring admin', 'admin');
  });
  afterAll(() => api.stop());

  const post = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const res = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: any; errors?: { message: string; extensions: Record<string, unknown> }[] };
  };
  // Every record in the database: this file starts on the seed state, which holds none.
  const countRecords = async () =>
    (
      await api.graph.readRows(
        `CALL { MATCH (r:ProgressReport) RETURN count(r) AS reports } CALL { MATCH (e:AuditEvent) RETURN count(e) AS events } RETURN reports, events`,
        {}, shape({ reports: z.number(), events: z.number() }),
      )
    )[0];
  let firstReport = '';
  const input = (over: Record<string, unknown> = {}) => ({
    taskId: TASK,
    place: '垫江',
    period: '2025-Q3',
    status: 'in_progress',
    note: '县城公共设施补短板项目开工 12 个',
    evidence: ['https://www.cqdj.gov.cn/report/2025q3'],
    reporter: '垫江县发展改革委',
    ...over,
  });

  it('a report written with an editor key shows up in the scorecard and the trail', async () => {
    const written = await post(REPORT, { input: input() }, editor.token);
    expect(written.errors).toBeUndefined();
    expect(written.data.reportProgress).toMatchObject({ period: '2025-Q3', status: 'in_progress', place: { name: '垫江县' }, supersedes: null });

    const card = await post(`{ district(name: "垫江") { scorecard(asOf: "2025-Q3", planId: "${SEED_PLAN_ID}") { taskCount byStatus { status count } items { task { id } status period } stale { id } } } }`, {});
    const sc = card.data.district.scorecard;
    expect(sc.items.find((i: any) => i.task.id === TASK)).toEqual({ task: { id: TASK }, status: 'in_progress', period: '2025-Q3' });
    expect(sc.byStatus).toContainEqual({ status: 'in_progress', count: 1 });
    expect(sc.stale.map((t: any) => t.id)).not.toContain(TASK);
    expect(sc.stale).toHaveLength(sc.taskCount - 1);
    // Two quarters later without a new report, the task is stale.
    const later = await post(`{ district(name: "垫江") { scorecard(asOf: "2026-Q1", planId: "${SEED_PLAN_ID}") { stale { id } } } }`, {});
    expect(later.data.district.scorecard.stale.map((t: any) => t.id)).toContain(TASK);

    firstReport = written.data.reportProgress.id;
    const trail = await post(`query($t: ID) { auditTrail(taskId: $t, first: 50) { totalCount edges { node { actor action reporter placeId before after about { id } } } } }`, { t: TASK });
    expect(trail.data.auditTrail.totalCount).toBe(1);
    const [mine] = trail.data.auditTrail.edges.map((e: any) => e.node);
    expect(JSON.parse(mine.after).id).toBe(firstReport);
    expect(mine).toMatchObject({ action: 'report.create', reporter: '垫江县发展改革委', placeId: 'place/500231', before: null, about: { id: TASK }, actor: 'monitoring editor' });
  });

  it('a correction is a new report that supersedes the old one, and a new event with before and after', async () => {
    const first = await post(REPORT, { input: input({ period: '2025-Q2', status: 'at_risk' }) }, editor.token);
    const second = await post(REPORT, { input: input({ period: '2025-Q2', status: 'done', note: '更正：已完成' }) }, editor.token);
    expect(second.data.reportProgress.supersedes).toBe(first.data.reportProgress.id);
    const trail = await post(`query($t: ID) { auditTrail(taskId: $t, action: "report.correct", first: 50) { edges { node { before after } } } }`, { t: TASK });
    expect(trail.data.auditTrail.edges).toHaveLength(1);
    const correction = trail.data.auditTrail.edges[0].node;
    expect(JSON.parse(correction.after).id).toBe(second.data.reportProgress.id);
    expect(JSON.parse(correction.before)).toMatchObject({ id: first.data.reportProgress.id, status: 'at_risk' });
    expect(JSON.parse(correction.after)).toMatchObject({ status: 'done' });
    const reports = await post(`query($id: ID!) { node(id: $id) { ... on Task { reports(place: "place/500231") { id } latestReports { period status } } } }`, { id: TASK });
    expect(reports.data.node.reports.map((r: any) => r.id).sort()).toEqual([firstReport, first.data.reportProgress.id, second.data.reportProgress.id].sort());
    expect(reports.data.node.latestReports).toEqual([{ period: '2025-Q3', status: 'in_progress' }]);
  });

  it('refuses the mutation without a key, with a revoked key, or with too low a role, and writes nothing', async () => {
    const doomed = await issueTestKey(api.graph, 'doomed', 'editor');
    const before = await countRecords();
    const none = await post(REPORT, { input: input() });
    expect(none.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    const forged = await post(REPORT, { input: input() }, `${editor.token.slice(0, -4)}AAAA`);
    expect(forged.errors![0].extensions.code).toBe('UNAUTHENTICATED');

    const revoked = await post(`mutation($k: String!) { revokeApiKey(keyId: $k) { keyId revokedAt } }`, { k: doomed.keyId }, admin.token);
    expect(revoked.data.revokeApiKey.revokedAt).toBeTruthy();
    const afterRevoke = await countRecords();
    const refused = await post(REPORT, { input: input() }, doomed.token);
    expect(refused.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect(refused.errors![0].message).toBe('The API key is invalid or revoked');

    const editorIssuing = await post(`mutation { issueApiKey(name: "x", role: "admin") { token } }`, {}, editor.token);
    expect(editorIssuing.errors![0].extensions.code).toBe('FORBIDDEN');
    expect(await countRecords()).toEqual({ reports: before.reports, events: afterRevoke.events });
    expect(afterRevoke.events).toBe(before.events + 1); // the revocation is audited
  });

  it('validates input and names the field', async () => {
    const bad = await post(REPORT, { input: input({ period: '2025-Q5', evidence: ['javascript:alert(1)'] }) }, editor.token);
    expect(bad.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].message).toContain('period must look like 2025-Q3');
    expect(bad.errors![0].message).toContain('evidence');
    const unknown = await post(REPORT, { input: input({ taskId: `${SEED_PLAN_ID}/chp_99__sec_1__para_1__sent_1` }) }, editor.token);
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'taskId' });
  });

  it('an observation moves the indicator’s progress', async () => {
    const id = `${SEED_PLAN_ID}/box_1__ind_1`; // 常住人口城镇化率: 69.46 (2020) -> ≥73 (2025)
    const q = `query($id: ID!) { node(id: $id) { ... on Indicator { progress { latest { year value } travelled expected onTrack met } } } }`;
    const obs = `mutation($i: RecordObservationInput!) { recordObservation(input: $i) { id year value } }`;
    const w1 = await post(obs, { i: { indicatorId: id, year: 2022, value: 70.32, source: '重庆市统计公报 2022', reporter: '市统计局' } }, editor.token);
    expect(w1.errors).toBeUndefined();
    const p1 = (await post(q, { id })).data.node.progress;
    expect(p1.latest).toEqual({ year: 2022, value: 70.32 });
    expect(p1.travelled).toBeCloseTo((70.32 - 69.46) / (73 - 69.46), 6);
    expect(p1.expected).toBeCloseTo(2 / 5, 6);
    expect(p1.onTrack).toBe(false);
    await post(obs, { i: { indicatorId: id, year: 2023, value: 71.67, source: '重庆市统计公报 2023', reporter: '市统计局' } }, editor.token);
    const p2 = (await post(q, { id })).data.node.progress;
    expect(p2.latest.year).toBe(2023);
    expect(p2.travelled).toBeGreaterThan(p1.travelled);
    const badYear = await post(obs, { i: { indicatorId: id, year: 1800, value: 1, source: 's', reporter: 'r' } }, editor.token);
    expect(badYear.errors![0].message).toMatch(/^year: year must not be less than 2000/);
  });

  it('stores keys hashed: no token appears in the database', async () => {
    const rows = await api.graph.readRows(`MATCH (n) WHERE n:ApiKey OR n:AuditEvent RETURN properties(n) AS props`, {}, shape({ props: z.unknown() }));
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(editor.token);
    expect(dump).not.toContain(parseToken(editor.token)!.secret);
    expect(dump).toContain(editor.keyId);
  });
});
