import 'reflect-metadata';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Command } from 'commander';
import { loadConfig } from '../src/config';
import { applySchema } from '../src/graph/apply-schema';
import { GraphClient } from '../src/graph/graph-client';
import { seedPlan } from '../src/load/seed-plan';
import { findFreePort } from '../src/localdb/port-check';
import { PROJECT_ROOT } from '../src/project-root';
import { benchDatabase } from './database';
import { startServer } from './processes';

/**
 * npm run soak [-- --seconds 180 --connections 16]
 * A bounded soak on loopback: the API (default configuration) under steady concurrency with a
 * mix of reads over many districts, its resident memory sampled every 5 s. Reports requests,
 * errors, latency and the memory trend; writes bench/results/soak.{json,md}.
 */

const DISTRICTS = ['万州', '忠县', '黔江', '涪陵', '江津', '合川', '永川', '开州', '石柱', '秀山', '巫山', '綦江', '长寿', '璧山', '渝北', '南岸'];
const QUERIES = [
  (d: string) => `{ district(name: "${d}") { name region { name } tasks(first: 20) { totalCount edges { node { text measure { title } } } } } }`,
  (d: string) => `{ districtsSharingTasks(with: "${d}", first: 10) { district { shortName } sharedTasks } }`,
  (d: string) => `{ search(query: "${d}", first: 10) { totalCount edges { node { highlight } } } }`,
  () => `{ plan { chapters { number sections { number measures { title tasks { id } } } } } }`,
  (d: string) => `{ district(name: "${d}") { scorecard(asOf: "2025-Q3") { taskCount byStatus { status count } } } }`,
];

function slope(points: { t: number; mb: number }[]): number {
  const n = points.length;
  const mt = points.reduce((a, p) => a + p.t, 0) / n;
  const mm = points.reduce((a, p) => a + p.mb, 0) / n;
  const num = points.reduce((a, p) => a + (p.t - mt) * (p.mb - mm), 0);
  const den = points.reduce((a, p) => a + (p.t - mt) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

async function main(): Promise<void> {
  const opts = new Command().option('--seconds <n>', 'duration', '180').option('--connections <n>', 'steady concurrency', '16').parse(process.argv).opts<{ seconds: string; connections: string }>();
  const seconds = Number(opts.seconds);
  const log = (m: string) => process.stderr.write(`[soak] ${m}\n`);
  const database = await benchDatabase(log, '1g', '512m');
  const client = GraphClient.create(loadConfig({ ...process.env, ...database.env }).neo4j);
  const port = await findFreePort();
  const api = await startServer('plan-graph', join(PROJECT_ROOT, 'dist/src/main.js'), { ...database.env, PORT: String(port), LOG_LEVEL: 'warn', SEED_ON_START: 'false' }, `http://127.0.0.1:${port}/graphql`, '/readyz').catch(async (e) => {
    await database.stop();
    throw e;
  });
  try {
    await applySchema(client);
    await seedPlan(client);
    const requests = DISTRICTS.flatMap((d) => QUERIES.map((q) => ({ method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q(d) }) })));
    const samples: { t: number; mb: number }[] = [];
    const started = Date.now();
    const rss = () => {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${api.pid}/status`, 'utf8'));
      samples.push({ t: (Date.now() - started) / 1000, mb: m ? Number(m[1]) / 1024 : NaN });
    };
    rss();
    const timer = setInterval(rss, 5000);
    log(`${seconds} s at ${opts.connections} connections, ${requests.length} distinct operations`);
    const result = await autocannon({ url: api.url, connections: Number(opts.connections), duration: seconds, requests });
    clearInterval(timer);
    rss();
    const secondHalf = samples.filter((s) => s.t >= seconds / 2);
    const report = {
      startedAt: new Date(started).toISOString(),
      command: `npm run soak -- --seconds ${seconds} --connections ${opts.connections}`,
      seconds,
      connections: Number(opts.connections),
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      latency: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
      rssMb: samples.map((s) => ({ t: Math.round(s.t), mb: Math.round(s.mb) })),
      peakRssMb: api.peakRssMb(),
      rssTrendMbPerMinuteSecondHalf: slope(secondHalf) * 60,
    };
    const md = [
      '# Soak',
      '',
      `Run ${report.startedAt} with \`${report.command}\`, loopback only.`,
      '',
      `| requests | req/s | errors | non-2xx | p50 ms | p99 ms | max ms | peak RSS MB | RSS trend, 2nd half (MB/min) |`,
      `|---|---|---|---|---|---|---|---|---|`,
      `| ${report.requests} | ${report.requestsPerSecond.toFixed(0)} | ${report.errors} | ${report.non2xx} | ${report.latency.p50} | ${report.latency.p99} | ${report.latency.max} | ${report.peakRssMb.toFixed(0)} | ${report.rssTrendMbPerMinuteSecondHalf.toFixed(2)} |`,
      '',
      `RSS (MB) every 5 s: ${report.rssMb.map((s) => s.mb).join(' ')}`,
      '',
    ].join('\n');
    const out = join(PROJECT_ROOT, 'bench', 'results');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'soak.json'), JSON.stringify(report, null, 2) + '\n');
    writeFileSync(join(out, 'soak.md'), md);
    process.stdout.write(md);
    if (report.errors > 0 || report.non2xx > 0) process.exitCode = 1;
  } finally {
    await api.stop();
    await client.close();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`soak failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
