import autocannon from 'autocannon';
import { meterCpu, type CpuPerAnswer, type CpuTargets } from './cpu-meter';

/** One way to ask a question over HTTP: where, and with what body. */
export interface HttpCall {
  url: string;
  body: string;
}

export interface LatencyResult {
  p50: number;
  p99: number;
  samples: number;
}

export interface ThroughputResult {
  /** All answers per second, errors included. */
  requestsPerSecond: number;
  /** Answers with data and no error per second: the figure to compare. */
  answeredPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** 200 answers that carry GraphQL errors (a shed or timed-out operation is one). */
  graphqlErrors: number;
  /** CPU per answer with data of the server and of Neo4j during the timed run (null: not metered). */
  cpu: CpuPerAnswer | null;
}

/** Answers with data of an autocannon run, from its total and the errors counted. */
export const answeredCount = (total: number, failed: number): number => Math.max(0, total - failed);
/** Answers with data per second. */
export const answeredRate = (total: number, failed: number, seconds: number): number => answeredCount(total, failed) / seconds;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/** Latency at concurrency 1: `samples` sequential calls after `warmup` ones; milliseconds. */
export async function latency(run: () => Promise<unknown>, samples: number, warmup: number): Promise<LatencyResult> {
  for (let i = 0; i < warmup; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), samples };
}

export async function post(call: HttpCall): Promise<unknown> {
  const res = await fetch(call.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: call.body });
  const json = (await res.json()) as { errors?: unknown[] };
  if (!res.ok || json.errors) throw new Error(`${call.url}: ${res.status} ${JSON.stringify(json).slice(0, 500)}`);
  return json;
}

/** Throughput at a fixed concurrency for a fixed duration, after a short warm-up run. */
export async function throughput(call: HttpCall, connections: number, seconds: number, warmupSeconds: number, cpu: CpuTargets | null = null): Promise<ThroughputResult> {
  let graphqlErrors = 0;
  let counting = false;
  const request = {
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body: call.body,
    onResponse: (status: number, body: string) => {
      if (counting && status === 200 && body.includes('"errors"')) graphqlErrors += 1;
    },
  };
  const options = { url: call.url, connections, requests: [request] };
  await autocannon({ ...options, duration: warmupSeconds });
  counting = true;
  const stopMeter = cpu ? meterCpu(cpu) : null;
  const r = await autocannon({ ...options, duration: seconds });
  counting = false;
  const errors = r.errors + r.timeouts;
  const answered = answeredCount(r.requests.total, errors + r.non2xx + graphqlErrors);
  return {
    requestsPerSecond: r.requests.average,
    answeredPerSecond: answered / seconds,
    cpu: stopMeter ? stopMeter(answered) : null,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors,
    non2xx: r.non2xx,
    graphqlErrors,
  };
}
