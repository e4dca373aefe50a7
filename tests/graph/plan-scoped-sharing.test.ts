import neo4j, { type Driver } from 'neo4j-driver';
import { sharingStatement } from '../../src/graph/read/crossref';
import { SEED_PLAN_ID } from '../../src/load/seed-plan';
import { profiledRead } from '../helpers/profile';
import { seedCopies, type SeedCopies } from '../helpers/seed-copies';

/**
 * The districts that share one plan's tasks with a place: read from the place's links when it has
 * few (at most `$sparseLinks`), else from the plan's tasks. Both ways give the list an independent
 * count gives (written apart from the code under test), alone and with four more copies of the
 * seed naming the same places; read from the plan, the work does not grow with them.
 */
describe('districts sharing one plan’s tasks, among many plans', () => {
  const WANZHOU = 'place/500101';
  let copies: SeedCopies;
  let driver: Driver;
  const statement = sharingStatement({ id: WANZHOU }, SEED_PLAN_ID, 100);
  const read = async (bound: number | null) => {
    const { records: [row], hits } = await profiledRead(driver, statement.cypher, { ...statement.params, ...(bound === null ? {} : { sparseLinks: neo4j.int(bound) }) });
    return { rows: (row.get('rows') as { district: { id: string }; shared: unknown }[]).map((r) => `${r.district.id}:${Number(r.shared)}`), hits };
  };
  /** Every district sharing the seed's tasks with 万州, with the count, most first, ties by code. */
  const expected = async () => {
    const { records } = await driver.executeQuery(
      `MATCH (p:Entity {id: $id})<-[:MENTIONS]-(t:Task {planId: $plan})-[:MENTIONS]->(o:District) WHERE o <> p
       WITH o, count(DISTINCT t) AS shared RETURN o.id + ':' + shared AS row ORDER BY shared DESC, o.code`,
      { id: WANZHOU, plan: SEED_PLAN_ID },
    );
    return records.map((r) => r.get('row') as string);
  };
  let alone: { fromPlan: { rows: string[]; hits: number }; fromLinks: { rows: string[]; hits: number }; expected: string[] };

  beforeAll(async () => {
    copies = await seedCopies('test-scoped-sharing');
    ({ driver } = copies);
    alone = { fromPlan: await read(0), fromLinks: await read(null), expected: await expected() };
    await copies.load();
  });
  afterAll(() => copies?.close());

  it('gives the same list both ways, alone, and reads less from the links', () => {
    expect(alone.expected.length).toBeGreaterThan(3);
    expect(alone.fromPlan.rows).toEqual(alone.expected);
    expect(alone.fromLinks.rows).toEqual(alone.expected);
    expect(alone.fromLinks.hits).toBeLessThan(alone.fromPlan.hits);
  });

  it('gives the same list both ways among five plans, and no more work from the plan', async () => {
    const fromPlan = await read(0);
    const fromLinks = await read(null);
    expect(fromPlan.rows).toEqual(alone.expected);
    expect(fromLinks.rows).toEqual(alone.expected);
    expect(fromPlan.hits).toBeLessThanOrEqual(alone.fromPlan.hits * 1.1);
    expect(fromLinks.hits).toBeLessThan(fromPlan.hits);
  });
});
