import autocannon from 'autocannon';

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
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

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
export async function throughput(call: HttpCall, connections: number, seconds: number, warmupSeconds: number): Promise<ThroughputResult> {
  const options = { url: call.url, method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: call.body, connections };
  await autocannon({ ...options, duration: warmupSeconds });
  const r = await autocannon({ ...options, duration: seconds });
  return { requestsPerSecond: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}
