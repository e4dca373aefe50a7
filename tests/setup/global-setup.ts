/**
 * Jest global setup: one throw-away Neo4j per Jest worker (see tests/setup/test-databases.ts), each
 * in a fresh os.tmpdir()/plan-graph-test-XXXX folder on a free port, attached to this process (it
 * is stopped if Jest dies or is interrupted), with the schema and the seed plan loaded and the seed
 * state recorded as the baseline that every test file starts from. The databases are published in
 * process.env, which the test workers inherit.
 *
 * With NEO4J_URI set, tests use that one server (NEO4J_USER / NEO4J_PASSWORD) for every worker:
 * test files then see each other's writes unless run one at a time (--runInBand).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import 'reflect-metadata';
import type { Config as JestConfig } from 'jest';
import { loadConfig } from '../../src/config';
import { applySchema } from '../../src/graph/apply-schema';
import { GraphClient } from '../../src/graph/graph-client';
import { seedPlan } from '../../src/load/seed-plan';
import { ensureJars } from '../../src/localdb/ensure-jars';
import { LOCAL_USER, startLocalNeo4j } from '../../src/localdb/local-neo4j';
import { findRepoRoot } from '../../src/localdb/repo-root';
import { findFreePort } from '../../src/localdb/port-check';
import { captureBaseline, publishDatabase, type TestDatabase } from './test-databases';
import { rememberHandles, sweepStaleTestDatabases, TEST_DIR_PREFIX, writeState, type TestDbHandle, type TestDbState } from './test-db-state';

const TEST_PASSWORD = 'plan-graph-test';
/** Two JVMs starting at once on a machine busy with other work took over 4 minutes. */
const READY_TIMEOUT_MS = 600_000;

/** The schema, the seed plan and the baseline of one database. */
async function seedTestDatabase(db: Omit<TestDatabase, 'baselineFile'>, dir: string): Promise<TestDatabase> {
  const client = GraphClient.create(loadConfig({ ...process.env, NEO4J_URI: db.uri, NEO4J_USER: db.user, NEO4J_PASSWORD: db.password }).neo4j);
  try {
    await applySchema(client);
    await seedPlan(client);
    const baselineFile = path.join(dir, 'baseline.json');
    await captureBaseline(client, baselineFile);
    return { ...db, baselineFile };
  } finally {
    await client.close();
  }
}

async function startWorkerDatabase(worker: number, handles: TestDbHandle[]): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), TEST_DIR_PREFIX));
  const state: TestDbState = { dir, home: path.join(dir, 'neo4j'), ownerPid: process.pid };
  writeState(state);
  const db = await startLocalNeo4j({
    home: state.home,
    boltPort: await findFreePort(),
    heap: '512m',
    pageCache: '256m',
    password: TEST_PASSWORD,
    env: process.env,
    detached: false,
    readyTimeoutMs: READY_TIMEOUT_MS,
    log: (message) => process.stderr.write(`[test neo4j ${worker}] ${message}\n`),
  });
  state.pid = db.pid;
  writeState(state);
  handles.push({ state, stop: db.stop });
  publishDatabase(worker, await seedTestDatabase({ uri: db.uri, user: LOCAL_USER, password: TEST_PASSWORD }, dir));
}

export default async function globalSetup(globalConfig: { maxWorkers: number }, _project?: JestConfig): Promise<void> {
  const workers = Math.max(1, globalConfig.maxWorkers);
  if (process.env.NEO4J_URI) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), TEST_DIR_PREFIX));
    writeState({ dir, home: path.join(dir, 'neo4j'), ownerPid: process.pid });
    rememberHandles([{ state: { dir, home: path.join(dir, 'neo4j'), ownerPid: process.pid }, stop: async () => undefined }]);
    const db = await seedTestDatabase({ uri: process.env.NEO4J_URI, user: process.env.NEO4J_USER ?? LOCAL_USER, password: process.env.NEO4J_PASSWORD ?? '' }, dir);
    for (let worker = 1; worker <= workers; worker++) publishDatabase(worker, db);
    if (workers > 1) process.stderr.write('[test neo4j] NEO4J_URI is set: all workers share one database; run with --runInBand for isolated files\n');
    return;
  }
  await sweepStaleTestDatabases();
  // Fetched once, before the servers start side by side from the same folder.
  await ensureJars(findRepoRoot(__dirname), (message) => process.stderr.write(`[test neo4j] ${message}\n`), process.env);
  const handles: TestDbHandle[] = [];
  rememberHandles(handles);
  const started = await Promise.allSettled(Array.from({ length: workers }, (_, i) => startWorkerDatabase(i + 1, handles)));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
}
