import type { GraphClient } from '../graph-client';
import type { LinkBasis } from './values';
import { groupByKey, keyed, LinkedRow } from './rows';

/** Outgoing links of a fixed type, with the link's properties (basis, quote, rationale ...). */
export type LinkType = 'MENTIONS' | 'LOCATED_IN' | 'HAS_MEMBER' | 'RESPONSIBLE' | 'OVERLAPS' | 'MEASURES' | 'STATED_IN';

export const linksOf = (type: LinkType): string => `
UNWIND $ids AS id
MATCH (:Entity {id: id})-[r:${type}]->(n)
WHERE $basis IS NULL OR r.basis = $basis
WITH id, r, n ORDER BY coalesce(r.start, n.sourceStart, 0), n.id
RETURN id AS key, {node: n {.*, text: CASE WHEN n:Plan THEN null ELSE n.text END}, link: r {.*}} AS value`;

/** Incoming links of a fixed type: the nodes that point at each id. */
export const linksTo = (type: LinkType): string => `
UNWIND $ids AS id
MATCH (:Entity {id: id})<-[r:${type}]-(n)
WHERE $basis IS NULL OR r.basis = $basis
WITH id, r, n ORDER BY n.planId, n.sourceStart
RETURN id AS key, {node: n {.*}, link: r {.*}} AS value`;

const KeyedLinkRow = keyed('Linked', LinkedRow);

export async function batchLinks(client: GraphClient, cypher: string, ids: readonly string[], basis: LinkBasis | null = null): Promise<LinkedRow[][]> {
  return groupByKey(ids, await client.readRows(cypher, { ids, basis }, KeyedLinkRow));
}
