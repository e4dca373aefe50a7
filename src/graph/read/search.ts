import { z } from 'zod';
import { integer, rowShape } from '../decode';
import { int, type GraphClient } from '../graph-client';
import { cutWindow, readsBefore, withinBounds, type Direction, type KeyColumn, type KeysetWindow, type WindowRows } from './keyset';
import { SearchableRow } from './rows';
import { withinPlan, type SearchTerms } from './search-query';

const SearchHitRow = z.object({ node: SearchableRow, score: z.number() });
export type SearchHitRow = z.output<typeof SearchHitRow>;
const SearchRow = rowShape('Search', z.object({ total: integer, complete: z.boolean(), covered: z.boolean(), page: z.array(SearchHitRow) }));

/** A hit's place in the list: best first, ties by id. */
export interface SearchKey {
  score: number;
  id: string;
}

export interface SearchArgs extends KeysetWindow<SearchKey> {
  terms: SearchTerms;
  planId: string | null;
  kinds: string[] | null;
  /** Chapter number: nodes of that chapter (box contents by their box's chapter). */
  chapter: number | null;
  /** Place id: nodes that name the place (a measure through its tasks). */
  placeId: string | null;
  /**
   * How many of Lucene's best hits to read before ranking (at least 1), or null to read every hit.
   * With a bound, the total counts the filtered hits among those read, and is exact only when
   * Lucene had no more; the page is the same either way (see search()).
   */
  probe?: number | null;
}

/** A page of hits, the hits counted, and whether that count is all of them or a lower bound. */
export interface SearchResult extends WindowRows<SearchHitRow> {
  total: number;
  exact: boolean;
}

/**
 * The filters a search asks for, as one Cypher predicate over `n` (`true` when none). Only the
 * asked ones are written: a predicate that names a property makes Neo4j read it for every hit,
 * even where `$param IS NULL OR ...` would never look at it.
 */
function filterOf(args: Pick<SearchArgs, 'terms' | 'planId' | 'kinds' | 'chapter' | 'placeId'>): string {
  const clauses: string[] = [];
  if (args.planId !== null) clauses.push('n.planId = $planId');
  if (args.kinds !== null) clauses.push('n.nodeType IN $kinds');
  if (args.terms.singles.length) clauses.push('all(s IN $singles WHERE coalesce(n.text, n.name) CONTAINS s)');
  if (args.chapter !== null) clauses.push('(n.chapterId ENDS WITH $chapter OR EXISTS { (n)-[:PART_OF|STATED_IN*1..2]->(x) WHERE x.chapterId ENDS WITH $chapter })');
  if (args.placeId !== null) {
    clauses.push(`(EXISTS { (n)-[:MENTIONS|LOCATED_IN|HAS_MEMBER]->(:Entity {id: $placeId}) }
       OR EXISTS { (n)<-[:PART_OF]-(:Task)-[:MENTIONS]->(:Entity {id: $placeId}) }
       OR EXISTS { (n)-[:STATED_IN]->(:Task)-[:MENTIONS]->(:Entity {id: $placeId}) })`);
  }
  return clauses.length ? clauses.join('\n  AND ') : 'true';
}
/** The list's key over Lucene's rows (`n`, `score`) and over collected hits (`h`). */
const keyOf = (score: string, id: string): readonly KeyColumn[] => [
  { expr: score, field: 'score', descending: true },
  { expr: id, field: 'id' },
];
const ROW_KEY = keyOf('score', 'n.id');
const HIT_KEY = keyOf('h.score', 'h.node.id');

/**
 * Full-text hits, best first (ties by id): the keyset is (score, id).
 *
 * Lucene yields hits best first, but not in id order within a score, and reading every hit's id
 * to sort them all costs more than the search when a term matches in many plans. So the window
 * (the filtered hits inside the cursors, still best first) is ranked only down to its `edge`: the
 * score of the last hit the page can need (`$limit` is the page size + 1), counted from the
 * reading end. Only hits scoring at the edge or better (worse, reading backward) are sorted by id.
 * They are ranked inside one row, each hit inserted into the page if it precedes the page's last
 * (the page stays in order and at most `$limit` long): rows would not do, as
 * Neo4j charges a list still in scope to every row a sort holds (gigabytes for a run of a
 * thousand equal scores), and Cypher has no list sort.
 *
 * `edge` is read by position, so the rows are ordered by score before they are collected (the
 * order collect() keeps is promised only after an ORDER BY; Lucene's is already that order, so
 * the sort finds nothing to move).
 *
 * With `$options.limit`, Lucene yields only its best hits, down to `floor`. The page is right when
 * every hit it can need was yielded (`covered`): Lucene had no more (`complete`), or the edge
 * scores above the floor (every hit at the edge or better was yielded), or, reading backward or
 * to a `before` cursor, that cursor scores above the floor. Otherwise search() reads every hit.
 */
