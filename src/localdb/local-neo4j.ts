/**
 * Runs a real Neo4j 5.26 Community server as a plain Java process (no Docker): the API used by
 * the db:* scripts, src/main.ts (when config.neo4j.managedLocally) and the Jest global setup.
 *
 * Contracts:
 * - startLocalNeo4j reuses a server that is already running for the same home (and says so);
 *   otherwise it checks the port, finds Java 17/21, fetches the jars if needed, writes the conf,
 *   sets the initial password on a fresh data folder, spawns java and waits until `RETURN 1`
 *   answers (up to readyTimeoutMs). A failure is a one-line LocalDbError.
 * - detached: true (default) -> the server outlives this process (db:start); false -> it is
 *   SIGTERMed when this process exits or is interrupted (tests, npm start).
 * - The handle's stop() only stops a server this call started; a reused one is left running.
 * - stopLocalNeo4j sends SIGTERM, waits up to 60s for the clean shutdown (Neo4j checkpoints),
 *   then SIGKILLs, and removes the pid file.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { killChildOnExit } from './child-guard';
import { ensureJars } from './ensure-jars';
import { findJava } from './find-java';
import { homeLayout, type HomeLayout } from './home-layout';
import { hasAuthState, setInitialPassword } from './initial-password';
import { serverJavaArgs } from './jvm-flags';
import { silentLog, type LocalDbLog } from './local-db-log';
import { LocalDbError } from './localdb-error';
import { prepareHome } from './neo4j-conf';
import { isPortFree } from './port-check';
import { findRepoRoot } from './repo-root';
import { isOurServer, readPid, removePid, tailLines, waitUntil, writePid } from './server-process';
import { isReady, waitUntilReady, type ReadinessTarget } from './wait-ready';

type Env = Record<string, string | undefined>;

export const LOCAL_USER = 'neo4j';
const LOCAL_DATABASE = 'neo4j';
/** Generous: a cold start on two busy cores has been seen to take 80 s before Bolt answers. */
const DEFAULT_READY_TIMEOUT_MS = 240_000;
const STOP_TIMEOUT_MS = 60_000;
const CONSOLE_TAIL_LINES = 20;

export interface LocalNeo4jOptions {
  /** Absolute folder for conf, data, logs and run files. */
  home: string;
  boltPort: number;
  /** JVM heap such as 1g or 512m. */
  heap: string;
  pageCache: string;
  /** Password of user neo4j; applied only when the data folder is new. */
  password: string;
  /** The environment for Java discovery (JAVA_HOME, PATH) and child processes; pass process.env. */
  env: Env;
  /** Default true: the server keeps running after this process exits. */
  detached?: boolean;
  /** Project root holding db/pom.xml and db/lib; found from this file's location by default. */
  repoRoot?: string;
  log?: LocalDbLog;
  readyTimeoutMs?: number;
}

export interface LocalNeo4jHandle {
  uri: string;
  pid: number;
  /** True when an already running server was reused. */
  reused: boolean;
  /** Milliseconds from spawn to ready (0 when reused). */
  startMs: number;
  /** Stops the server if this call started it; a no-op for a reused one. */
  stop(): Promise<void>;
}

export interface LocalNeo4jStatus {
  running: boolean;
  /** Whether it answers RETURN 1 (only checked when running). */
  ready: boolean;
  pid?: number;
  uri?: string;
  dataDir: string;
  consoleLog: string;
}

const boltUri = (port: number): string => `bolt://127.0.0.1:${port}`;

