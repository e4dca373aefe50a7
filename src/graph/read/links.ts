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

/**
 * The one label whose nodes start incoming links of a type, where ingestion makes the links from
 * that label only (src/ingest/to-graph.ts: a project is LOCATED_IN its places, a pilot zone
 * HAS_MEMBER its districts). Each has an index on (planId) (cypher/schema.cypher).
 */
const PLAN_SOURCES: Partial<Record<LinkType, string>> = { LOCATED_IN: 'Project', HAS_MEMBER: 'PilotZone' };

/**
 * The MATCH of one plan's nodes that can start such a link, by index seek; null when no single
 * label does. Tasks of a kind (positioning entries) are found by Task(planId, kind).
 */
function planSources(type: LinkType, taskKind: TaskKind | null): string | null {
  if (taskKind !== null) {
    return type === 'MENTIONS' ? `(n:Task) USING INDEX SEEK n:Task(planId, kind) WHERE n.planId = $planId AND n.kind = '${taskKind}'` : null;
  }
  const label = PLAN_SOURCES[type];
  return label ? `(n:${label}) USING INDEX SEEK n:${label}(planId) WHERE n.planId = $planId` : null;
}

/**
 * linksTo for one plan (`$planId` required), read from that plan's side: its nodes that can start
 * such a link, found by index, then their links into each id. A place is named by every plan
 * loaded (万州 by thousands of links at a thousand plans); one plan's positioning entries,
 * projects or pilot zones are a few dozen. The same rows as linksTo with `$planId` set; null when
 * no single label starts links of this type (linksTo then reads them from the id's side).
 */
function linksToInPlan(type: LinkType, taskKind: TaskKind | null): string | null {
  const sources = planSources(type, taskKind);
  if (sources === null) return null;
  // `p` has no label, so no index can start from it: the planner has to expand from the plan's
  // nodes (a place's side would be every plan's links, joined to these by hash).
  return `
MATCH ${sources}
MATCH (n)-[r:${type}]->(p) WHERE p.id IN $ids AND ($basis IS NULL OR r.basis = $basis)
WITH p.id AS id, r, n ORDER BY n.planId, n.sourceStart
RETURN id AS key, {node: n {.*}, link: r {.*}} AS value`;
}

/** The statement of incoming links: from the plan's side when one plan is asked for and it can be. */
export const incomingLinks = (type: LinkType, taskKind: TaskKind | null, planScoped: boolean): string =>
  (planScoped ? linksToInPlan(type, taskKind) : null) ?? linksTo(type, taskKind);

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
