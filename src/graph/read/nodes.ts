import type { GraphClient } from '../graph-client';
import { NODE_PROJECTION, type NodeRow } from './rows';

export const NODES_BY_ID = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id AS key, ${NODE_PROJECTION} AS value`;

export async function nodesById(client: GraphClient, ids: readonly string[]): Promise<(NodeRow | null)[]> {
  const rows = await client.readRows<{ key: string; value: NodeRow }>(NODES_BY_ID, { ids });
  const map = new Map(rows.map((r) => [r.key, r.value]));
  return ids.map((id) => map.get(id) ?? null);
}

export const PLANS = `
MATCH (n:Plan)
RETURN ${NODE_PROJECTION} AS value
ORDER BY n.id`;

export async function listPlans(client: GraphClient): Promise<NodeRow[]> {
  return (await client.readRows<{ value: NodeRow }>(PLANS)).map((r) => r.value);
}

export const PLAN_TEXT = `MATCH (p:Plan {id: $planId}) RETURN p.text AS text`;

export async function planText(client: GraphClient, planId: string): Promise<string | null> {
  const [row] = await client.readRows<{ text: string }>(PLAN_TEXT, { planId });
  return row?.text ?? null;
}
