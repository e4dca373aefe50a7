import { loadConfig } from '../../src/config';
import { applySchema } from '../../src/graph/apply-schema';
import { GraphClient } from '../../src/graph/graph-client';
import { z } from 'zod';
import { NO_ROWS, shape } from './rows';

/** A client for the test database that jest's global setup started (or NEO4J_URI points at). */
export async function testClient(): Promise<GraphClient> {
  const client = GraphClient.create(loadConfig(process.env).neo4j);
  await applySchema(client);
  return client;
}

export async function countPlan(client: GraphClient, planId: string): Promise<{ nodes: number; relationships: number }> {
  const [row] = await client.readRows(
    `MATCH (n:Entity {planId: $planId}) WITH count(n) AS nodes
     OPTIONAL MATCH (:Entity {planId: $planId})-[r]->() RETURN nodes, count(r) AS relationships`,
    { planId }, shape({ nodes: z.number(), relationships: z.number() }),
  );
  return row;
}

export async function removePlan(client: GraphClient, planId: string): Promise<void> {
  await client.writeRows(`MATCH (n:Entity {planId: $planId}) DETACH DELETE n`, { planId }, NO_ROWS);
}