/** The Bolt port of the conf last written for this home, if any. */
function configuredBoltPort(layout: HomeLayout): number | undefined {
  try {
    const conf = fs.readFileSync(layout.confFile, 'utf8');
    const match = /^server\.bolt\.listen_address=.*:(\d+)\s*$/m.exec(conf);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** The pid of a live server for this home, clearing a stale pid file on the way. */
function runningPid(layout: HomeLayout): number | undefined {
  const pid = readPid(layout.pidFile);
  if (pid === undefined) return undefined;
  if (isOurServer(pid, layout.home)) return pid;
  removePid(layout.pidFile);
  return undefined;
}

function authHint(layout: HomeLayout): string {
  return `its data folder was created with another password; stop it and delete ${layout.data} to start fresh`;
}

export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4jHandle> {
  const log = options.log ?? silentLog;
  const layout = homeLayout(options.home);
  const uri = boltUri(options.boltPort);
  const target: ReadinessTarget = { uri, user: LOCAL_USER, password: options.password, database: LOCAL_DATABASE };
  const readyTimeoutMs = options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS;

  const existing = runningPid(layout);
  if (existing !== undefined) {
    const port = configuredBoltPort(layout);
    if (port !== undefined && port !== options.boltPort) {
      throw new LocalDbError(
        `The local Neo4j (pid ${existing}) runs on port ${port}, not ${options.boltPort}: run npm run db:stop first`,
      );
    }
    const outcome = await waitUntilReady(target, () => isOurServer(existing, layout.home), readyTimeoutMs, authHint(layout));
    if (outcome === 'ready') {
      log(`Neo4j is already running at ${uri} (pid ${existing}); reusing it`);
      return { uri, pid: existing, reused: true, startMs: 0, stop: async () => undefined };
    }
    if (outcome === 'timeout') {
      throw new LocalDbError(`Neo4j (pid ${existing}) is running but not answering at ${uri}: run npm run db:stop and retry`);
    }
    removePid(layout.pidFile);
  }

  if (!(await isPortFree(options.boltPort))) {
    throw new LocalDbError(
      `Port ${options.boltPort} is in use by another program: stop it or set LOCAL_NEO4J_BOLT_PORT to a free port`,
    );
  }

  const java = findJava(options.env);
  const repoRoot = options.repoRoot ?? findRepoRoot(__dirname);
  const lib = await ensureJars(repoRoot, log, options.env);
  prepareHome(layout, { boltPort: options.boltPort, heap: options.heap, pageCache: options.pageCache, lib });
  if (!hasAuthState(layout)) {
    setInitialPassword({ javaPath: java.javaPath, lib, layout, password: options.password, env: options.env, timeoutMs: readyTimeoutMs });
  }

  const detached = options.detached ?? true;
  log(`Starting Neo4j (Java ${java.version}, heap ${options.heap}, page cache ${options.pageCache}) in ${layout.home}...`);
  const out = fs.openSync(layout.consoleLog, 'a');
  // Only this start's output is shown if it fails; older runs stay above in the same file.
  const logOffset = fs.fstatSync(out).size;
  fs.writeSync(out, `\n=== plan-graph: starting Neo4j at ${new Date().toISOString()} ===\n`);
  const started = Date.now();
  const child = spawn(java.javaPath, serverJavaArgs({ lib, home: layout.home, confDir: layout.confDir, heap: options.heap }), {
    cwd: layout.home,
    detached,
    stdio: ['ignore', out, out],
    env: { ...options.env, NEO4J_HOME: layout.home, NEO4J_CONF: layout.confDir },
  });
  fs.closeSync(out);
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  let spawnError: Error | undefined;
  child.on('exit', (code, signal) => {
    exit = { code, signal };
  });
  child.on('error', (error) => {
    spawnError = error;
  });
  // Never keep this Node process alive just because the server runs.
  child.unref();
  const pid = child.pid;
  if (pid === undefined) {
    await new Promise((resolve) => setImmediate(resolve));
    throw new LocalDbError(`Could not start ${java.javaPath}: ${spawnError?.message ?? 'unknown error'}`);
  }
  writePid(layout.pidFile, pid);
  const unguard = detached ? () => undefined : killChildOnExit(pid);

  const stopOwn = async (): Promise<void> => {
    unguard();
    await stopLocalNeo4j(options.home, log);
  };

  let outcome: Awaited<ReturnType<typeof waitUntilReady>>;
  try {
    outcome = await waitUntilReady(target, () => exit === undefined && !spawnError, readyTimeoutMs, authHint(layout));
  } catch (error) {
    await stopOwn();
    throw error;
  }
  if (outcome !== 'ready') {
    const tail = tailLines(layout.consoleLog, CONSOLE_TAIL_LINES, logOffset);
    if (outcome === 'timeout') await stopOwn();
    else {
      unguard();
      removePid(layout.pidFile);
    }
    if (tail) log(`--- last lines of ${layout.consoleLog} ---\n${tail}\n---`);
    const why =
      outcome === 'timeout'
        ? `did not answer within ${Math.round(readyTimeoutMs / 1000)}s`
        : `exited during start-up (${spawnError?.message ?? `exit code ${exit?.code ?? exit?.signal}`})`;
    throw new LocalDbError(`Neo4j ${why}; see ${layout.consoleLog}`);
  }

  const startMs = Date.now() - started;
  log(`Neo4j ready at ${uri} in ${(startMs / 1000).toFixed(1)}s (pid ${pid}, data ${layout.data})`);
  return { uri, pid, reused: false, startMs, stop: stopOwn };
}

/** Stops the server of `home`; resolves true when one was running. */
export async function stopLocalNeo4j(home: string, log: LocalDbLog = silentLog): Promise<boolean> {
  const layout = homeLayout(home);
  const pid = runningPid(layout);
  if (pid === undefined) {
    log('Neo4j is not running');
    return false;
  }
  log(`Stopping Neo4j (pid ${pid}); it checkpoints on the way down...`);
  const started = Date.now();
  const gone = () => !isOurServer(pid, layout.home);
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    // exited in the meantime
  }
  if (!(await waitUntil(gone, STOP_TIMEOUT_MS))) {
    log(`Neo4j did not stop within ${STOP_TIMEOUT_MS / 1000}s; killing it`);
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // exited in the meantime
    }
    await waitUntil(gone, 10_000);
  }
  removePid(layout.pidFile);
  log(`Neo4j stopped in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return true;
}

export async function localNeo4jStatus(
  home: string,
  auth: { password: string; database?: string },
): Promise<LocalNeo4jStatus> {
  const layout = homeLayout(home);
  const pid = runningPid(layout);
  const base = { dataDir: layout.data, consoleLog: layout.consoleLog };
  if (pid === undefined) return { running: false, ready: false, ...base };
  const port = configuredBoltPort(layout);
  const uri = port === undefined ? undefined : boltUri(port);
  const ready =
    uri !== undefined &&
    (await isReady({ uri, user: LOCAL_USER, password: auth.password, database: auth.database ?? LOCAL_DATABASE }));
  return { running: true, ready, pid, uri, ...base };
}
