import neo4j, { type Driver } from 'neo4j-driver';
import { loadConfig } from '../../src/config';
import type { BatchRead } from '../../src/graph/read/batch';
import { tasksOfBodies } from '../../src/graph/read/responsibilities';
import { ownTaskQueries, pagesBatch, REGION_TASKS_OF_PLACES, type TaskPageArgs } from '../../src/graph/read/task-pages';
import { SEED_PLAN_ID } from '../../src/load/seed-plan';

/**
 * Each task of a page comes with the link that puts it in the list. Read with its evidence
 * (TaskPageArgs.linkEvidence: the operation selects the edge's link), the link is the stored
 * relationship whole; without it, only its basis and role, which key the page and its cursors.
 * The expected links are read here with Cypher of the test's own, in the list's order.
 */
describe('the links of a page of tasks', () => {
  const WANZHOU = 'place/500101';
  const COMMISSION = 'body/housing-urban-rural-development-commission';
  const LIMIT = 30;
  const args = (linkEvidence: boolean): TaskPageArgs & { limit: number; after: null; before: null; direction: 'forward' } => ({
    limit: LIMIT, after: null, before: null, direction: 'forward', basis: null, planId: SEED_PLAN_ID, counted: false, properties: [], linkEvidence,
  });
  let driver: Driver;
  beforeAll(() => {
    const { uri, user, password } = loadConfig(process.env).neo4j;
    driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
  });
  afterAll(() => driver?.close());

  type Link = Record<string, unknown>;
  async function linksRead(id: string, batch: BatchRead<unknown, unknown>): Promise<Link[]> {
    const { records: [row] } = await driver.executeQuery(batch.cypher, { ...batch.params, ids: [id] }, { routing: neo4j.routing.READ });
    // A page reads one entry more than its size, to tell whether another page follows (keyset.ts).
    const page = (row.get('page') as { link: Link }[]).map((e) => e.link);
    expect(page.length).toBeLessThanOrEqual(LIMIT + 1);
    return page.slice(0, LIMIT);
  }
  async function stored(cypher: string, id: string): Promise<Link[]> {
    const { records } = await driver.executeQuery(cypher, { id, plan: SEED_PLAN_ID, limit: neo4j.int(LIMIT) }, { routing: neo4j.routing.READ });
    return records.map((r) => r.get('link') as Link);
  }
  const keyOnly = (link: Link): Link => ({ basis: link.basis, role: link.role ?? null });

  const PLACE_LINKS = `MATCH (:Entity {id: $id})<-[m:MENTIONS]-(t:Task {planId: $plan})
    RETURN properties(m) AS link ORDER BY t.sourceStart LIMIT $limit`;
  const BODY_LINKS = `MATCH (b:Body {id: $id})
    CALL (b) { MATCH (t:Task)-[r:RESPONSIBLE]->(b) RETURN t, r UNION MATCH (t:Task)-[:PART_OF]->(:Measure)-[r:RESPONSIBLE]->(b) RETURN t, r }
    WITH t, r WHERE t.planId = $plan
    RETURN properties(r) AS link ORDER BY t.sourceStart, r.basis + '/' + coalesce(r.role, '') LIMIT $limit`;
  const READS: [string, string, (a: TaskPageArgs) => BatchRead<unknown, unknown>, string][] = [
    ['a place’s own tasks', WANZHOU, (a) => pagesBatch(ownTaskQueries(SEED_PLAN_ID), a), PLACE_LINKS],
    ['a body’s tasks', COMMISSION, (a) => tasksOfBodies({ ...a, role: null }), BODY_LINKS],
  ];

  it.each(READS)('%s: whole with the evidence, basis and role without it', async (_name, id, batchOf, cypher) => {
    const expected = await stored(cypher, id);
    expect(expected.length).toBeGreaterThan(5);
    expect(await linksRead(id, batchOf(args(true)))).toEqual(expected);
    expect(await linksRead(id, batchOf(args(false)))).toEqual(expected.map(keyOnly));
  });

  it('a place’s region tasks: basis and role only without the evidence', async () => {
    const links = await linksRead(WANZHOU, pagesBatch(REGION_TASKS_OF_PLACES, args(false)));
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) expect(Object.keys(link).sort()).toEqual(['basis', 'role']);
    const whole = await linksRead(WANZHOU, pagesBatch(REGION_TASKS_OF_PLACES, args(true)));
    expect(whole.map(keyOnly)).toEqual(links);
    expect(whole.every((link) => typeof link.quote === 'string')).toBe(true);
  });
});
