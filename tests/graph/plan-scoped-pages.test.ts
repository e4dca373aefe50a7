import type { Driver } from 'neo4j-driver';
import type { BatchRead } from '../../src/graph/read/batch';
import { PLAN_TREE, planTreeParams } from '../../src/graph/read/plan-tree';
import { tasksOfBodies } from '../../src/graph/read/responsibilities';
import { ownTaskQueries, pagesBatch, type TaskPageArgs } from '../../src/graph/read/task-pages';
import { SEED_PLAN_ID } from '../../src/load/seed-plan';
import { profiledRead } from '../helpers/profile';
import { seedCopies, type SeedCopies } from '../helpers/seed-copies';

/**
 * One plan's page of a place's or a body's tasks costs what it costs with one plan loaded:
 * Neo4j's own count of the work (database hits of PROFILE), read before and after four more
 * copies of the seed name the same place and the same body. Read from the place or the body,
 * the work grows with every plan that names it.
 */
describe('one plan’s pages of tasks, among many plans', () => {
  const WANZHOU = 'place/500101';
  const WANZHOU_GOVERNMENT = 'body/gov/500101';
  const ARGS: TaskPageArgs & { limit: number; after: null; before: null; direction: 'forward' } = {
    planId: SEED_PLAN_ID, basis: null, limit: 5, after: null, before: null, direction: 'forward',
  };
  const READS: [string, string, BatchRead<unknown, unknown>][] = [
    ['a place’s own tasks', WANZHOU, pagesBatch(ownTaskQueries(SEED_PLAN_ID), ARGS)],
    ['a body’s tasks', WANZHOU_GOVERNMENT, tasksOfBodies({ ...ARGS, role: null })],
  ];
  // The whole plan tree down to the tasks and the places they name, as the explorer asks for it.
  const TREE_PARAMS = planTreeParams(SEED_PLAN_ID, { measure: ['title'], task: ['text'] }, true);
  let treeAlone: { hits: number; tasks: number };
  let copies: SeedCopies;
  let driver: Driver;
  const before = new Map<string, { ids: string[]; total: number; hits: number }>();

  const profiled = async (id: string, read: BatchRead<unknown, unknown>) => {
    const { records: [row], hits } = await profiledRead(driver, read.cypher, { ...read.params, ids: [id] });
    return { ids: (row.get('page') as { node: { id: string } }[]).map((e) => e.node.id), total: Number(row.get('total')), hits };
  };
  const profiledTree = async () => {
    const { records: [row], hits } = await profiledRead(driver, PLAN_TREE, TREE_PARAMS);
    return { hits, tasks: (row.get('tasks') as unknown[]).length };
  };

  beforeAll(async () => {
    copies = await seedCopies('test-scoped-pages');
    ({ driver } = copies);
    for (const [name, id, read] of READS) before.set(name, await profiled(id, read));
    treeAlone = await profiledTree();
    await copies.load();
  });
  afterAll(() => copies?.close());

  it.each(READS)('%s: the same page, and no more of the graph, with four more plans', async (name, id, read) => {
    const alone = before.get(name)!;
    // The seed gives both more than a page of five; one more is read to tell whether the list goes on.
    expect(alone.ids).toHaveLength(6);
    expect(alone.total).toBeGreaterThan(6);
    const among = await profiled(id, read);
    expect(among.ids).toEqual(alone.ids);
    expect(among.total).toBe(alone.total);
    // The same index seek and expansions; a little slack for the planner's bookkeeping.
    expect(among.hits).toBeLessThanOrEqual(alone.hits * 1.1);
  });

  it('the whole plan tree: the same tasks, and no more of the graph, with four more plans', async () => {
    // 409 tasks, 349 of them sentences of measures (the rest are box entries, not in the tree).
    expect(treeAlone.tasks).toBe(349);
    const among = await profiledTree();
    expect(among.tasks).toBe(treeAlone.tasks);
    expect(among.hits).toBeLessThanOrEqual(treeAlone.hits * 1.1);
  });
});
