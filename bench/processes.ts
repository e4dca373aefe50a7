import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** A server of the bench, run as its own process so that its memory and CPU are its own. */
export interface ServerProcess {
  name: string;
  url: string;
  pid: number;
  child: ChildProcess;
  /** Peak resident set size (VmHWM) in MB so far. */
  peakRssMb(): number;
  /** What the process has written to stdout and stderr so far (the last 20,000 characters). */
  output(): string;
  stop(): Promise<void>;
}

export function peakRssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmHWM:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/**
 * Flags for the Node processes of the servers, e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=prof"
 * to profile them under the bench's or the attack's load (NODE_OPTIONS refuses --cpu-prof).
 */
const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);

export async function startServer(name: string, script: string, env: Record<string, string>, url: string, readyPath: string | null): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...nodeArgs, script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited: ${output.slice(-2000)}`);
    if (Date.now() > deadline) throw new Error(`${name} did not get ready: ${output.slice(-2000)}`);
    if (readyPath === null ? /^ready/m.test(output) : await fetch(new URL(readyPath, url)).then((r) => r.ok).catch(() => false)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    name,
    url,
    pid: child.pid!,
    child,
    peakRssMb: () => peakRssMb(child.pid!),
    output: () => output.slice(-20_000),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}
