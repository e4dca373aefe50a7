import { z } from 'zod';
import { integer, rowShape } from '../decode';
import { int, type GraphClient } from '../graph-client';
import { byDirection, cutWindow, withinBounds, type Direction, type KeyColumn, type KeysetWindow, type WindowRows } from './keyset';
import { SearchableRow } from './rows';
import { withinPlan, type SearchTerms } from './search-query';

const SearchHitRow = z.object({ node: SearchableRow, score: z.number() });
export type SearchHitRow = z.output<typeof SearchHitRow>;
const SearchRow = rowShape('Search', z.object({ total: integer, page: z.array(SearchHitRow) }));

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
}

const FILTER = `($planId IS NULL OR n.planId = $planId) AND ($kinds IS NULL OR n.nodeType IN $kinds)
  AND all(s IN $singles WHERE coalesce(n.text, n.name) CONTAINS s)
  AND ($chapter IS NULL OR n.chapterId ENDS WITH $chapter OR EXISTS { (n)-[:PART_OF|STATED_IN*1..2]->(x) WHERE x.chapterId ENDS WITH $chapter })
  AND ($placeId IS NULL OR EXISTS { (n)-[:MENTIONS|LOCATED_IN|HAS_MEMBER]->(:Entity {id: $placeId}) }
       OR EXISTS { (n)<-[:PART_OF]-(:Task)-[:MENTIONS]->(:Entity {id: $placeId}) }
       OR EXISTS { (n)-[:STATED_IN]->(:Task)-[:MENTIONS]->(:Entity {id: $placeId}) })`;
const SEARCH_KEY: readonly KeyColumn[] = [
  { expr: 'h.score', field: 'score', descending: true },
  { expr: 'h.node.id', field: 'id' },
];
/**
 * The hits inside the window, in reading order, one more than the page, with their properties.
 * `hits` holds node references: only the page's nodes are projected (a common term matches a
 * few hits in every plan, and projecting them all costs more than the search).
 */
const PAGE = (direction: Direction) =>
  `[h IN ${direction === 'backward' ? 'reverse' : ''}([h IN hits WHERE ${withinBounds(SEARCH_KEY)}])[0..$limit] | {node: properties(h.node), score: h.score}]`;

/** Full-text hits, best first (ties by id): the keyset is (score, id). */
export const SEARCH_FULLTEXT = byDirection((direction) => `
CALL db.index.fulltext.queryNodes('plan_search', $lucene) YIELD node AS n, score
WHERE ${FILTER}
WITH n, score ORDER BY score DESC, n.id
WITH collect({node: n, score: score}) AS hits
RETURN size(hits) AS total, ${PAGE(direction)} AS page`);

/** Only single characters typed: substring match over the searchable labels (score 1, by id). */
export const SEARCH_CONTAINS = byDirection((direction) => `
MATCH (n:Entity)
WHERE (n:Measure OR n:Task OR n:Indicator OR n:Target OR n:Project) AND ${FILTER}
WITH n ORDER BY n.id
WITH collect({node: n, score: 1.0}) AS hits
RETURN size(hits) AS total, ${PAGE(direction)} AS page`);

/** The statement of a search and its parameters (for search(), and for profiling it). */
export function searchStatement(args: SearchArgs): { cypher: string; params: Record<string, unknown> } {
  const queries = args.terms.lucene ? SEARCH_FULLTEXT : SEARCH_CONTAINS;
  // Within one plan, Lucene yields that plan's hits only (FILTER still checks the plan exactly).
  const lucene = args.terms.lucene && args.planId ? (withinPlan(args.terms.lucene, args.planId) ?? args.terms.lucene) : args.terms.lucene;
  return {
    cypher: queries[args.direction],
    params: {
      lucene,
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

export async function search(client: GraphClient, args: SearchArgs): Promise<WindowRows<SearchHitRow> & { total: number }> {
  const statement = searchStatement(args);
  const [row] = await client.readRows(statement.cypher, statement.params, SearchRow);
  return { ...cutWindow(row?.page ?? [], args), total: row?.total ?? 0 };
}