function fulltextStatement(direction: Direction, filter: string): string {
  const precedes = (a: string, b: string) => readsBefore(HIT_KEY, a, b, direction);
  const edgeAt = direction === 'forward' ? '$limit - 1' : 'size(window) - $limit';
  const reachesEdge = direction === 'forward' ? 'h.score >= edge' : 'h.score <= edge';
  const beforeAboveFloor = '($before IS NOT NULL AND $before.score > floor)';
  const coveredByEdge = direction === 'forward' ? `(edge IS NOT NULL AND edge > floor) OR (edge IS NULL AND ${beforeAboveFloor})` : beforeAboveFloor;
  return `
CALL db.index.fulltext.queryNodes('plan_search', $lucene, $options) YIELD node AS n, score
WITH n, score, ${filter} AS kept ORDER BY score DESC
WITH count(*) AS yielded, min(score) AS floor, count(CASE WHEN kept THEN 1 END) AS total,
     collect(CASE WHEN kept AND ${withinBounds(ROW_KEY)} THEN {node: n, score: score} END) AS window
WITH total, floor, window, $options.limit IS NULL OR yielded < $options.limit AS complete,
     CASE WHEN size(window) >= $limit THEN window[${edgeAt}].score END AS edge
WITH total, complete, complete OR ${coveredByEdge} AS covered,
     [h IN window WHERE edge IS NULL OR ${reachesEdge} | {node: h.node, score: h.score, id: h.node.id}] AS ranked
WITH total, complete, covered,
     reduce(page = [], h IN ranked | CASE WHEN size(page) < $limit OR ${precedes('h', 'last(page)')}
       THEN ([x IN page WHERE ${precedes('x', 'h')}] + [h] + [x IN page WHERE ${precedes('h', 'x')}])[0..$limit]
       ELSE page END) AS page
RETURN total, complete, covered, [h IN page | {node: properties(h.node), score: h.score}] AS page`;
}

/** Only single characters typed: substring match over the searchable labels (score 1, by id). */
function containsStatement(direction: Direction, filter: string): string {
  return `
MATCH (n:Entity)
WHERE (n:Measure OR n:Task OR n:Indicator OR n:Target OR n:Project) AND ${filter}
WITH n ORDER BY n.id
WITH collect({node: n, score: 1.0}) AS hits
RETURN size(hits) AS total, true AS complete, true AS covered,
  [h IN ${direction === 'backward' ? 'reverse' : ''}([h IN hits WHERE ${withinBounds(HIT_KEY)}])[0..$limit] | {node: properties(h.node), score: h.score}] AS page`;
}

/** The statement of a search and its parameters (for search(), and for profiling it). */
export function searchStatement(args: SearchArgs): { cypher: string; params: Record<string, unknown> } {
  // Within one plan, Lucene yields that plan's hits only (the filter still checks the plan exactly).
  const lucene = args.terms.lucene && args.planId ? (withinPlan(args.terms.lucene, args.planId) ?? args.terms.lucene) : args.terms.lucene;
  const probe = args.probe ?? null;
  return {
    cypher: (args.terms.lucene ? fulltextStatement : containsStatement)(args.direction, filterOf(args)),
    params: {
      lucene,
      options: probe === null ? {} : { limit: int(Math.max(1, probe)) },
      singles: args.terms.singles,
      planId: args.planId,
      kinds: args.kinds,
      chapter: args.chapter === null ? null : `/chp_${args.chapter}`,
      placeId: args.placeId,
      limit: int(args.limit + 1),
      after: args.after,
      before: args.before,
    },
  };
}

/**
 * One statement; a second, reading every hit, only when a bounded read could not see the whole
 * page: a page beyond Lucene's best `probe` hits, or a run of equal scores wider than them. A
 * page read backward from the end of the list needs its last hits, which only a read of every
 * hit has: it reads them at once.
 */
export async function search(client: GraphClient, args: SearchArgs): Promise<SearchResult> {
  const read = async (probe: number | null) => {
    const statement = searchStatement({ ...args, probe });
    const [row] = await client.readRows(statement.cypher, statement.params, SearchRow);
    return row;
  };
  const fromTheEnd = args.direction === 'backward' && args.before === null;
  const bounded = await read(fromTheEnd ? null : (args.probe ?? null));
  const row = bounded && !bounded.covered ? await read(null) : bounded;
  return { ...cutWindow(row?.page ?? [], args), total: row?.total ?? 0, exact: row?.complete ?? true };
}
