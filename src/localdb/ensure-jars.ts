/**
 * Makes sure Neo4j's jars are in <repo>/db/lib, fetching them with Maven (db/pom.xml) the first
 * time. Contract: resolves to the absolute lib folder, or rejects with a one-line LocalDbError
 * that says what to do (install Maven, check the network, read the log file).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { LocalDbLog } from './local-db-log';
import { LocalDbError } from './localdb-error';

type Env = Record<string, string | undefined>;

const PROGRESS_EVERY_MS = 15_000;

export function libDir(repoRoot: string): string {
  return path.join(repoRoot, 'db', 'lib');
}

export function countJars(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir).filter((name) => name.endsWith('.jar')).length;
}

/** The Neo4j version pinned in db/pom.xml (for messages only). */
export function pinnedNeo4jVersion(repoRoot: string): string {
  const pom = fs.readFileSync(path.join(repoRoot, 'db', 'pom.xml'), 'utf8');
  return /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(pom)?.[1] ?? 'unknown';
}

export async function ensureJars(repoRoot: string, log: LocalDbLog, env: Env): Promise<string> {
  const lib = libDir(repoRoot);
  if (countJars(lib) > 0) return lib;

  const pom = path.join(repoRoot, 'db', 'pom.xml');
  if (spawnSync('mvn', ['-v'], { env, stdio: 'ignore' }).error) {
    throw new LocalDbError(
      'Maven (mvn) is needed once to download Neo4j into db/lib: install it (apt-get install maven) and retry',
    );
  }
  const logFile = path.join(repoRoot, 'db', 'target', 'mvn-fetch.log');
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = fs.openSync(logFile, 'w');

  log(`Downloading Neo4j ${pinnedNeo4jVersion(repoRoot)} from Maven Central (about 120 MB, first time only)...`);
  const started = Date.now();
  const progress = setInterval(() => {
    log(`  still downloading (${Math.round((Date.now() - started) / 1000)}s)...`);
  }, PROGRESS_EVERY_MS);
  try {
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn('mvn', ['-q', '-B', '-f', pom, 'package'], { env, stdio: ['ignore', out, out] });
      child.on('error', () => resolve(null));
      child.on('exit', resolve);
    });
    if (code !== 0 || countJars(lib) === 0) {
      throw new LocalDbError(
        `Downloading Neo4j with Maven failed (exit ${code ?? 'error'}): check the network or Maven proxy settings; details in ${logFile}`,
      );
    }
  } finally {
    clearInterval(progress);
    fs.closeSync(out);
  }
  log(`Downloaded ${countJars(lib)} jars into ${lib} in ${Math.round((Date.now() - started) / 1000)}s`);
  return lib;
}
