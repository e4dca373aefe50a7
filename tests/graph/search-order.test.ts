import neo4j, { type Driver } from 'neo4j-driver';
import type { GraphClient } from '../../src/graph/graph-client';
import { search, type SearchArgs, type SearchKey } from '../../src/graph/read/search';
import { searchTerms } from '../../src/graph/read/search-query';
import { seedCopies, type SeedCopies } from '../helpers/seed-copies';

/**
 * A search over every plan pages best first, ties by id, exactly as one ORDER BY over every hit
 * gives it, forward and backward. With four copies of the seed loaded, every sentence of the seed
 * ties with its copies, so page edges and cursors fall inside runs of equal scores.
 */
describe('the order of a search over every plan', () => {
  const TERM = '城镇化';
  const PAGE = 3;
  const args = (window: Partial<SearchArgs>): SearchArgs => ({
    terms: searchTerms(TERM), planId: null, kinds: null, chapter: null, placeId: null, limit: PAGE, after: null, before: null, direction: 'forward', ...window,
  });
  let copies: SeedCopies;
  let client: GraphClient;
  let driver: Driver;
  /** Every hit in the list's order, by a statement written apart from the one under test. */
  let expected: { id: string; score: number }[];

  beforeAll(async () => {
    copies = await seedCopies('test-search-order');
    ({ client, driver } = copies);
    await copies.load();
    const { records } = await driver.executeQuery(
      `CALL db.index.fulltext.queryNodes('plan_search', $lucene) YIELD node, score RETURN node.id AS id, score ORDER BY score DESC, id`,
      { lucene: searchTerms(TERM).lucene },
      { routing: neo4j.routing.READ },
    );
    expected = records.map((r) => ({ id: r.get('id') as string, score: r.get('score') as number }));
  });
  afterAll(() => copies?.close());

  it('page edges fall inside runs of equal scores', () => {
    // Five copies of each hit at least (the seed and four copies).
    expect(expected.length).toBeGreaterThanOrEqual(5 * 10);
    const splitRuns = expected.slice(0, 30).filter((h, i) => i > 0 && i % PAGE === 0 && expected[i - 1].score === h.score);
    expect(splitRuns.length).toBeGreaterThan(0);
  });

  it(`pages of ${PAGE} forward give the list's first 30 hits in order, and the total`, async () => {
    const ids: string[] = [];
    let after: SearchKey | null = null;
    let total = -1;
    for (let page = 0; page < 10; page++) {
      const read = await search(client, args({ after }));
      total = read.total;
      ids.push(...read.rows.map((h) => h.node.id));
      const last = read.rows[read.rows.length - 1];
      after = { score: last.score, id: last.node.id };
    }
    expect(total).toBe(expected.length);
    expect(ids).toEqual(expected.slice(0, 30).map((h) => h.id));
  });

  it(`pages of ${PAGE} backward from the end give the list's last 30 hits in order`, async () => {
    const ids: string[] = [];
    let before: SearchKey | null = null;
    for (let page = 0; page < 10; page++) {
      const read = await search(client, args({ direction: 'backward', before }));
      ids.unshift(...read.rows.map((h) => h.node.id));
      const first = read.rows[0];
      before = { score: first.score, id: first.node.id };
    }
    expect(ids).toEqual(expected.slice(-30).map((h) => h.id));
  });

  it('a cursor inside a run of equal scores goes on after it by id', async () => {
    const at = expected.findIndex((h, i) => i > 0 && expected[i - 1].score === h.score && expected[i + 1]?.score === h.score);
    expect(at).toBeGreaterThan(0);
    const read = await search(client, args({ after: { score: expected[at].score, id: expected[at].id }, limit: 4 }));
    expect(read.rows.map((h) => h.node.id)).toEqual(expected.slice(at + 1, at + 5).map((h) => h.id));
  });
});
