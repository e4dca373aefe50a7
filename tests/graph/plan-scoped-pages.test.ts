import neo4j, { type Driver } from 'neo4j-driver';
import type { BatchRead } from '../../src/graph/read/batch';
import { PLAN_TREE, planTreeParams } from '../../src/graph/read/plan-tree';
import { tasksOfBodies } from '../../src/graph/read/responsibilities';
import { ownTaskQueries, pagesBatch, type TaskPageArgs } from '../../src/graph/read/task-pages';
import { SEED_PLAN_ID } from '../../src/load/seed-plan';
import { profiledRead } from '../helpers/profile';
import { seedCopies, type SeedCopies } from '../helpers/seed-copies';

/**
 * One plan's page of a place's or a body's tasks costs at most what it costs with one plan
 * loaded: Neo4j's own count of the work (database hits of PROFILE), read before and after four
 * more copies of the seed name the same place and the same body.
 *
 * An entity with few links (at most `$sparseLinks`) is read from its links, which is cheaper
 * than reading the plan's tasks and grows with its links only up to that bound; above it, from
 * the plan's own index entries, whose work does not grow at all. Each way is read here on its
 * own by setting the bound (0: always from the plan; the default: from the links, as these
 * entities have fewer than the default), and both give the same page.
 */
describe('one plan’s pages of tasks, among many plans', () => {
  const WANZHOU = 'place/500101';
  const WANZHOU_GOVERNMENT = 'body/gov/500101';
  const ARGS: TaskPageArgs & { limit: number; after: null; before: null; direction: 'forward' } = {
    planId: SEED_PLAN_ID, basis: null, limit: 5, after: null, before: null, direction: 'forward', counted: true, properties: null, linkEvidence: true,
  };
  // Each read, with the type of the links that put a task in its list.
  const READS: [string, string, BatchRead<unknown, unknown>, string][] = [
    ['a place’s own tasks', WANZHOU, pagesBatch(ownTaskQueries(SEED_PLAN_ID), ARGS), 'MENTIONS'],
    ['a body’s tasks', WANZHOU_GOVERNMENT, tasksOfBodies({ ...ARGS, role: null }), 'RESPONSIBLE'],
  ];
  // The whole plan tree down to the tasks and the places they name, as the explorer asks for it.
  const TREE_PARAMS = planTreeParams(SEED_PLAN_ID, { measure: ['title'], task: ['text'] }, true);
  let treeAlone: { hits: number; tasks: number };
  let copies: SeedCopies;
  let driver: Driver;
  const before = new Map<string, { ids: string[]; total: number; hits: number }>();
  const key = (name: string, way: Way) => `${name}/${way}`;

  type Way = 'fromPlan' | 'fromLinks';
  /** The bound on an entity's links for each way: 0 reads every entity from the plan. */
  const BOUND: Record<Way, Record<string, unknown>> = { fromPlan: { sparseLinks: neo4j.int(0) }, fromLinks: {} };
  const profiled = async (id: string, read: BatchRead<unknown, unknown>, way: Way) => {
    const { records: [row], hits } = await profiledRead(driver, read.cypher, { ...read.params, ...BOUND[way], ids: [id] });
    return { ids: (row.get('page') as { node: { id: string } }[]).map((e) => e.node.id), total: Number(row.get('total')), hits };
  };
  const profiledTree = async () => {
    const { records: [row], hits } = await profiledRead(driver, PLAN_TREE, TREE_PARAMS);
    return { hits, tasks: (row.get('tasks') as unknown[]).length };
  };

  beforeAll(async () => {
    copies = await seedCopies('test-scoped-pages');
    ({ driver } = copies);
    for (const [name, id, read] of READS) {
      for (const way of ['fromPlan', 'fromLinks'] as const) before.set(key(name, way), await profiled(id, read, way));
    }
    treeAlone = await profiledTree();
    await copies.load();
  });
  afterAll(() => copies?.close());

  it.each(READS)('%s, read from the plan: the same page, and no more of the graph, with four more plans', async (name, id, read) => {
    const alone = before.get(key(name, 'fromPlan'))!;
    // The seed gives both more than a page of five; one more is read to tell whether the list goes on.
    expect(alone.ids).toHaveLength(6);
    expect(alone.total).toBeGreaterThan(6);
    const among = await profiled(id, read, 'fromPlan');
    expect(among.ids).toEqual(alone.ids);
    expect(among.total).toBe(alone.total);
    // The same index seek and expansions; a little slack for the planner's bookkeeping.
    expect(among.hits).toBeLessThanOrEqual(alone.hits * 1.1);
  });

  it.each(READS)('%s, read from its links: the page read from the plan, for less work, alone and among plans', async (name, id, read) => {
    const alone = before.get(key(name, 'fromLinks'))!;
    const fromPlan = before.get(key(name, 'fromPlan'))!;
    expect(alone.ids).toEqual(fromPlan.ids);
    expect(alone.total).toBe(fromPlan.total);
    expect(alone.hits).toBeLessThan(fromPlan.hits);
    const among = await profiled(id, read, 'fromLinks');
    expect(among.ids).toEqual(fromPlan.ids);
    expect(among.total).toBe(fromPlan.total);
    // Five plans' links are still fewer than the bound: more work than alone, less than the plan's.
    expect(among.hits).toBeGreaterThan(alone.hits);
    expect(among.hits).toBeLessThan((await profiled(id, read, 'fromPlan')).hits);
  });

  it.each(READS)('%s: read from the plan as soon as the entity has more links than the bound', async (_name, id, read, type) => {
    const { records: [row] } = await driver.executeQuery(`MATCH (e:Entity {id: $id}) RETURN COUNT { (e)<-[:${type}]-() } AS links`, { id });
    const links = Number(row.get('links'));
    const at = async (bound: number) => (await profiledRead(driver, read.cypher, { ...read.params, sparseLinks: neo4j.int(bound), ids: [id] })).hits;
    const fromPlan = await at(0);
    expect(await at(links - 1)).toBe(fromPlan);
    expect(await at(links)).toBeLessThan(fromPlan);
  });

  it('the whole plan tree: the same tasks, and no more of the graph, with four more plans', async () => {
    // 409 tasks, 349 of them sentences of measures (the rest are box entries, not in the tree).
    expect(treeAlone.tasks).toBe(349);
    const among = await profiledTree();
    expect(among.tasks).toBe(treeAlone.tasks);
    expect(among.hits).toBeLessThanOrEqual(treeAlone.hits * 1.1);
  });
});
