/**
 * Jest global setup. With NEO4J_URI set, tests use that server (NEO4J_USER / NEO4J_PASSWORD).
 * Otherwise a throw-away Neo4j starts in a fresh os.tmpdir()/plan-graph-test-XXXX folder on a free
 * port, attached to this process (it is stopped if Jest dies or is interrupted), and its URI and
 * credentials are put into process.env, which the test workers inherit.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import 'reflect-metadata';
import { loadConfig } from '../../src/config';
import { applySchema } from '../../src/graph/apply-schema';
import { GraphClient } from '../../src/graph/graph-client';
import { seedPlan } from '../../src/load/seed-plan';
import { LOCAL_USER, startLocalNeo4j } from '../../src/localdb/local-neo4j';
import { findFreePort } from '../../src/localdb/port-check';
import { rememberHandle, sweepStaleTestDatabases, TEST_DIR_PREFIX, writeState, type TestDbState } from './test-db-state';

const TEST_PASSWORD = 'plan-graph-test';

/** The schema and the seed plan, loaded once so that test files in parallel do not race to seed. */
async function seedTestDatabase(): Promise<void> {
  const client = GraphClient.create(loadConfig(process.env).neo4j);
  try {
    await applySchema(client);
    await seedPlan(client);
  } finally {
    await client.close();
  }
}

export default async function globalSetup(): Promise<void> {
  if (process.env.NEO4J_URI) {
    process.env.NEO4J_USER ??= LOCAL_USER;
    await seedTestDatabase();
    return;
  }
  await sweepStaleTestDatabases();

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), TEST_DIR_PREFIX));
  const state: TestDbState = { dir, home: path.join(dir, 'neo4j'), ownerPid: process.pid };
  writeState(state);
  try {
    const db = await startLocalNeo4j({
      home: state.home,
      boltPort: await findFreePort(),
      heap: '512m',
      pageCache: '256m',
      password: TEST_PASSWORD,
      env: process.env,
      detached: false,
      log: (message) => process.stderr.write(`[test neo4j] ${message}\n`),
    });
    state.pid = db.pid;
    writeState(state);
    rememberHandle({ state, stop: db.stop });
    process.env.NEO4J_URI = db.uri;
    process.env.NEO4J_USER = LOCAL_USER;
    process.env.NEO4J_PASSWORD = TEST_PASSWORD;
    await seedTestDatabase();
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
