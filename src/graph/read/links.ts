import { z } from 'zod';
import type { Decoded } from '../decode';
import { linkedNode, listBatch, type BatchRead } from './batch';
import { groupByKey, keyed, LinkedRow, NodeRow } from './rows';
import type { LinkBasis, TaskKind } from './values';

/** Links that carry evidence: a basis, and a quote or rationale (see LinkRow). */
export type EvidenceLinkType = 'MENTIONS' | 'LOCATED_IN' | 'HAS_MEMBER' | 'RESPONSIBLE' | 'OVERLAPS';
/** Links of the structure, without properties: a target or an item stated in a task, a target measuring an indicator. */
export type StructuralLinkType = 'MEASURES' | 'STATED_IN';
export type LinkType = EvidenceLinkType | StructuralLinkType;

/** Outgoing links of a fixed type, with the link's properties (basis, quote, rationale ...). */
export const linksOf = (type: LinkType): string => `
UNWIND $ids AS id
MATCH (:Entity {id: id})-[r:${type}]->(n)
WHERE $basis IS NULL OR r.basis = $basis
WITH id, r, n ORDER BY coalesce(r.start, n.sourceStart, 0), n.id
RETURN id AS key, {node: n {.*, text: CASE WHEN n:Plan THEN null ELSE n.text END}, link: r {.*}} AS value`;

/**
 * Incoming links of a fixed type: the nodes that point at each id (of one plan when `$planId` is
 * set). With `taskKind`, only tasks of that kind (a district's positioning entries): filtered in
 * the statement, not by reading every task that names the place and keeping a few.
 */
export const linksTo = (type: LinkType, taskKind: TaskKind | null = null): string => `
UNWIND $ids AS id
MATCH (:Entity {id: id})<-[r:${type}]-(n${taskKind === null ? '' : `:Task {kind: '${taskKind}'}`})
WHERE ($basis IS NULL OR r.basis = $basis) AND ($planId IS NULL OR n.planId = $planId)
WITH id, r, n ORDER BY n.planId, n.sourceStart
RETURN id AS key, {node: n {.*}, link: r {.*}} AS value`;

const KeyedLinkRow = keyed('Linked', LinkedRow);
const KeyedNodeRow = keyed('LinkedNode', z.object({ node: NodeRow }));
type KeyedLink = Decoded<typeof KeyedLinkRow>;
type KeyedNode = Decoded<typeof KeyedNodeRow>;

/** Nodes with their evidence links, per id (a query of linksOf or linksTo over an EvidenceLinkType). */
export function linkBatch(cypher: string, basis: LinkBasis | null = null, planId: string | null = null): BatchRead<KeyedLink, LinkedRow[]> {
  return listBatch('links', cypher, KeyedLinkRow, { basis, planId }, linkedNode);
}

/** The nodes at the other end of structural links, per id (linksOf or linksTo over a StructuralLinkType). */
export function linkedNodeBatch(cypher: string): BatchRead<KeyedNode, NodeRow[]> {
  return {
    name: 'linkedNodes',
    cypher,
    params: { basis: null, planId: null },
    columns: ['key', 'value'],
    shape: KeyedNodeRow,
    nodes: linkedNode,
    assemble: (ids, rows) => groupByKey(ids, rows.map((r) => ({ key: r.key, value: r.value.node }))),
  };
}
