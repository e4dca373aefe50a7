import type { GraphClient } from '../graph-client';
import { z } from 'zod';
import { rowShape, type Decoded } from '../decode';
import { oneBatch, type BatchRead } from './batch';
import { keyed, NODE_PROJECTION, NodeRow, PlanRow } from './rows';

export const NODES_BY_ID = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id AS key, ${NODE_PROJECTION} AS value`;

const NodeByIdRow = keyed('NodeById', NodeRow);

/** Nodes by id; null for an id that names no node. */
export const NODES_BATCH: BatchRead<Decoded<typeof NodeByIdRow>, NodeRow | null> = oneBatch('nodes', NODES_BY_ID, NodeByIdRow);

export const PLANS = `
MATCH (n:Plan)
RETURN ${NODE_PROJECTION} AS value
ORDER BY n.id`;

const PlanListRow = rowShape('Plans', z.object({ value: PlanRow }));

export async function listPlans(client: GraphClient): Promise<PlanRow[]> {
  return (await client.readRows(PLANS, {}, PlanListRow)).map((r) => r.value);
}

export const PLAN_TEXT = `MATCH (p:Plan {id: $planId}) RETURN p.text AS text`;

const PlanTextRow = rowShape('PlanText', z.object({ text: z.string() }));

export async function planText(client: GraphClient, planId: string): Promise<string | null> {
  const [row] = await client.readRows(PLAN_TEXT, { planId }, PlanTextRow);
  return row?.text ?? null;
}
