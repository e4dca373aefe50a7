/**
 * The pid file and process checks for a server we spawned.
 *
 * Contract: <home>/run/plan-graph.pid holds the pid of the java process we started. A pid only
 * counts as "our server" while that process is alive and its command line is Neo4j's entry point
 * with this home (guards against a recycled pid after a reboot or crash).
 */
import fs from 'node:fs';
import path from 'node:path';
import { NEO4J_MAIN_CLASS } from './jvm-flags';

export function readPid(pidFile: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function writePid(pidFile: string, pid: number): void {
  fs.mkdirSync(path.dirname(pidFile), { recursive: true });
  fs.writeFileSync(pidFile, `${pid}\n`);
}

export function removePid(pidFile: string): void {
  fs.rmSync(pidFile, { force: true });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * True when `pid` is a live Neo4j server started for `home`. On Linux this reads
 * /proc/<pid>/cmdline (empty for a zombie, so an exited-but-unreaped child counts as gone);
 * elsewhere it falls back to "the process is alive".
 */
export function isOurServer(pid: number, home: string): boolean {
  if (!isAlive(pid)) return false;
  const procFile = `/proc/${pid}/cmdline`;
  if (!fs.existsSync('/proc/self/cmdline')) return true;
  try {
    const args = fs.readFileSync(procFile, 'utf8').split('\0');
    return args.includes(NEO4J_MAIN_CLASS) && args.includes(`--home-dir=${home}`);
  } catch {
    return false;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `isGone()` holds; resolves false when `timeoutMs` passes first. */
export async function waitUntil(isGone: () => boolean, timeoutMs: number, everyMs = 200): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (isGone()) return true;
    await sleep(everyMs);
  }
  return isGone();
}

/** The last `count` lines of a text file from byte `fromOffset` on ('' when it does not exist). */
export function tailLines(file: string, count: number, fromOffset = 0): string {
  try {
    const lines = fs.readFileSync(file).subarray(fromOffset).toString('utf8').trimEnd().split('\n');
    return lines.slice(-count).join('\n');
  } catch {
    return '';
  }
}
