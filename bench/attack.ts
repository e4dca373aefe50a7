import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Command } from 'commander';
import { parse } from 'graphql';
import { loadConfig } from '../src/config';
import { applySchema } from '../src/graph/apply-schema';
import { GraphClient } from '../src/graph/graph-client';
import { SEED_PLAN_ID, seedPlan } from '../src/load/seed-plan';
import { findFreePort } from '../src/localdb/port-check';
import { PROJECT_ROOT } from '../src/project-root';
import { buildPlanGraphSchema } from '../src/schema/build-schema';
import { operationCost } from '../src/server/limits/operation-cost';
import { benchDatabase } from './database';
import { startServer } from './processes';

/**
 * npm run attack [-- --seconds 60 --connections 32]
 * The API on its default configuration, attacked with the dearest operations its limits still
 * accept (each made unique per request, so no cache helps), at 32 connections for 60 s. Meanwhile
 * a prober in a process of its own (bench/prober.ts, as a load balancer's health check) asks
 * /readyz, /healthz and a cheap query (also never cached) every 100 ms; the same probes are also
 * sent from the attacking process, whose own busy event loop they wait for. Reports the probes'
 * latency, the API's resident memory, and how the attack's requests were answered; writes
 * bench/results/attack.{json,md}.
 */

const WORST = [
  `{ bodies { tasks(first: 100) { totalCount edges { cursor node { id text } } } } }`,
  `{ districts { tasks(first: 100) { totalCount edges { node { id text measure { title } } } } } }`,
  `{ districts { regionTasks(first: 100) { edges { node { id text } } } } }`,
  `{ plan(id: "${SEED_PLAN_ID}") { chapters { title sections { title measures { title text tasks { id text } } } } } }`,
  `{ search(query: "城镇 建设", first: 100) { totalCount edges { node { highlight matches { start end } node { ... on Node { id } } } } } }`,
  `{ districts { sharingDistricts(first: 50) { district { name code } sharedTasks } } }`,
  `{ bodies { measures { id text tasks { id text } } } }`,
  `{ plans { chapters { measures { id text } } } }`,
  `{ plan(id: "${SEED_PLAN_ID}") { chapters { sections { measures { title tasks { text places { name } bodies { name } } } } } } }`,
  `{ districts { tasks(first: 100) { totalCount edges { node { text places { name } bodies { name } } } } } }`,
  `{ districts { sharingDistricts(first: 50) { district { sharingDistricts(first: 50) { district { name } sharedTasks } } } } }`,
  `{ bodies { tasks(first: 100) { edges { node { text places { name } bodies { name } measure { title } } } } } }`,
  `{ districts { tasks(first: 100) { edges { node { bodies { tasks(first: 20) { edges { node { id text } } } } } } } } }`,
  `{ districts { sharingDistricts(first: 50) { district { name tasks(first: 100) { edges { node { text } } } } sharedTasks } } }`,
];

const CHEAP = `{ plan(id: "${SEED_PLAN_ID}") { id } }`;

/** A unique alias at the top of the selection: the same work, never the same cache key. */
const unique = (query: string): string => query.replace('{', `{ u${Math.random().toString(36).slice(2)}: __typename `);

