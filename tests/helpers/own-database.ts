import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { applySchema } from '../../src/graph/apply-schema';
import { GraphClient } from '../../src/graph/graph-client';
import { seedPlan } from '../../src/load/seed-plan';
import { startLocalNeo4j, type LocalNeo4jHandle } from '../../src/localdb/local-neo4j';
import { findFreePort } from '../../src/localdb/port-check';
import { startApi, type RunningApi } from '../../src/main';
import { createLogger } from '../../src/server/logger';

/**
 * A Neo4j of a test file's own, seeded, with the API over it: for tests that stop and start the
 * database, which must not disturb any other file. `restartDatabase` starts it again on the same
 * port and data; `freezeDatabase`/`thawDatabase` stop and continue its process (SIGSTOP/SIGCONT);
 * `close` thaws it, stops everything and deletes the folder.
 */
export interface OwnDatabase {
  api: RunningApi;
  stopDatabase(): Promise<void>;
  restartDatabase(): Promise<void>;
  /** SIGSTOP on the database's java process: it keeps its connections and answers nothing. */
  freezeDatabase(): void;
  /** SIGCONT: the frozen database goes on where it stopped. */
  thawDatabase(): void;
  close(): Promise<void>;
}

export async function startOwnDatabase(name: string, env: Record<string, string>): Promise<OwnDatabase> {
  const dir = mkdtempSync(join(tmpdir(), `plan-graph-${name}-`));
  const password = `plan-graph-${name}`;
  const port = await findFreePort();
  const start = () => startLocalNeo4j({ home: join(dir, 'neo4j'), boltPort: port, heap: '512m', pageCache: '128m', password, env: process.env, detached: false, readyTimeoutMs: 600_000 });
  let db: LocalNeo4jHandle = await start();
  const config = loadConfig({ ...process.env, NEO4J_URI: db.uri, NEO4J_PASSWORD: password, PORT: '0', SEED_ON_START: 'false', ...env });
  const client = GraphClient.create(config.neo4j);
  try {
    await applySchema(client);
    await seedPlan(client);
  } finally {
    await client.close();
  }
  const api = await startApi(config, createLogger('silent'));
  return {
    api,
    stopDatabase: () => db.stop(),
    restartDatabase: async () => {
      db = await start();
    },
    freezeDatabase: () => process.kill(db.pid, 'SIGSTOP'),
    thawDatabase: () => process.kill(db.pid, 'SIGCONT'),
    close: async () => {
      // A frozen database would never stop, nor let the API's driver close. A test may have
      // stopped it already (stopDatabase): then there is no process to continue.
      try {
        process.kill(db.pid, 'SIGCONT');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
      }
      await api.stop();
      await db.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
