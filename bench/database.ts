import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalNeo4j } from '../src/localdb/local-neo4j';
import { findFreePort } from '../src/localdb/port-check';

/** The database of a bench or soak run: NEO4J_URI if given, else a throw-away local Neo4j. */
export interface BenchDatabase {
  env: Record<string, string>;
  /** The local Neo4j's process, for metering its CPU; null for a database given by NEO4J_URI. */
  pid: number | null;
  stop(): Promise<void>;
}

export async function benchDatabase(log: (m: string) => void, heap = '2g', pageCache = '2g'): Promise<BenchDatabase> {
  if (process.env.NEO4J_URI) {
    return {
      env: { NEO4J_URI: process.env.NEO4J_URI, NEO4J_USER: process.env.NEO4J_USER ?? 'neo4j', NEO4J_PASSWORD: process.env.NEO4J_PASSWORD ?? '' },
      pid: null,
      stop: async () => undefined,
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'plan-graph-bench-'));
  const password = 'plan-graph-bench';
  const db = await startLocalNeo4j({ home: join(dir, 'neo4j'), boltPort: await findFreePort(), heap, pageCache, password, env: process.env, detached: false, log: (m) => log(`neo4j: ${m}`) });
  return {
    env: { NEO4J_URI: db.uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: password },
    pid: db.pid,
    stop: async () => {
      await db.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
