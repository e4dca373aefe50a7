import { z } from 'zod';
import { rowShape } from '../decode';
import type { GraphClient } from '../graph-client';

/**
 * The whole graph of a plan, for export: its nodes, the places and bodies they link to (with the
 * regions above the places), and every relationship among them. Monitoring records, keys and
 * versions are not part of a plan. Ordered (nodes by id, relationships by type, ends, properties)
 * so that equal graphs export to equal bytes.
 */

export interface ExportNode {
  id: string;
  labels: string[];
  properties: Record<string, unknown>;
}

export interface ExportRelationship {
  type: string;
  from: string;
  to: string;
  properties: Record<string, unknown>;
}

export const EXPORT_NODES = `
MATCH (n:Entity) WHERE n.planId = $planId
WITH collect(n) AS planNodes
CALL (planNodes) {
  UNWIND planNodes AS n
  MATCH (n)-[]->(x) WHERE (x:Place OR x:Body)
  RETURN collect(DISTINCT x) AS linked
}
CALL (linked) {
  UNWIND linked AS x
  OPTIONAL MATCH (x)-[:WITHIN*1..4]->(r:Region)
  RETURN collect(DISTINCT r) AS regions
}
CALL (linked) {
  UNWIND linked AS b
  OPTIONAL MATCH (b:Body)-[:GOVERNS]->(d:Place)
  RETURN collect(DISTINCT d) AS governed
}
UNWIND planNodes + linked + regions + governed AS n
WITH DISTINCT n
RETURN n.id AS id, [l IN labels(n) | l] AS labels, properties(n) AS properties
ORDER BY id`;

export const EXPORT_RELATIONSHIPS = `
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.id IN $ids AND b.id IN $ids
RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS properties`;

const properties = z.record(z.string(), z.unknown());
const ExportNodeRow = rowShape('ExportNode', z.object({ id: z.string(), labels: z.array(z.string()), properties }));
const ExportRelationshipRow = rowShape('ExportRelationship', z.object({ type: z.string(), from: z.string(), to: z.string(), properties }));

const stable = (value: unknown): string => JSON.stringify(value, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v));

export async function exportPlanGraph(client: GraphClient, planId: string): Promise<{ nodes: ExportNode[]; relationships: ExportRelationship[] } | null> {
  const nodes: ExportNode[] = await client.readRows(EXPORT_NODES, { planId }, ExportNodeRow);
  if (!nodes.some((n) => n.id === planId)) return null;
  for (const n of nodes) n.labels.sort();
  const relationships: ExportRelationship[] = await client.readRows(EXPORT_RELATIONSHIPS, { ids: nodes.map((n) => n.id) }, ExportRelationshipRow);
  relationships.sort((x, y) => x.type.localeCompare(y.type) || x.from.localeCompare(y.from) || x.to.localeCompare(y.to) || stable(x.properties).localeCompare(stable(y.properties)));
  return { nodes, relationships };
}

export { stable as stableJson };
