import type { Driver } from 'neo4j-driver';
import type { GraphClient } from '../../src/graph/graph-client';
import { LATEST_REPORTS_OF_TASKS, REPORTS_OF_TASKS, SCORECARD_ROWS } from '../../src/graph/read/monitoring';
import { SEED_PLAN_ID } from '../../src/load/seed-plan';
import { testGraph, type TestGraph } from '../helpers/graph';
import { profiledRead } from '../helpers/profile';
import { NO_ROWS } from '../helpers/rows';

/**
 * Reports accumulate for years (a quarter at a time, from every district), so a task's reports and
 * a place's must be found through an index: the work of reading them may not grow with the reports
 * on other tasks and places. Measured as Neo4j's database hits (PROFILE), before and after 3,000
 * reports about the plan's other tasks, at other places, are stored.
 */
describe('reads of progress reports, among many others', () => {
  const TASK = `${SEED_PLAN_ID}/chp_3__sec_5__para_1__sent_3`; // 支持垫江、忠县、彭水开展国家县城新型城镇化建设示范。
  const PLACE = 'place/500231'; // 垫江县
  const OTHERS = 3_000;
  let graph: TestGraph;
  let client: GraphClient;
  let driver: Driver;

  const reads = (): [string, string, Record<string, unknown>][] => [
    ['a task’s reports', REPORTS_OF_TASKS, { ids: [TASK], placeId: null }],
    ['a task’s current reports', LATEST_REPORTS_OF_TASKS, { ids: [TASK] }],
    ['a place’s scorecard', SCORECARD_ROWS, { placeId: PLACE, planId: SEED_PLAN_ID }],
  ];
  const before = new Map<string, { hits: number; rows: unknown }>();
  const profiled = async (cypher: string, params: Record<string, unknown>) => {
    const { records, hits } = await profiledRead(driver, cypher, params);
    return { hits, rows: records.map((r) => r.toObject()) };
  };

  beforeAll(async () => {
    graph = await testGraph();
    ({ client, driver } = graph);
    // The task's own history at the place, linked as reportProgress links it.
    await client.writeRows(
      `MATCH (t:Task {id: $task}), (p:Place {id: $place})
       UNWIND range(1, 4) AS q
       CREATE (r:Record:ProgressReport {id: 'report/own/' + q, taskId: t.id, placeId: p.id, period: '2025-Q' + q, status: 'in_progress',
         evidence: [], reporter: 'test', createdAt: '2026-0' + q + '-01T00:00:00.000Z'})-[:ABOUT]->(t)
       CREATE (r)-[:FOR_PLACE]->(p)`,
      { task: TASK, place: PLACE }, NO_ROWS,
    );
    for (const [name, cypher, params] of reads()) before.set(name, await profiled(cypher, params));
    await client.writeRows(
      `MATCH (t:Task) WHERE t.id <> $task WITH collect(t) AS tasks
       UNWIND range(1, $n) AS i
       WITH tasks[i % size(tasks)] AS t, i
       CREATE (:Record:ProgressReport {id: 'report/other/' + i, taskId: t.id, placeId: 'place/other/' + (i % 38),
         period: '2025-Q' + (1 + i % 4), status: 'in_progress', evidence: [], reporter: 'test', createdAt: '2026-05-01T00:00:00.000Z'})-[:ABOUT]->(t)`,
      { n: OTHERS, task: TASK }, NO_ROWS,
    );
  });
  afterAll(() => graph?.close());

  it.each(reads().map(([name]) => [name]))('%s: the same rows for the same work', async (name) => {
    const [, cypher, params] = reads().find(([n]) => n === name)!;
    const was = before.get(name)!;
    const now = await profiled(cypher, params);
    expect(now.rows).toEqual(was.rows);
    // A scan of every report would add at least OTHERS hits; an index seek adds none.
    expect(now.hits).toBeLessThan(was.hits + 50);
  });

  it('reads the task’s four reports', () => {
    expect((before.get('a task’s reports')!.rows as unknown[]).length).toBe(4);
  });
});
