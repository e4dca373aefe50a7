import neo4j, { type Driver, type Plan } from 'neo4j-driver';
import { LATEST_REPORTS_OF_TASKS, REPORTS_OF_TASKS, SCORECARD_ROWS } from '../../src/graph/read/monitoring';
import { namedPlaceParams, PLACE_BY_NAME } from '../../src/graph/read/places';
import { TASK_CONTEXT } from '../../src/graph/read/plan-tree';
import { BODY_BY_ID_OR_NAME } from '../../src/graph/read/responsibilities';
import { CREATE_OBSERVATION, FIND_INDICATOR } from '../../src/graph/write/monitoring';
import { SEED_PLAN_ID } from '../../src/load/seed-plan';
import { testGraph, type TestGraph } from '../helpers/graph';

/**
 * Statements that find nodes by id, by name or by the property that names their owner must find
 * them through an index: a scan of a label grows with every plan loaded (a thousand plans hold some
 * 60,000 sections) or with every report ever written. Neo4j's plan (EXPLAIN) for each may contain
 * no scan of a label, nor of all nodes.
 */
describe('statements that look nodes up by id use an index', () => {
  let graph: TestGraph;
  let driver: Driver;
  beforeAll(async () => {
    graph = await testGraph();
    ({ driver } = graph);
  });
  afterAll(() => graph?.close());

  const scans = (plan: Plan): string[] => [
    ...(/LabelScan|AllNodesScan/.test(plan.operatorType) ? [`${plan.operatorType} ${String(plan.arguments.Details ?? '')}`] : []),
    ...plan.children.flatMap(scans),
  ];
  const TASK = `${SEED_PLAN_ID}/chp_3__sec_5__para_1__sent_3`;
  const statements: [string, string, Record<string, unknown>][] = [
    ['a place by name, short name, code or alias', PLACE_BY_NAME, namedPlaceParams('万州')],
    ['a body by id, name or full name', BODY_BY_ID_OR_NAME, { v: '市住房城乡建委' }],
    ['the context of a page’s tasks', TASK_CONTEXT, { ids: [TASK] }],
    ['an indicator to record an observation for', FIND_INDICATOR, { indicatorId: `${SEED_PLAN_ID}/indicator/1`, year: neo4j.int(2025) }],
    ['an observation’s indicator', CREATE_OBSERVATION, { indicatorId: `${SEED_PLAN_ID}/indicator/1`, id: 'x', year: neo4j.int(2025), value: 1, source: 's', note: null, reporter: 'r', keyId: null, at: 'now', supersedes: null }],
    ['a task’s reports', REPORTS_OF_TASKS, { ids: [TASK], placeId: null }],
    ['a task’s current reports', LATEST_REPORTS_OF_TASKS, { ids: [TASK] }],
    ['a place’s scorecard', SCORECARD_ROWS, { placeId: 'place/500231', planId: SEED_PLAN_ID }],
  ];

  it.each(statements)('%s', async (_name, cypher, params) => {
    // EXPLAIN plans without running: the write statements write nothing.
    const { summary } = await driver.executeQuery(`EXPLAIN ${cypher}`, params);
    expect(summary.plan).not.toBe(false);
    expect(scans(summary.plan as Plan)).toEqual([]);
  });
});
