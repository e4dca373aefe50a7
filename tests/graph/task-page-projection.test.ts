import neo4j, { type Driver } from 'neo4j-driver';
import { loadConfig } from '../../src/config';
import { ownTaskQueries, pagesBatch, type TaskPageArgs } from '../../src/graph/read/task-pages';
import { SEED_PLAN_ID } from '../../src/load/seed-plan';

/**
 * A page read with a projection returns its tasks with the properties every resolver reads and
 * the ones asked, nothing more; without one, whole tasks. The keys every resolver reads are
 * written out here, apart from the code under test.
 */
describe('a page of tasks read with a projection', () => {
  const ALWAYS = ['id', 'nodeType', 'planId', 'measureId', 'boxId', 'chapterId', 'sectionId', 'sourceStart', 'retired'];
  const args = (properties: string[] | null): TaskPageArgs => ({
    limit: 3, after: null, before: null, direction: 'forward', basis: null, planId: SEED_PLAN_ID, counted: false, properties, linkEvidence: true,
  });
  let driver: Driver;
  beforeAll(() => {
    const { uri, user, password } = loadConfig(process.env).neo4j;
    driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
  });
  afterAll(() => driver?.close());

  const keysOfPage = async (properties: string[] | null): Promise<string[][]> => {
    const batch = pagesBatch(ownTaskQueries(SEED_PLAN_ID), args(properties));
    const { records: [row] } = await driver.executeQuery(batch.cypher, { ...batch.params, ids: ['place/500101'] }, { routing: neo4j.routing.READ });
    return (row.get('page') as { node: Record<string, unknown> }[]).map((e) => Object.keys(e.node).sort());
  };

  it('reads the keys every resolver reads and the ones asked', async () => {
    const pages = await keysOfPage(['text']);
    expect(pages).toHaveLength(4);
    for (const keys of pages) expect(keys).toEqual([...ALWAYS, 'text'].sort());
    for (const keys of await keysOfPage([])) expect(keys).toEqual([...ALWAYS].sort());
  });

  it('reads whole tasks without a projection', async () => {
    for (const keys of await keysOfPage(null)) expect(keys).toEqual(expect.arrayContaining(['text', 'kind', 'order', 'sourcePath', 'sourceEnd']));
  });

  it('refuses a property name that is not one', () => {
    expect(() => pagesBatch(ownTaskQueries(SEED_PLAN_ID), args(['text} RETURN 1 //']))).toThrow('is not a property name');
  });
});
