import { readFileSync } from 'node:fs';

/**
 * CPU time per answer of a throughput run: what the server process (all its threads) and the
 * database process spent, divided by the answers with data. On two shared cores, throughput is
 * bounded by the sum of the two; the columns say which side of the wire a contender spends it on.
 */

/** The kernel's clock tick for /proc times (USER_HZ): 100 on every Linux the bench runs on. */
const TICK_MS = 10;

/** CPU time (user + system, every thread) a process has used so far, in ms; NaN without /proc. */
export function processCpuMs(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces, hence the last ')'): utime is 14th, stime 15th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return NaN;
  }
}

/** The processes to meter: the contender's server, and Neo4j when it runs on this machine. */
export interface CpuTargets {
  server: number;
  database: number | null;
}

export interface CpuPerAnswer {
  serverMs: number;
  databaseMs: number | null;
}

/** Starts metering; the function returned stops and divides by the answers given. */
export function meterCpu(targets: CpuTargets): (answers: number) => CpuPerAnswer {
  const server = processCpuMs(targets.server);
  const database = targets.database === null ? NaN : processCpuMs(targets.database);
  return (answers) => ({
    serverMs: (processCpuMs(targets.server) - server) / Math.max(1, answers),
    databaseMs: targets.database === null ? null : (processCpuMs(targets.database) - database) / Math.max(1, answers),
  });
}