const percentile = (xs: number[], p: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

async function main(): Promise<void> {
  const opts = new Command().option('--seconds <n>', 'duration', '60').option('--connections <n>', 'attackers', '32').parse(process.argv).opts<{ seconds: string; connections: string }>();
  const seconds = Number(opts.seconds);
  const log = (m: string) => process.stderr.write(`[attack] ${m}\n`);
  const defaults = loadConfig({});
  const schema = await buildPlanGraphSchema();
  const priced = WORST.map((query) => ({ query, cost: operationCost(schema, parse(query), {}, undefined, defaults.limits.maxPageSize) }));
  const allowed = priced.filter((q) => q.cost <= defaults.limits.maxCost);
  log(`${allowed.length} of ${priced.length} candidate operations are within GRAPHQL_MAX_COST ${defaults.limits.maxCost}`);

  const database = await benchDatabase(log, '1g', '512m');
  const client = GraphClient.create(loadConfig({ ...process.env, ...database.env }).neo4j);
  await applySchema(client);
  await seedPlan(client);
  const port = await findFreePort();
  const api = await startServer('plan-graph', join(PROJECT_ROOT, 'dist/src/main.js'), { ...database.env, PORT: String(port), LOG_LEVEL: 'warn', SEED_ON_START: 'false', NODE_ENV: '' }, `http://127.0.0.1:${port}/graphql`, '/readyz').catch(async (e) => {
    await client.close();
    await database.stop();
    throw e;
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    // Each candidate once, alone: what it costs the server when nothing else runs.
    const alone = [];
    for (const q of priced) {
      const started = Date.now();
      const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: unique(q.query) }) });
      const text = await res.text();
      const codes = ((JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors ?? []).map((e) => e.extensions?.code);
      alone.push({ query: q.query, cost: q.cost, status: res.status, codes, ms: Date.now() - started, bytes: Buffer.byteLength(text) });
    }

    const probes: { kind: string; ms: number; ok: boolean }[] = [];
    const rss: number[] = [];
    let probing = true;
    const probe = async (kind: string, run: () => Promise<Response>) => {
      const started = performance.now();
      const ok = await run().then((r) => r.ok).catch(() => false);
      probes.push({ kind, ms: performance.now() - started, ok });
    };
    const separate = startProber(base, CHEAP);
    const prober = (async () => {
      while (probing) {
        await Promise.all([
          probe('readyz', () => fetch(`${base}/readyz`)),
          // No database work: how long the event loop keeps a request waiting.
          probe('healthz', () => fetch(`${base}/healthz`)),
          probe('cheap query', () => fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: unique(CHEAP) }) })),
        ]);
        if (api.child.exitCode !== null || api.child.signalCode !== null) {
          probing = false;
          log(`the API process ended (${api.child.exitCode ?? api.child.signalCode}):\n${api.output()}`);
          break;
        }
        const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${api.pid}/status`, 'utf8'));
        if (m) rss.push(Number(m[1]) / 1024);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    log(`${seconds} s at ${opts.connections} connections over ${allowed.length} operations`);
    const codes: Record<string, number> = {};
    const result = await autocannon({
      url: api.url,
      connections: Number(opts.connections),
      duration: seconds,
      timeout: 30,
      requests: allowed.map((q) => ({
        method: 'POST' as const,
        headers: { 'content-type': 'application/json' },
        setupRequest: (req: { body?: string | Buffer }) => ({ ...req, body: JSON.stringify({ query: unique(q.query) }) }),
        onResponse: (status: number, body: string) => {
          const code = status === 200 && !body.includes('"errors"') ? 'ok' : (/"code":"([A-Z_]+)"/.exec(body)?.[1] ?? `http ${status}`);
          codes[code] = (codes[code] ?? 0) + 1;
        },
      })),
    });
    probing = false;
    await prober;
    const outside = await separate.stop();
    const alive = await fetch(`${base}/healthz`).then((r) => r.ok).catch(() => false);
    const summaryOf = (all: { kind: string; ms: number; ok: boolean }[]) => (kind: string) => {
      const of = all.filter((p) => p.kind === kind);
      return { count: of.length, failed: of.filter((p) => !p.ok).length, p50: percentile(of.map((p) => p.ms), 50), p99: percentile(of.map((p) => p.ms), 99), max: Math.max(...of.map((p) => p.ms)) };
    };
    const summary = summaryOf(probes);
    const outsideSummary = summaryOf(outside);
    const report = {
      startedAt: new Date().toISOString(),
      command: `npm run attack -- --seconds ${seconds} --connections ${opts.connections}`,
      limits: defaults.limits,
      candidates: alone,
      attack: { seconds, connections: Number(opts.connections), requests: result.requests.total, answered: codes, errors: result.errors, timeouts: result.timeouts, latency: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max } },
      probes: { readyz: outsideSummary('readyz'), healthz: outsideSummary('healthz'), cheapQuery: outsideSummary('cheap query') },
      probesFromTheAttacker: { readyz: summary('readyz'), healthz: summary('healthz'), cheapQuery: summary('cheap query') },
      rssMb: { max: Math.round(Math.max(...rss)), peak: Math.round(api.peakRssMb()) },
      processAliveAfter: alive,
    };
    const dir = join(PROJECT_ROOT, 'bench/results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'attack.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(dir, 'attack.md'), markdown(report));
    log(`done: readyz p99 ${report.probes.readyz.p99.toFixed(1)} ms, cheap query p99 ${report.probes.cheapQuery.p99.toFixed(1)} ms, peak RSS ${report.rssMb.peak} MB, alive ${alive}`);
  } finally {
    await api.stop();
    await client.close();
    await database.stop();
  }
}

type ProbeSummary = { count: number; failed: number; p50: number; p99: number; max: number };

type Report = {
  startedAt: string;
  command: string;
  candidates: { query: string; cost: number; status: number; codes: (string | undefined)[]; ms: number; bytes: number }[];
  attack: { seconds: number; connections: number; requests: number; answered: Record<string, number>; errors: number; timeouts: number; latency: { p50: number; p99: number; max: number } };
  probes: Record<string, ProbeSummary>;
  probesFromTheAttacker: Record<string, ProbeSummary>;
  rssMb: { max: number; peak: number };
  processAliveAfter: boolean;
};

/** The prober of bench/prober.ts in a process of its own; stop() ends it and gives its probes. */
function startProber(base: string, query: string): { stop(): Promise<{ kind: string; ms: number; ok: boolean }[]> } {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist/bench/prober.js'), JSON.stringify({ base, query, intervalMs: 100 })], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    async stop() {
      child.kill('SIGTERM');
      await ended;
      return JSON.parse(output) as { kind: string; ms: number; ok: boolean }[];
    },
  };
}

function markdown(r: Report): string {
  const lines = [
    `# Attack run`,
    ``,
    `\`${r.command}\`, ${r.startedAt}. The API on its default configuration; every request made unique so no cache answers it.`,
    ``,
    `## The candidates, each alone`,
    ``,
    `| operation | cost | answer | ms | bytes |`,
    `|---|---:|---|---:|---:|`,
    ...r.candidates.map((c) => `| \`${c.query}\` | ${c.cost} | ${c.codes.length ? c.codes.join(', ') : `${c.status} ok`} | ${c.ms} | ${c.bytes} |`),
    ``,
    `## ${r.attack.connections} connections for ${r.attack.seconds} s with the accepted ones`,
    ``,
    `- requests: ${r.attack.requests}; answered: ${Object.entries(r.attack.answered).map(([k, v]) => `${k} ${v}`).join(', ')}; socket errors ${r.attack.errors}, timeouts ${r.attack.timeouts}`,
    `- attack latency: p50 ${r.attack.latency.p50} ms, p99 ${r.attack.latency.p99} ms, max ${r.attack.latency.max} ms`,
    `- probes from a separate process (as a load balancer's health check; bench/prober.ts):`,
    ...Object.entries(r.probes).map(([k, p]) => `  - ${k}: ${p.count} probes, ${p.failed} failed, p50 ${p.p50.toFixed(1)} ms, p99 ${p.p99.toFixed(1)} ms, max ${p.max.toFixed(1)} ms`),
    `- the same probes sent from the attacking process (they also wait for its own busy event loop):`,
    ...Object.entries(r.probesFromTheAttacker).map(([k, p]) => `  - ${k}: ${p.count} probes, ${p.failed} failed, p50 ${p.p50.toFixed(1)} ms, p99 ${p.p99.toFixed(1)} ms, max ${p.max.toFixed(1)} ms`),
    `- API resident memory: max sampled ${r.rssMb.max} MB, peak (VmHWM) ${r.rssMb.peak} MB`,
    `- process alive afterwards: ${r.processAliveAfter}`,
    ``,
  ];
  return lines.join('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`attack failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
