import neo4j, { type Driver } from 'neo4j-driver';
import { loadConfig } from '../../src/config';
import type { BatchRead } from '../../src/graph/read/batch';
import { tasksOfBodies } from '../../src/graph/read/responsibilities';
import { ownTaskQueries, pagesBatch, REGION_TASKS_OF_PLACES, type TaskPage, type TaskPageArgs } from '../../src/graph/read/task-pages';
import { SEED_PLAN_ID } from '../../src/load/seed-plan';
import { profiledRead } from '../helpers/profile';

/**
 * A page of tasks counts its whole list only when asked (`counted`, from a selected totalCount):
 * without it, the same page, no total, and less work for Neo4j (database hits of PROFILE).
 * Expected totals come from counts written apart from the code under test.
 */
describe('a page of tasks without its total', () => {
  const WANZHOU = 'place/500101';
  const WANZHOU_GOVERNMENT = 'body/gov/500101';
  const window = { limit: 3, after: null, before: null, direction: 'forward' as const, basis: null, properties: null, linkEvidence: true };
  const READS: [string, string, (args: TaskPageArgs) => BatchRead<{ key: string }, TaskPage>, string][] = [
    ['a place’s own tasks, one plan', WANZHOU, (a) => pagesBatch(ownTaskQueries(SEED_PLAN_ID), { ...a, planId: SEED_PLAN_ID }),
      `MATCH (:Entity {id: $id})<-[:MENTIONS]-(t:Task {planId: '${SEED_PLAN_ID}'}) RETURN count(t) AS n`],
    ['a place’s own tasks, every plan', WANZHOU, (a) => pagesBatch(ownTaskQueries(null), a),
      `MATCH (:Entity {id: $id})<-[:MENTIONS]-(t:Task) RETURN count(t) AS n`],
    ['the tasks of a place’s regions', WANZHOU, (a) => pagesBatch(REGION_TASKS_OF_PLACES, a),
      `MATCH (p:Entity {id: $id})-[:WITHIN*1..4]->(:Region)<-[:MENTIONS]-(t:Task) WHERE NOT (t)-[:MENTIONS]->(p) RETURN count(DISTINCT t) AS n`],
    ['a body’s tasks, one plan', WANZHOU_GOVERNMENT, (a) => tasksOfBodies({ ...a, planId: SEED_PLAN_ID, role: null }),
      `CALL { MATCH (t:Task)-[r:RESPONSIBLE]->(:Body {id: $id}) RETURN t, r UNION MATCH (t:Task)-[:PART_OF]->(:Measure)-[r:RESPONSIBLE]->(:Body {id: $id}) RETURN t, r }
       WITH t WHERE t.planId = '${SEED_PLAN_ID}' RETURN count(t) AS n`],
  ];
  let driver: Driver;
  beforeAll(() => {
    const { uri, user, password } = loadConfig(process.env).neo4j;
    driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
  });
  afterAll(() => driver?.close());

  const read = async (id: string, batch: BatchRead<{ key: string }, TaskPage>) => {
    const { records: [row], hits } = await profiledRead(driver, batch.cypher, { ...batch.params, ids: [id] });
    return { ids: (row.get('page') as { node: { id: string } }[]).map((e) => e.node.id), total: row.get('total') as unknown, hits };
  };

  it.each(READS)('%s', async (_name, id, batchOf, countStatement) => {
    const counted = await read(id, batchOf({ ...window, planId: null, counted: true }));
    const uncounted = await read(id, batchOf({ ...window, planId: null, counted: false }));
    const { records: [expected] } = await driver.executeQuery(countStatement, { id });
    // More than a page, so that a count has more to read than the page.
    expect(Number(expected.get('n'))).toBeGreaterThan(4);
    expect(Number(counted.total)).toBe(Number(expected.get('n')));
    expect(uncounted.total).toBeNull();
    expect(uncounted.ids).toEqual(counted.ids);
    expect(uncounted.ids).toHaveLength(4);
    expect(uncounted.hits).toBeLessThan(counted.hits);
  });
});
