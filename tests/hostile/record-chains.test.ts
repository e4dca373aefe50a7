import { randomUUID } from 'node:crypto';
import { SEED_PLAN_ID } from '../../src/load/seed-plan';
import { z } from 'zod';
import { shape } from '../helpers/rows';
import { startTestApi, type TestApi } from '../helpers/api';
import { issueTestKey } from '../helpers/keys';

// 支持黔江建设渝东南区域中心城市 (read in the seed: chapter 3, section 4, paragraph 1, sentence 2).
const TASK = `${SEED_PLAN_ID}/chp_3__sec_4__para_1__sent_2`;
// The seed's box 1, row 1: 常住人口城镇化率 (indicator 1).
const INDICATOR = `${SEED_PLAN_ID}/box_1__ind_1`;
const REPORT = `mutation($input: ReportProgressInput!, $key: String) { reportProgress(input: $input, idempotencyKey: $key) { id supersedes status } }`;
const OBSERVE = `mutation($input: RecordObservationInput!, $key: String) { recordObservation(input: $input, idempotencyKey: $key) { id supersedes value } }`;

/**
 * One current record, always: concurrent corrections of one report (or observation) form a single
 * line, and an idempotent retry writes nothing. Every test uses a period or year of its own, so no
 * other test writes to its chains.
 */
jest.setTimeout(180_000);

describe('correction chains under concurrency, idempotent writes', () => {
  let api: TestApi;
  let editor: { token: string; keyId: string };
  beforeAll(async () => {
    api = await startTestApi({ RESPONSE_CACHE: 'false' });
    editor = await issueTestKey(api.graph, 'chain-editor', 'editor');
  });
  afterAll(() => api.stop());

  const post = async (query: string, variables: Record<string, unknown>) => {
    const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${editor.token}` }, body: JSON.stringify({ query, variables }) });
    return (await res.json()) as { data?: any; errors?: { message: string; extensions: Record<string, unknown> }[] };
  };
  const report = (period: string, status: string, note: string) => ({ taskId: TASK, place: '黔江', period, status, note, reporter: '黔江区发展改革委' });

  it('50 concurrent corrections leave one current report and a chain of 50 events', async () => {
    const period = '2031-Q2';
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => post(REPORT, { input: report(period, i % 2 ? 'in_progress' : 'at_risk', `note ${i}`) })));
    expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
    const [chain] = await api.graph.readRows(
      `MATCH (r:ProgressReport {taskId: $task, period: $period})
       WITH collect(r) AS rs
       RETURN size(rs) AS reports,
         size([r IN rs WHERE NOT EXISTS { (:ProgressReport)-[:SUPERSEDES]->(r) }]) AS current,
         size([r IN rs WHERE r.supersedes IS NULL]) AS roots,
         size([r IN rs WHERE EXISTS { (r)-[:SUPERSEDES]->(:ProgressReport) }]) AS linked,
         COUNT { MATCH (e:AuditEvent {aboutId: $task, action: 'report.create'}) WHERE e.recordId IN [r IN rs | r.id] } AS creates,
         COUNT { MATCH (e:AuditEvent {aboutId: $task, action: 'report.correct'}) WHERE e.recordId IN [r IN rs | r.id] } AS corrects`,
      { task: TASK, period }, shape({ reports: z.number(), current: z.number(), roots: z.number(), linked: z.number(), creates: z.number(), corrects: z.number() }));
    expect(chain).toEqual({ reports: 50, current: 1, roots: 1, linked: 49, creates: 1, corrects: 49 });
  });

  it('concurrent observations of one indicator and year leave one current value', async () => {
    const input = (value: number) => ({ indicatorId: INDICATOR, year: 2032, value, source: '重庆统计年鉴', reporter: '市统计局' });
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => post(OBSERVE, { input: input(70 + i / 10) })));
    expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
    const [row] = await api.graph.readRows(
      `MATCH (o:Observation {indicatorId: $id}) WHERE o.year = 2032
       RETURN count(o) AS total, count(CASE WHEN NOT EXISTS { (:Observation)-[:SUPERSEDES]->(o) } THEN 1 END) AS current`,
      { id: INDICATOR }, shape({ total: z.number(), current: z.number() }));
    expect(row).toEqual({ total: 10, current: 1 });
  });

  it('a retried idempotent write returns the first answer and creates nothing', async () => {
    const key = randomUUID();
    const input = report('2031-Q3', 'done', 'first and only');
    const first = await post(REPORT, { input, key });
    expect(first.errors).toBeUndefined();
    // The retry, and ten concurrent ones, as a client that lost the answer would send them.
    const retries = await Promise.all(Array.from({ length: 10 }, () => post(REPORT, { input, key })));
    for (const retry of retries) expect(retry.data?.reportProgress).toEqual(first.data.reportProgress);
    const [row] = await api.graph.readRows(
      `MATCH (r:ProgressReport {taskId: $task, period: '2031-Q3'}) WITH collect(r.id) AS ids
       RETURN size(ids) AS reports, COUNT { MATCH (e:AuditEvent) WHERE e.recordId IN ids } AS events`,
      { task: TASK }, shape({ reports: z.number(), events: z.number() }));
    expect(row).toEqual({ reports: 1, events: 1 });
  });

  it('refuses an idempotency key reused for another request, and writes nothing', async () => {
    const key = randomUUID();
    expect((await post(REPORT, { input: report('2031-Q4', 'done', 'one'), key })).errors).toBeUndefined();
    const reused = await post(REPORT, { input: report('2031-Q4', 'blocked', 'another'), key });
    expect(reused.errors?.map((e) => e.extensions.code)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    const [row] = await api.graph.readRows(`MATCH (r:ProgressReport {taskId: $task, period: '2031-Q4'}) RETURN count(r) AS reports`, { task: TASK }, shape({ reports: z.number() }));
    expect(row.reports).toBe(1);
  });

  it('refuses a malformed idempotency key', async () => {
    const res = await post(REPORT, { input: report('2031-Q1', 'done', 'x'), key: 'short' });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'idempotencyKey', problems: [expect.any(String)] }] });
  });
});
