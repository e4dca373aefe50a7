/**
 * Test isolation: one Neo4j per Jest worker, reset to the seed before every test file.
 *
 * Neo4j Community has one user database, so the global setup starts one throw-away server per
 * worker (a worker runs one test file at a time), loads the schema and the seed plan into each,
 * and records the seed state as a baseline: the element ids of every node and relationship. Before
 * each test file (tests/setup/fresh-database.ts) everything not in the baseline is deleted, so no
 * test file sees another's writes: not its plans, records, keys or audit events. A file may write
 * anything (records on the seed plan's tasks, its own plans, keys) and count exactly.
 *
 * The one rule: a test file must not delete or rewrite the seed plan itself (the reset cannot bring
 * it back); the reset fails loudly when it finds the baseline incomplete.
 */
import { z } from 'zod';
import { shape } from '../helpers/rows';
import fs from 'node:fs';
import { loadConfig } from '../../src/config';
import { GraphClient } from '../../src/graph/graph-client';

/** Environment variable per worker: PLAN_GRAPH_TEST_DB_1, _2, ... (JSON of TestDatabase). */
const ENV_PREFIX = 'PLAN_GRAPH_TEST_DB_';

export interface TestDatabase {
  uri: string;
  user: string;
  password: string;
  /** JSON file holding the Baseline of this database. */
  baselineFile: string;
}

interface Baseline {
  nodes: string[];
  relationships: string[];
}

export function publishDatabase(worker: number, db: TestDatabase): void {
  process.env[`${ENV_PREFIX}${worker}`] = JSON.stringify(db);
}

/** The database of the Jest worker this file runs in (worker ids count from 1). */
export function workerDatabase(env: NodeJS.ProcessEnv = process.env): TestDatabase {
  const worker = env.JEST_WORKER_ID ?? '1';
  const raw = env[`${ENV_PREFIX}${worker}`];
  if (!raw) throw new Error(`No test database for Jest worker ${worker}: run the tests through jest's global setup (npm test)`);
  return JSON.parse(raw) as TestDatabase;
}

/** Points this worker's NEO4J_* variables (read by loadConfig, inherited by child processes) at its database. */
export function useWorkerDatabase(): TestDatabase {
  const db = workerDatabase();
  process.env.NEO4J_URI = db.uri;
  process.env.NEO4J_USER = db.user;
  process.env.NEO4J_PASSWORD = db.password;
  return db;
}

export async function captureBaseline(client: GraphClient, file: string): Promise<Baseline> {
  const [row] = await client.ingestRows(
    `CALL { MATCH (n) RETURN collect(elementId(n)) AS nodes }
     CALL { MATCH ()-[r]->() RETURN collect(elementId(r)) AS relationships }
     RETURN nodes, relationships`,
    {},
    shape({ nodes: z.array(z.string()), relationships: z.array(z.string()) }),
  );
  fs.writeFileSync(file, JSON.stringify(row));
  return row;
}

/** Deletes every node and relationship written since the baseline; fails if part of the baseline is gone. */
export async function resetToBaseline(db: TestDatabase = workerDatabase()): Promise<void> {
  const baseline = JSON.parse(fs.readFileSync(db.baselineFile, 'utf8')) as Baseline;
  const client = GraphClient.create(loadConfig(process.env).neo4j);
  try {
    const params = { nodes: baseline.nodes, relationships: baseline.relationships };
    await client.ingest(async (tx) => {
      await tx.run(`MATCH (n) WHERE NOT elementId(n) IN $nodes DETACH DELETE n`, params);
      await tx.run(`MATCH ()-[r]->() WHERE NOT elementId(r) IN $relationships DELETE r`, params);
    });
    const [left] = await client.ingestRows(
      `CALL { MATCH (n) RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships`,
      {},
      shape({ nodes: z.number(), relationships: z.number() }),
    );
    if (left.nodes !== baseline.nodes.length || left.relationships !== baseline.relationships.length) {
      throw new Error(
        `The test database no longer holds its seed state (${left.nodes}/${baseline.nodes.length} nodes, ${left.relationships}/${baseline.relationships.length} relationships): a test file deleted or rewrote the seed plan; load a plan of its own instead`,
      );
    }
  } finally {
    await client.close();
  }
}
