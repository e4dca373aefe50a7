import neo4j, { type Driver } from 'neo4j-driver';
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

/** The test database through both doors: the project's client, and a bare driver for PROFILE and EXPLAIN. */
export interface TestGraph {
  client: GraphClient;
  driver: Driver;
  close(): Promise<void>;
}

export async function testGraph(): Promise<TestGraph> {
  const client = await testClient();
  const { uri, user, password } = loadConfig(process.env).neo4j;
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
  return { client, driver, close: async () => { await driver.close(); await client.close(); } };
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
