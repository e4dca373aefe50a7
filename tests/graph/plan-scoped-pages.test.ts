import neo4j, { type Driver, type ProfiledPlan } from 'neo4j-driver';
import { loadConfig } from '../../src/config';
import type { GraphClient } from '../../src/graph/graph-client';
import { writePlan } from '../../src/graph/plan-writer';
import { ownTaskQueries, pageParams } from '../../src/graph/read/task-pages';
import { toGraph } from '../../src/ingest/to-graph';
import { SEED_PLAN_ID } from '../../src/load/seed-plan';
import { removePlan, testClient } from '../helpers/graph';
import { seedDocument } from '../helpers/seed-document';

/**
 * One plan's page of a place's tasks costs what it costs with one plan loaded: Neo4j's own count
 * of the work (database hits of PROFILE), read before and after four more copies of the seed
 * name the same place. Read from the place, the work grows with every plan that names it.
 */
describe('a place’s tasks of one plan, among many plans', () => {
  const COPIES = Array.from({ length: 4 }, (_, i) => `test-scoped-pages-${i + 1}`);
  const WANZHOU = 'place/500101';
  let client: GraphClient;
  let driver: Driver;

  beforeAll(async () => {
    client = await testClient();
    const { uri, user, password } = loadConfig(process.env).neo4j;
    driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
    for (const id of COPIES) await removePlan(client, id);
  });
  afterAll(async () => {
    for (const id of COPIES) await removePlan(client, id);
    await driver?.close();
    await client.close();
  });

  const profiled = async (): Promise<{ ids: string[]; total: number; hits: number }> => {
    const args = { planId: SEED_PLAN_ID, basis: null, limit: 5, after: null, before: null, direction: 'forward' as const };
    const result = await driver.executeQuery(`PROFILE ${ownTaskQueries(SEED_PLAN_ID).forward}`, { ids: [WANZHOU], ...pageParams(args) }, { routing: neo4j.routing.READ });
    const profile = result.summary.profile;
    if (profile === false) throw new Error('PROFILE gave no plan');
    const hitsOf = (p: ProfiledPlan): number => p.dbHits + p.children.reduce((sum, c) => sum + hitsOf(c), 0);
    const hits = hitsOf(profile);
    const [row] = result.records;
    return { ids: (row.get('page') as { node: { id: string } }[]).map((e) => e.node.id), total: Number(row.get('total')), hits };
  };

  it('reads the same page, and no more of the graph, with four more plans naming the place', async () => {
    const alone = await profiled();
    // The seed names 万州 in more tasks than a page of five.
    expect(alone.ids).toHaveLength(6); // a page of 5 reads one more, to tell whether the list goes on
    expect(alone.total).toBeGreaterThan(6);
    for (const id of COPIES) await writePlan(client, toGraph(seedDocument(id)));
    const among = await profiled();
    expect(among.ids).toEqual(alone.ids);
    expect(among.total).toBe(alone.total);
    // The same index seek and expansions; a little slack for the planner's bookkeeping.
    expect(among.hits).toBeLessThanOrEqual(alone.hits * 1.1);
  });
});
