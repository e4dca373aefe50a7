import neo4j, { type Driver } from 'neo4j-driver';
import type { GraphClient } from '../../src/graph/graph-client';
import { search, searchStatement, type SearchArgs, type SearchKey } from '../../src/graph/read/search';
import { searchTerms } from '../../src/graph/read/search-query';
import { profiledRead, rowsInto } from '../helpers/profile';
import { seedCopies, type SeedCopies } from '../helpers/seed-copies';

/**
 * A search over every plan pages best first, ties by id, exactly as one ORDER BY over every hit
 * gives it, forward and backward, whether it reads every hit or only Lucene's best (`probe`, for a
 * bounded count). With four copies of the seed loaded, every sentence of the seed ties with its
 * copies, so page edges, cursors and the probe's last hit fall inside runs of equal scores.
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
    expected = await everyHit('true');
  });

  /** Every hit that meets `where` (over `node`), ordered by one ORDER BY. */
  const everyHit = async (where: string) => {
    const { records } = await driver.executeQuery(
      `CALL db.index.fulltext.queryNodes('plan_search', $lucene) YIELD node, score WHERE ${where} RETURN node.id AS id, score ORDER BY score DESC, id`,
      { lucene: searchTerms(TERM).lucene },
      { routing: neo4j.routing.READ },
    );
    return records.map((r) => ({ id: r.get('id') as string, score: r.get('score') as number }));
  };
  afterAll(() => copies?.close());

  it('page edges fall inside runs of equal scores', () => {
    // Five copies of each hit at least (the seed and four copies).
    expect(expected.length).toBeGreaterThanOrEqual(5 * 10);
    const splitRuns = expected.slice(0, 30).filter((h, i) => i > 0 && i % PAGE === 0 && expected[i - 1].score === h.score);
    expect(splitRuns.length).toBeGreaterThan(0);
  });

  /**
   * Pages of PAGE read forward from the start (10 pages) or backward from the end: their ids in
   * list order, and the total the last page gave.
   */
  const readPages = async (direction: 'forward' | 'backward', probe: number | null, kinds: string[] | null = null) => {
    const ids: string[] = [];
    let key: SearchKey | null = null;
    let total = -1;
    for (let page = 0; page < 10; page++) {
      const read = await search(client, args({ direction, probe, kinds, after: direction === 'forward' ? key : null, before: direction === 'backward' ? key : null }));
      total = read.total;
      const edge = direction === 'forward' ? read.rows[read.rows.length - 1] : read.rows[0];
      if (direction === 'forward') ids.push(...read.rows.map((h) => h.node.id));
      else ids.unshift(...read.rows.map((h) => h.node.id));
      key = { score: edge.score, id: edge.node.id };
    }
    return { ids, total };
  };

  it(`pages of ${PAGE} forward give the list's first 30 hits in order, and the total`, async () => {
    const { ids, total } = await readPages('forward', null);
    expect(total).toBe(expected.length);
    expect(ids).toEqual(expected.slice(0, 30).map((h) => h.id));
  });

  it(`pages of ${PAGE} backward from the end give the list's last 30 hits in order`, async () => {
    expect((await readPages('backward', null)).ids).toEqual(expected.slice(-30).map((h) => h.id));
  });

  it('a cursor inside a run of equal scores goes on after it by id', async () => {
    const at = expected.findIndex((h, i) => i > 0 && expected[i - 1].score === h.score && expected[i + 1]?.score === h.score);
    expect(at).toBeGreaterThan(0);
    const read = await search(client, args({ after: { score: expected[at].score, id: expected[at].id }, limit: 4 }));
    expect(read.rows.map((h) => h.node.id)).toEqual(expected.slice(at + 1, at + 5).map((h) => h.id));
  });

  // 8 ends inside the first run of equal scores; 23 reaches past a few runs, not to the 30th hit.
  it.each([8, 23])("reading only Lucene's best %i hits, pages forward and backward are the list's", async (probe) => {
    expect(expected[probe - 1].score).toBe(expected[probe].score);
    expect((await readPages('forward', probe)).ids).toEqual(expected.slice(0, 30).map((h) => h.id));
    expect((await readPages('backward', probe)).ids).toEqual(expected.slice(-30).map((h) => h.id));
  });

  it("reading only Lucene's best hits, of which a filter keeps some, pages are the filtered list's", async () => {
    const tasks = await everyHit("node.nodeType = 'Task'");
    expect(tasks.length).toBeGreaterThan(30);
    expect(tasks.length).toBeLessThan(expected.length);
    expect((await readPages('forward', 8, ['Task'])).ids).toEqual(tasks.slice(0, 30).map((h) => h.id));
    expect((await readPages('backward', 8, ['Task'])).ids).toEqual(tasks.slice(-30).map((h) => h.id));
    expect(await search(client, args({ probe: null, kinds: ['Task'] }))).toMatchObject({ total: tasks.length, exact: true });
  });

  it('one statement for a page among the best hits read, a second (every hit) for a page that may reach past them', async () => {
    const probe = 20;
    // Page 1 (hits 1-3, and the 4th to tell that more follow) scores above the 20th hit.
    expect(expected[3].score).toBeGreaterThan(expected[probe - 1].score);
    client.stats.roundTrips = 0;
    await search(client, args({ probe }));
    expect(client.stats.roundTrips).toBe(1);
    // A page starting at the 19th hit needs the 20th to 22nd, which may tie with hits not read.
    const at = expected[17];
    client.stats.roundTrips = 0;
    const read = await search(client, args({ probe, after: { score: at.score, id: at.id } }));
    expect(client.stats.roundTrips).toBe(2);
    expect(read.rows.map((h) => h.node.id)).toEqual(expected.slice(18, 21).map((h) => h.id));
    expect(read).toMatchObject({ total: expected.length, exact: true });
  });

  it('one statement for a page read backward to a cursor among the best hits read', async () => {
    const probe = 20;
    // The hits before the 6th all score above the 20th: the whole window was read.
    expect(expected[5].score).toBeGreaterThan(expected[probe - 1].score);
    client.stats.roundTrips = 0;
    const read = await search(client, args({ probe, direction: 'backward', before: { score: expected[5].score, id: expected[5].id } }));
    expect(client.stats.roundTrips).toBe(1);
    expect(read.rows.map((h) => h.node.id)).toEqual(expected.slice(2, 5).map((h) => h.id));
    expect(read.more).toBe(true);
  });

  it('one statement for a page read backward from the end of the list, whatever the bound', async () => {
    client.stats.roundTrips = 0;
    const read = await search(client, args({ probe: 20, direction: 'backward' }));
    expect(client.stats.roundTrips).toBe(1);
    expect(read.rows.map((h) => h.node.id)).toEqual(expected.slice(-PAGE).map((h) => h.id));
    expect(read).toMatchObject({ total: expected.length, exact: true });
  });

  it('counts up to the bound: the bound, not exact, when there are more; every hit, exact, when there are not', async () => {
    expect(await search(client, args({ probe: 20 }))).toMatchObject({ total: 20, exact: false });
    expect(await search(client, args({ probe: expected.length + 1 }))).toMatchObject({ total: expected.length, exact: true });
    expect(await search(client, args({ probe: null }))).toMatchObject({ total: expected.length, exact: true });
  });

  it('counts no more than the bound of what Lucene yields, where reading every hit counts them all', async () => {
    const yielded = async (probe: number | null) => {
      const statement = searchStatement(args({ probe }));
      return rowsInto((await profiledRead(driver, statement.cypher, statement.params)).plan, 'EagerAggregation');
    };
    expect(await yielded(20)).toBe(20);
    expect(await yielded(null)).toBe(expected.length);
  });

  it('any window (cursor on either side or both, either direction, any size) under any bound is the list\'s', async () => {
    // A fixed pseudo-random walk (a linear congruential generator), so that a failure repeats.
    let state = 12345;
    const next = (n: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % n;
    };
    const keyAt = (i: number): SearchKey => ({ score: expected[i].score, id: expected[i].id });
    /** Trials answered from the best hits alone (one statement), and by reading every hit (two). */
    const statements = { one: 0, two: 0 };
    for (let trial = 0; trial < 60; trial++) {
      const probe = [1, 3, 8, 23, 60, expected.length + 1][next(6)];
      const limit = 1 + next(5);
      const direction = next(2) === 0 ? 'forward' : 'backward';
      const afterAt = next(3) === 0 ? null : next(expected.length);
      const beforeAt = next(3) === 0 ? null : (afterAt ?? 0) + 1 + next(expected.length);
      const lo = afterAt === null ? 0 : afterAt + 1;
      const hi = beforeAt === null || beforeAt >= expected.length ? expected.length : beforeAt;
      const inside = expected.slice(lo, Math.max(lo, hi)).map((h) => h.id);
      const want = direction === 'forward' ? inside.slice(0, limit) : inside.slice(Math.max(0, inside.length - limit));
      client.stats.roundTrips = 0;
      const read = await search(client, args({
        probe, limit, direction,
        after: afterAt === null ? null : keyAt(afterAt),
        before: beforeAt === null || beforeAt >= expected.length ? null : keyAt(beforeAt),
      }));
      expect({ trial, probe, limit, direction, afterAt, beforeAt, ids: read.rows.map((h) => h.node.id) }).toEqual({ trial, probe, limit, direction, afterAt, beforeAt, ids: want });
      expect(read.more).toBe(inside.length > limit);
      statements[client.stats.roundTrips === 1 ? 'one' : 'two'] += 1;
    }
    // Both ways of answering were tried.
    expect(statements.one).toBeGreaterThan(5);
    expect(statements.two).toBeGreaterThan(5);
  });
});
