import { SEED_PLAN_ID } from '../../src/load/seed-plan';
import type { RunningApi } from '../../src/main';
import { issueTestKey } from '../helpers/keys';
import { startOwnDatabase, type OwnDatabase } from '../helpers/own-database';

/**
 * A frozen Neo4j (SIGSTOP: it keeps its sockets open and answers nothing, the worst kind of
 * outage for a client) under the API: every request answers
 * SERVICE_UNAVAILABLE within UNAVAILABLE_DEADLINE_MS (5 s), /readyz answers 503 within 2 s, and
 * after SIGCONT the API serves again without a restart. A database of its own, so that freezing
 * it disturbs no other test. The figures are printed for the README.
 */
jest.setTimeout(900_000);

// 支持垫江、忠县、彭水开展国家县城新型城镇化建设示范 (chapter 3, section 5, paragraph 1, sentence 3).
const TASK = `${SEED_PLAN_ID}/chp_3__sec_5__para_1__sent_3`;
const DEADLINE_MS = 5_000;
const READY_DEADLINE_MS = 2_000;

describe('frozen database', () => {
  let own: OwnDatabase;
  let api: RunningApi;
  let editor: { token: string };

  beforeAll(async () => {
    // Operations may run long on a busy machine (GRAPHQL_TIMEOUT_MS): the client-facing deadline
    // with a frozen database (UNAVAILABLE_DEADLINE_MS, 5 s by default) holds all the same.
    own = await startOwnDatabase('frozen', { GRAPHQL_TIMEOUT_MS: '60000', GRAPHQL_MUTATION_TIMEOUT_MS: '120000' });
    api = own.api;
    editor = await issueTestKey(api.graph, 'frozen-editor', 'editor');
  });
  afterAll(() => own?.close());

  const timed = async (name: string, send: () => Promise<Response>) => {
    const started = Date.now();
    const res = await send();
    const text = await res.text();
    const ms = Date.now() - started;
    let code: string | null = null;
    try {
      code = (JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code ?? null;
    } catch {
      code = null;
    }
    return { name, ms, status: res.status, code, text };
  };
  const post = (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => () =>
    fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const REPORT = 'mutation($i: ReportProgressInput!, $k: String) { reportProgress(input: $i, idempotencyKey: $k) { id } }';
  const reportVariables = { i: { taskId: TASK, place: '忠县', period: '2032-Q4', status: 'in_progress', reporter: 'frozen-test' }, k: 'frozen-database-report-1' };

  /** Every kind of request that needs the database: a read, search, a write, an export; and readiness. */
  const graphqlAndExport = () => [
    timed('query', post('{ district(name: "万州") { name tasks(first: 3) { totalCount } } }')),
    timed('search', post('{ search(query: "保障性租赁住房", first: 3) { totalCount } }')),
    timed('mutation', post(REPORT, reportVariables, { authorization: `Bearer ${editor.token}` })),
    timed('export', () => fetch(api.url.replace('/graphql', `/export/${SEED_PLAN_ID}.jsonld`))),
  ];
  const readyz = () => timed('readyz', () => fetch(api.url.replace('/graphql', '/readyz')));

  it('answers every request SERVICE_UNAVAILABLE within 5 s and /readyz within 2 s, and recovers after SIGCONT', async () => {
    // A busy machine may be slow to answer the first reads of a fresh database: warm it up until
    // it answers (the answer itself is checked).
    let warm = await timed('warm', post('{ district(name: "忠县") { tasks(first: 2) { totalCount } } }'));
    for (let i = 0; i < 20 && warm.code !== null; i++) warm = await timed('warm', post('{ district(name: "忠县") { tasks(first: 2) { totalCount } } }'));
    // Read by hand: 忠县 is named in 7 tasks of the seed plan.
    expect(JSON.parse(warm.text)).toEqual({ data: { district: { tasks: { totalCount: 7 } } } });

    own.freezeDatabase();
    const [first, second] = await (async () => {
      try {
        // The first requests find out by themselves that the database is frozen (nothing has told
        // the server yet); /readyz probes on its own; the next requests already know.
        const first = await Promise.all(graphqlAndExport());
        const ready = await readyz();
        const second = await Promise.all([...graphqlAndExport(), readyz()]);
        return [[...first, ready], second];
      } finally {
        own.thawDatabase();
      }
    })();
    process.stdout.write(
      `frozen database, ms to answer (status code):\n${[first, second]
        .map((w, i) => `  wave ${i + 1}: ${w.map((r) => `${r.name} ${r.ms} (${r.status} ${r.code ?? ''})`).join(', ')}`)
        .join('\n')}\n`,
    );
    for (const answer of [...first, ...second]) {
      if (answer.name === 'readyz') {
        expect({ name: answer.name, status: answer.status, code: answer.code }).toEqual({ name: 'readyz', status: 503, code: null });
        expect(JSON.parse(answer.text)).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
        expect(answer.ms).toBeLessThan(READY_DEADLINE_MS);
      } else {
        expect({ name: answer.name, code: answer.code }).toEqual({ name: answer.name, code: 'SERVICE_UNAVAILABLE' });
        expect(answer.status).toBe(answer.name === 'export' ? 503 : 200);
        expect(answer.ms).toBeLessThan(DEADLINE_MS);
      }
    }

    // Thawed: the API serves again by itself.
    let recovered = false;
    for (let i = 0; i < 60 && !recovered; i++) {
      const again = await timed('again', post('{ district(name: "万州") { name } }'));
      // The district's full name is 万州区; the query asks by its short name.
      recovered = again.code === null && JSON.parse(again.text).data?.district?.name === '万州区';
      if (!recovered) await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    expect(recovered).toBe(true);
    expect((await fetch(api.url.replace('/graphql', '/readyz'))).status).toBe(200);

    // The write that was refused may have committed once the database went on: its retry with the
    // same idempotency key succeeds, and there is exactly one report.
    const retried = await timed('retry', post(REPORT, reportVariables, { authorization: `Bearer ${editor.token}` }));
    expect(retried.code).toBeNull();
    const trail = await timed('trail', post('query($t: ID) { auditTrail(taskId: $t, action: "report", first: 100) { totalCount } }', { t: TASK }));
    expect(JSON.parse(trail.text).data.auditTrail.totalCount).toBe(1);
  });
});
