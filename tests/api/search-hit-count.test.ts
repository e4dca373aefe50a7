import neo4j, { type Driver } from 'neo4j-driver';
import { loadConfig } from '../../src/config';
import { startTestApi, type TestApi } from '../helpers/api';

/**
 * `hitCount` counts a search's hits up to SEARCH_HIT_COUNT_LIMIT (here 3) and says whether that is
 * all of them; `totalCount` counts every hit. The page is the same whichever is asked. Expected
 * values come from statements written apart from the API's: a CONTAINS count over the searchable
 * labels, and one ORDER BY over every Lucene hit.
 */
describe('a search counted up to a bound', () => {
  const TERM = '保障性租赁住房';
  let api: TestApi;
  let driver: Driver;
  let every: number;
  let order: string[];
  let scores: number[];

  beforeAll(async () => {
    api = await startTestApi({ SEARCH_HIT_COUNT_LIMIT: '3' });
    const { uri, user, password } = loadConfig(process.env).neo4j;
    driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
    const read = { routing: neo4j.routing.READ };
    const counted = await driver.executeQuery(
      `MATCH (n:Entity) WHERE (n:Measure OR n:Task OR n:Indicator OR n:Target OR n:Project)
         AND (coalesce(n.text, '') CONTAINS $term OR coalesce(n.name, '') CONTAINS $term) RETURN count(n) AS n`,
      { term: TERM },
      read,
    );
    every = Number(counted.records[0].get('n'));
    const ranked = await driver.executeQuery(
      `CALL db.index.fulltext.queryNodes('plan_search', $lucene) YIELD node, score RETURN node.id AS id, score ORDER BY score DESC, id`,
      { lucene: `text:"${TERM}" OR name:"${TERM}"` },
      read,
    );
    order = ranked.records.map((r) => r.get('id') as string);
    scores = ranked.records.map((r) => r.get('score') as number);
  });
  afterAll(async () => {
    await driver?.close();
    await api?.stop();
  });

  const page = (first: number, fields: string) => api.data(`{ search(query: "${TERM}", first: ${first}) { edges { node { node { ... on Node { id } } } } ${fields} } }`);
  const ids = (d: any): string[] => d.search.edges.map((e: any) => e.node.node.id);

  it('has more hits than the bound, the best four of different scores (the premise)', () => {
    expect(every).toBeGreaterThan(4);
    expect(order).toHaveLength(every);
    for (let i = 1; i < 4; i++) expect(scores[i - 1]).toBeGreaterThan(scores[i]);
  });

  it('hitCount alone: the bound, not exact, and the best hit', async () => {
    const d = await page(1, 'hitCount { value exact }');
    expect(d.search.hitCount).toEqual({ value: 3, exact: false });
    expect(ids(d)).toEqual(order.slice(0, 1));
  });

  it('pages within the hits read (the bound and one more, to tell whether there are more)', async () => {
    const d = await page(2, 'hitCount { value exact }');
    expect(d.search.hitCount).toEqual({ value: 3, exact: false });
    expect(ids(d)).toEqual(order.slice(0, 2));
  });

  it('a page that needs the last hit read (it may tie with hits not read) reads every hit: hitCount is then exact', async () => {
    const d = await page(3, 'hitCount { value exact }');
    expect(d.search.hitCount).toEqual({ value: every, exact: true });
    expect(ids(d)).toEqual(order.slice(0, 3));
  });

  it('exactly as many hits as the bound: exact', async () => {
    const bounded = await startTestApi({ SEARCH_HIT_COUNT_LIMIT: String(every) });
    try {
      const d = await bounded.data(`{ search(query: "${TERM}", first: 1) { hitCount { value exact } } }`);
      expect(d.search.hitCount).toEqual({ value: every, exact: true });
    } finally {
      await bounded.stop();
    }
  });

  it('totalCount: every hit; hitCount beside it is then exact', async () => {
    const d = await page(2, 'totalCount hitCount { value exact }');
    expect(d.search.totalCount).toBe(every);
    expect(d.search.hitCount).toEqual({ value: every, exact: true });
    expect(ids(d)).toEqual(order.slice(0, 2));
  });

  it('under the bound, hitCount is every hit and exact', async () => {
    const d = await api.data(`{ search(query: "${TERM}", first: 1, kinds: [Project]) { hitCount { value exact } } }`);
    // Projects that name the term: fewer than the bound in the seed (checked apart from the API).
    const projects = await driver.executeQuery(
      `MATCH (n:Project) WHERE coalesce(n.text, '') CONTAINS $term OR coalesce(n.name, '') CONTAINS $term RETURN count(n) AS n`,
      { term: TERM },
      { routing: neo4j.routing.READ },
    );
    const expected = Number(projects.records[0].get('n'));
    expect(expected).toBeLessThan(3);
    expect(d.search).toEqual({ hitCount: { value: expected, exact: true } });
  });
});
