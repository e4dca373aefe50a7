/**
 * What global-setup leaves for global-teardown (and for the sweep of a later run): a state file
 * in each test database's temporary folder, plus the live handles on globalThis (setup and
 * teardown run in the same Jest process).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isAlive, isOurServer } from '../../src/localdb/server-process';
import { stopLocalNeo4j } from '../../src/localdb/local-neo4j';

export const TEST_DIR_PREFIX = 'plan-graph-test-';
const STATE_FILE = 'state.json';

export interface TestDbState {
  /** The temporary folder; the Neo4j home is its `neo4j` subfolder. */
  dir: string;
  home: string;
  /** The Jest process that owns this database. */
  ownerPid: number;
  /** The java process, once started. */
  pid?: number;
}

export interface TestDbHandle {
  state: TestDbState;
  stop(): Promise<void>;
}

const GLOBAL_KEY = '__planGraphTestDb__';

/** The handles of global-setup's databases; the array is filled while they start. */
export function rememberHandles(handles: TestDbHandle[]): void {
  (globalThis as Record<string, unknown>)[GLOBAL_KEY] = handles;
}

export function takeHandles(): TestDbHandle[] {
  const handles = ((globalThis as Record<string, unknown>)[GLOBAL_KEY] as TestDbHandle[] | undefined) ?? [];
  delete (globalThis as Record<string, unknown>)[GLOBAL_KEY];
  return handles;
}

export function writeState(state: TestDbState): void {
  fs.writeFileSync(path.join(state.dir, STATE_FILE), JSON.stringify(state));
}

function readState(dir: string): TestDbState | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, STATE_FILE), 'utf8')) as TestDbState;
  } catch {
    return undefined;
  }
}

/**
 * Removes test databases left behind by a Jest process that died without its teardown (e.g.
 * SIGKILL): its server is stopped and its folder deleted. Databases of live Jest runs are kept.
 */
export async function sweepStaleTestDatabases(tmpDir: string = os.tmpdir()): Promise<void> {
  for (const name of fs.readdirSync(tmpDir)) {
    if (!name.startsWith(TEST_DIR_PREFIX)) continue;
    const dir = path.join(tmpDir, name);
    const state = readState(dir);
    if (!state || isAlive(state.ownerPid)) continue;
    if (state.pid !== undefined && isOurServer(state.pid, state.home)) await stopLocalNeo4j(state.home);
    fs.rmSync(dir, { recursive: true, force: true });
    process.stderr.write(`[test neo4j] removed the leftover test database ${dir} of an earlier, killed run\n`);
  }
}
