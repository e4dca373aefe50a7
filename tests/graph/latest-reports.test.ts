import { runBatch } from '../../src/graph/read/batch';
import type { GraphClient } from '../../src/graph/graph-client';
import { LATEST_REPORTS_BATCH, periodEnd } from '../../src/graph/read/monitoring';
import type { ProgressReportRow } from '../../src/graph/read/rows';
import { quarters } from '../../src/monitoring/period';
import { testClient } from '../helpers/graph';
import { NO_ROWS, shape } from '../helpers/rows';
import { z } from 'zod';

/**
 * Task.latestReports: the current report of a task per place, chosen in the database
 * (LATEST_REPORTS_OF_TASKS). The cases below are worked out by hand; a second test compares the
 * database's choice with the rule written in TypeScript over a random history.
 */
describe('the current report of a task per place', () => {
  let client: GraphClient;
  beforeAll(async () => {
    client = await testClient();
  });
  afterAll(() => client.close());

  interface Stored {
    id: string;
    taskId: string;
    placeId: string;
    period: string;
    createdAt: string;
    supersedes?: string;
  }
  /** Stores reports as reportProgress does: the correction names what it supersedes and links to it. */
  async function store(reports: Stored[]): Promise<void> {
    await client.writeRows(
      `UNWIND $reports AS x
       CREATE (:ProgressReport {id: x.id, taskId: x.taskId, placeId: x.placeId, period: x.period, status: 'in_progress',
         evidence: [], reporter: 'test', createdAt: x.createdAt, supersedes: x.supersedes})`,
      { reports: reports.map((r) => ({ ...r, supersedes: r.supersedes ?? null })) }, NO_ROWS,
    );
    await client.writeRows(
      `UNWIND $pairs AS pair MATCH (r:ProgressReport {id: pair[0]}), (prev:ProgressReport {id: pair[1]}) CREATE (r)-[:SUPERSEDES]->(prev)`,
      { pairs: reports.filter((r) => r.supersedes).map((r) => [r.id, r.supersedes]) }, NO_ROWS,
    );
  }
  const latest = async (taskIds: string[]): Promise<string[][]> =>
    (await runBatch(client, LATEST_REPORTS_BATCH, taskIds)).map((reports) => reports.map((r) => r.id));

  it('chooses by period end, then the newest record; a correction replaces what it supersedes; places newest first', async () => {
    const T = 'test/latest/hand';
    const at = (day: string) => `2026-${day}T08:00:00.000Z`;
    const r = (id: string, placeId: string, period: string, day: string, supersedes?: string): Stored => ({ id: `report/hand/${id}`, taskId: T, placeId, period, createdAt: at(day), supersedes });
    await store([
      // The year 2025 ends after its first quarter, though its record is older.
      r('a1', 'place/500101', '2025', '01-01'),
      r('a2', 'place/500101', '2025-Q1', '05-01'),
      // 2025-H1 and 2025-Q2 end in the same quarter: the newer record wins.
      r('b1', 'place/500102', '2025-H1', '03-01'),
      r('b2', 'place/500102', '2025-Q2', '02-01'),
      // A correction.
      r('c1', 'place/500103', '2025-H2', '01-10'),
      r('c2', 'place/500103', '2025-H2', '04-01', 'report/hand/c1'),
      // The same period end and the same instant: the later id.
      r('d1', 'place/500104', '2024', '01-01'),
      r('d2', 'place/500104', '2024-Q4', '01-01'),
      // A text that is not a period ends at quarter 0, before any period.
      r('e1', 'place/500105', 'FY2025', '06-01'),
      r('e2', 'place/500105', '2019-Q1', '01-01'),
    ]);
    // Newest record per place (superseded ones left out): 500105 06-01, 500101 05-01,
    // 500103 04-01, 500102 03-01, 500104 01-01.
    expect(await latest([T, 'test/latest/none'])).toEqual([
      ['report/hand/e2', 'report/hand/a1', 'report/hand/c2', 'report/hand/b1', 'report/hand/d2'],
      [],
    ]);
  });

  it('numbers the end of every period as src/monitoring/period.ts does, and any other text 0', async () => {
    const periods = ['', '2025-Q0', '2025-Q5', '2025-H3', '25-Q1', '2025Q1', '2025-q1', ' 2025', '2025-Q1 ', '2025\n', '20251', '2025-', '２０２５', '2025-H1-Q1'];
    for (let year = 1999; year <= 2036; year++) periods.push(`${year}`, `${year}-H1`, `${year}-H2`, ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`));
    const rows = await client.readRows(`UNWIND $periods AS p RETURN p, ${periodEnd('p')} AS end`, { periods }, shape({ p: z.string(), end: z.number() }));
    expect(rows.map((row) => [row.p, row.end])).toEqual(periods.map((p) => [p, quarters(p)?.last ?? 0]));
  });

  /** The rule as the API applied it in TypeScript, over a task's whole history read newest first. */
  function inTypeScript(newestFirst: Stored[]): string[] {
    const superseded = new Set(newestFirst.map((r) => r.supersedes).filter(Boolean));
    const best = new Map<string, Stored>();
    for (const r of newestFirst) {
      if (superseded.has(r.id)) continue;
      const current = best.get(r.placeId);
      const end = quarters(r.period)?.last ?? 0;
      const currentEnd = current ? (quarters(current.period)?.last ?? 0) : -1;
      if (!current || end > currentEnd || (end === currentEnd && r.createdAt > current.createdAt)) best.set(r.placeId, r);
    }
    return [...best.values()].map((r) => r.id);
  }

  it('agrees with the rule written in TypeScript over a random history', async () => {
    let state = 20261207;
    const random = (n: number): number => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return Math.floor(state / 65536) % n; // the low bits of this generator repeat quickly
    };
    const periods = ['2024', '2024-H2', '2024-Q4', '2025-Q1', '2025-H1', '2025-Q2', '2025-Q3', '2025'];
    const tasks = Array.from({ length: 6 }, (_, i) => `test/latest/random-${i}`);
    const all: Stored[] = [];
    for (let i = 0; i < 400; i++) {
      const taskId = tasks[random(tasks.length)];
      const placeId = `place/50010${random(5)}`;
      const period = periods[random(periods.length)];
      // Few distinct instants, so that records of one instant occur.
      const createdAt = `2026-0${1 + random(9)}-1${random(3)}T00:00:00.000Z`;
      const open = all.filter((r) => r.taskId === taskId && r.placeId === placeId && r.period === period && !all.some((x) => x.supersedes === r.id));
      const supersedes = open.length > 0 && random(2) === 0 ? open[0].id : undefined;
      all.push({ id: `report/random/${String(i).padStart(3, '0')}`, taskId, placeId, period, createdAt, supersedes });
    }
    await store(all);
    const newestFirst = (taskId: string) =>
      all.filter((r) => r.taskId === taskId).sort((a, b) => (a.createdAt === b.createdAt ? b.id.localeCompare(a.id) : b.createdAt.localeCompare(a.createdAt)));
    const expected = tasks.map((t) => inTypeScript(newestFirst(t)));
    // Every task has reports from every place: the comparison covers 30 choices.
    expect(expected.flat().length).toBe(30);
    expect(await latest(tasks)).toEqual(expected);
  });

  it('gives one report per place out of a long history: the last period', async () => {
    const T = 'test/latest/history';
    const history: Stored[] = [];
    for (let year = 2021; year <= 2030; year++)
      for (let q = 1; q <= 4; q++)
        for (const placeId of ['place/500101', 'place/500102'])
          history.push({ id: `report/history/${placeId.slice(-3)}-${year}-${q}`, taskId: T, placeId, period: `${year}-Q${q}`, createdAt: `${year + 1}-0${q}-01T00:00:00.000Z` });
    await store(history);
    const [reports] = (await runBatch(client, LATEST_REPORTS_BATCH, [T])) as ProgressReportRow[][];
    expect(reports.map((r) => [r.placeId, r.period])).toEqual([['place/500102', '2030-Q4'], ['place/500101', '2030-Q4']]);
  });
});
