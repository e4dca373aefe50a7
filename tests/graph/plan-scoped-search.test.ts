import neo4j, { type Driver } from 'neo4j-driver';
import type { GraphClient } from '../../src/graph/graph-client';
import { search, searchStatement, type SearchArgs } from '../../src/graph/read/search';
import { searchTerms, withinPlan } from '../../src/graph/read/search-query';
import { SEED_PLAN_ID } from '../../src/load/seed-plan';
import { profiledRead } from '../helpers/profile';
import { seedCopies, type SeedCopies } from '../helpers/seed-copies';

/**
 * A search within one plan asks Lucene for that plan's hits only: with four more copies of the
 * seed loaded (every term of the seed then matches five times over), it returns the same total,
 * the seed's best hits in the order a search over every plan gives them, and costs Neo4j the same work (database hits of PROFILE). Searched over every plan and
 * filtered afterwards, the work grew with every copy. The plan clause adds nothing to a hit's
 * score.
 */
describe('a search within one plan, among many plans', () => {
  // 建设 is one bigram, so its phrase matches exactly the texts and names that contain it.
  const TERMS = ['建设', '城镇化'];
  const args = (query: string, planId: string | null): SearchArgs => ({
    terms: searchTerms(query), planId, kinds: null, chapter: null, placeId: null, limit: 5, after: null, before: null, direction: 'forward',
  });
  let copies: SeedCopies;
  let client: GraphClient;
  let driver: Driver;
  const before = new Map<string, { ids: string[]; total: number; hits: number }>();

  const profiled = async (query: string) => {
    const statement = searchStatement(args(query, SEED_PLAN_ID));
    const { records: [row], hits } = await profiledRead(driver, statement.cypher, statement.params);
    return { ids: (row.get('page') as { node: { id: string } }[]).map((h) => h.node.id), total: Number(row.get('total')), hits };
  };

  beforeAll(async () => {
    copies = await seedCopies('test-scoped-search');
    ({ client, driver } = copies);
    for (const term of TERMS) before.set(term, await profiled(term));
    await copies.load();
  });
  afterAll(() => copies?.close());

  it('counts what the seed’s own texts and names say (建设), with the copies loaded', async () => {
    const [row] = (
      await driver.executeQuery(
        `MATCH (n:Entity {planId: $plan}) WHERE (n:Measure OR n:Task OR n:Indicator OR n:Target OR n:Project)
           AND (coalesce(n.text, '') CONTAINS '建设' OR coalesce(n.name, '') CONTAINS '建设') RETURN count(n) AS n`,
        { plan: SEED_PLAN_ID },
        { routing: neo4j.routing.READ },
      )
    ).records;
    const expected = Number(row.get('n'));
    expect(expected).toBeGreaterThan(100);
    expect((await search(client, args('建设', SEED_PLAN_ID))).total).toBe(expected);
  });

  it.each(TERMS)('%s: the seed’s best hits in order, the same total, and no more of the graph, with four more plans', async (term) => {
    const alone = before.get(term)!;
    expect(alone.ids).toHaveLength(6);
    const among = await profiled(term);
    // Scores follow the index's statistics, which the copies (and other files' plans) change, so
    // the page is compared with the seed's hits of a search over every plan at the same moment.
    const everywhere = await search(client, { ...args(term, null), limit: 1000 });
    const seedsFirst = everywhere.rows.map((h) => h.node.id).filter((id) => id.startsWith(`${SEED_PLAN_ID}/`)).slice(0, 6);
    expect(among.ids).toEqual(seedsFirst);
    expect(among.total).toBe(alone.total);
    expect(among.hits).toBeLessThanOrEqual(alone.hits * 1.1);
  });

  it('scores every hit as a search over every plan does', async () => {
    const scoped = await search(client, { ...args('建设', SEED_PLAN_ID), limit: 50 });
    const everywhere = await search(client, { ...args('建设', null), limit: 1000 });
    const scoreOf = new Map(everywhere.rows.map((h) => [h.node.id, h.score]));
    expect(scoped.rows).toHaveLength(50);
    for (const hit of scoped.rows) expect(scoreOf.get(hit.node.id)).toBe(hit.score);
  });

  it('leaves ids no plan can have, or that analyse to nothing, to the exact check alone', () => {
    expect(withinPlan('(text:"建设")', 'Not A Plan"')).toBeNull();
    expect(withinPlan('(text:"建设")', 'the-of')).toBeNull();
    expect(withinPlan('(text:"建设")', 'cq-plan')).toBe('((text:"建设")) AND planId:"cq-plan"^0');
  });
});
