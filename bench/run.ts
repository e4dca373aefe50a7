import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Command } from 'commander';
import neo4j from 'neo4j-driver';
import { loadConfig } from '../src/config';
import { applySchema } from '../src/graph/apply-schema';
import { GraphClient } from '../src/graph/graph-client';
import { reportProgress } from '../src/graph/write/monitoring';
import { seedPlan } from '../src/load/seed-plan';
import { findFreePort } from '../src/localdb/port-check';
import { PROJECT_ROOT } from '../src/project-root';
import { latency, post, throughput, type HttpCall, type LatencyResult, type ThroughputResult } from './measure';
import { startServer, type ServerProcess } from './processes';
import { PORTFOLIO_BODY, QUERIES, type BenchQuery } from './queries';
import { PLAN } from './operations';
import { runLower } from './lower-bound';
import { runScale, type ScaleRow } from './scale';
import { renderMarkdown } from './report';
import { benchDatabase } from './database';
import { startRoundTripCounter } from './round-trips';
import { buildMix, checkMixSameData, mixKinds, mixSequence, runMix, sampleByKind, weightedRoundTrips, type MixContender, type MixEndpoints, type MixSummary } from './mixed-workload';
import { z } from 'zod';
import { rowShape } from '../src/graph/decode';

/**
 * npm run bench [-- --quick] [-- --plans 1,10,100] [-- --skip-scale] [-- --skip-mix] [-- --mix-seconds 60]
 * Starts a throw-away Neo4j (unless NEO4J_URI is set), loads the seed, starts the contenders as
 * separate processes, checks that they return the same data, counts the statements each sends,
 * then measures each query alone and the mixed workload. Results go to
 * bench/results/latest.{json,md}; the Markdown is printed too.
 */

export interface QueryResult {
  name: string;
  user: string;
  nested: boolean;
  sameData: boolean;
  /** Statements sent to Neo4j for one request, counted (see bench/round-trips.ts). */
  roundTrips: { ours: number; lowerBound: number; peer: number };
  latency: Record<string, LatencyResult>;
  throughput: Record<string, ThroughputResult>;
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  command: string;
  machine: { cpus: number; memoryGb: number; node: string };
  /** The 1-minute load average at the start, before the mix and at the end: the machine is shared. */
  load: { start: number; beforeMix: number; end: number; max: number };
  settings: { samples: number; warmup: number; jitWarmup: number; connections: number; seconds: number; mixSeconds: number };
  peerSchemaMs: number | null;
  apiPeakRssMb: number;
  apiCachePeakRssMb: number;
  queries: QueryResult[];
  mix: MixSummary | null;
  scale: ScaleRow[];
}

const CONTENDERS = ['ours', 'oursCached', 'lowerBoundHttp', 'lowerBoundDriver', 'peer'] as const;

async function main(): Promise<void> {
  const program = new Command()
    .option('--quick', 'a smoke run: few samples, short durations, scale at 1 and 2 plans')
    .option('--skip-scale', 'no scale test')
    .option('--skip-mix', 'no mixed workload')
    .option('--skip-queries', 'no per-query latency and throughput (the mix and the scale test still run)')
    .option('--mix-seconds <n>', 'duration of the mixed workload per contender', '60')
    .option('--terms <n>', 'distinct search terms of the mixed workload', '240')
    .option('--plans <list>', 'plan counts of the scale test', '1,10,100')
    .option('--out <dir>', 'results folder', join(PROJECT_ROOT, 'bench', 'results'))
    .parse(process.argv);
  const opts = program.opts<{ quick?: boolean; skipScale?: boolean; skipMix?: boolean; skipQueries?: boolean; mixSeconds: string; terms: string; plans: string; out: string }>();
  const mixSeconds = opts.quick ? 5 : Number(opts.mixSeconds);
  const settings = opts.quick ? { samples: 20, warmup: 5, jitWarmup: 5, connections: 32, seconds: 2, mixSeconds } : { samples: 200, warmup: 30, jitWarmup: 150, connections: 32, seconds: 10, mixSeconds };
  const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);
  const loads: number[] = [loadavg()[0]];
  const startedAt = new Date().toISOString();

  // The database: NEO4J_URI, or a throw-away one sized for this machine.
  const database = await benchDatabase(log);
  const neo4jEnv = database.env;
  const config = loadConfig({ ...process.env, ...neo4jEnv });
  const client = GraphClient.create(config.neo4j);
  const servers: ServerProcess[] = [];
  try {
    await applySchema(client);
    await seedPlan(client);
    await seedReports(client);
    log('data loaded');

    // The operation time limit is raised so that a loaded machine does not fail the bench's long runs; the peer has none.
    // Every contender runs as it is deployed: NODE_ENV=production (graphql-js then skips its
    // development-only checks; the Dockerfile sets it for Plan Graph).
    const serverEnv = { ...neo4jEnv, NODE_ENV: 'production', LOG_LEVEL: 'warn', SEED_ON_START: 'false', GRAPHQL_MAX_PAGE_SIZE: '100', GRAPHQL_TIMEOUT_MS: '30000' };
    const port = () => findFreePort();
    const p1 = await port();
    const ours = await startServer('plan-graph', join(PROJECT_ROOT, 'dist/src/main.js'), { ...serverEnv, PORT: String(p1), RESPONSE_CACHE: 'false' }, `http://127.0.0.1:${p1}/graphql`, '/readyz');
    servers.push(ours);
    const p2 = await port();
    const oursCached = await startServer('plan-graph (cache)', join(PROJECT_ROOT, 'dist/src/main.js'), { ...serverEnv, PORT: String(p2), RESPONSE_CACHE: 'true' }, `http://127.0.0.1:${p2}/graphql`, '/readyz');
    servers.push(oursCached);
    const p3 = await port();
    const lower = await startServer('lower bound', join(PROJECT_ROOT, 'dist/bench/lower-bound-server.js'), { ...serverEnv, PORT: String(p3) }, `http://127.0.0.1:${p3}/`, null);
    servers.push(lower);
    const p4 = await port();
    const peerStart = Date.now();
    const peer = await startServer('@neo4j/graphql', join(PROJECT_ROOT, 'dist/bench/peer-server.js'), { ...serverEnv, PORT: String(p4) }, `http://127.0.0.1:${p4}/`, null);
    servers.push(peer);
    const peerSchemaMs = Date.now() - peerStart;
    log('contenders up');

    const counter = await startRoundTripCounter(config, neo4jEnv);
    const driver = neo4j.driver(config.neo4j.uri, neo4j.auth.basic(config.neo4j.user, config.neo4j.password), { disableLosslessIntegers: true });
    const endpoints: MixEndpoints = { ours: ours.url, oursCached: oursCached.url, peer: peer.url, lowerBound: lower.url };
    const pids = { ours: ours.pid, oursCached: oursCached.pid, lowerBoundHttp: lower.pid, lowerBound: lower.pid, peer: peer.pid };

    // Every contender's process is new and its JIT has compiled nothing yet: each answers every
    // benchmark query `jitWarmup` times before any is timed, so that the query measured first
    // does not also pay for compiling the server's code (the dossier, measured first, did).
    if (!opts.skipQueries) {
      for (const q of QUERIES) {
        const contenders: [string, unknown][] = [[ours.url, q.op.ours], [oursCached.url, q.op.ours], [lower.url, q.op.lower], [peer.url, q.op.peer]];
        for (const [url, body] of contenders) {
          for (let i = 0; i < settings.jitWarmup; i++) await post({ url, body: JSON.stringify(body) });
        }
        for (let i = 0; i < settings.jitWarmup; i++) await runLower(driver, config.neo4j.database, q.op.lower);
      }
      log(`warmed: every contender answered every query ${settings.jitWarmup} times`);
    }

    const results: QueryResult[] = [];
    for (const q of opts.skipQueries ? [] : QUERIES) {
      const calls: Record<string, HttpCall> = {
        ours: { url: ours.url, body: JSON.stringify(q.op.ours) },
        oursCached: { url: oursCached.url, body: JSON.stringify(q.op.ours) },
        lowerBoundHttp: { url: lower.url, body: JSON.stringify(q.op.lower) },
        peer: { url: peer.url, body: JSON.stringify(q.op.peer) },
      };
      const viaDriver = () => runLower(driver, config.neo4j.database, q.op.lower);

      const sameData = await checkSameData(q, calls, viaDriver, log);
      const roundTrips = { ours: await counter.ours(q.op), lowerBound: await counter.lowerBound(q.op), peer: await counter.peer(q.op) };
      log(`${q.name}: statements ours ${roundTrips.ours}, lower bound ${roundTrips.lowerBound}, peer ${roundTrips.peer}`);

      const lat: Record<string, LatencyResult> = {};
      for (const c of CONTENDERS) {
        lat[c] = c === 'lowerBoundDriver' ? await latency(viaDriver, settings.samples, settings.warmup) : await latency(() => post(calls[c]), settings.samples, settings.warmup);
        log(`${q.name} / ${c}: p50 ${lat[c].p50.toFixed(2)} ms`);
      }
      const tput: Record<string, ThroughputResult> = {};
      for (const c of ['ours', 'oursCached', 'lowerBoundHttp', 'peer'] as const) {
        tput[c] = await throughput(calls[c], settings.connections, settings.seconds, opts.quick ? 1 : 3, { server: pids[c], database: database.pid });
        log(`${q.name} / ${c}: ${tput[c].answeredPerSecond.toFixed(0)} answers/s (${tput[c].requestsPerSecond.toFixed(0)} req/s) at c=${settings.connections}`);
      }
      results.push({ name: q.name, user: q.user, nested: q.nested, sameData, roundTrips, latency: lat, throughput: tput });
    }

    let mix: MixSummary | null = null;
    loads.push(loadavg()[0]);
    // The mix's operations are built whenever the mix or the scale test runs: the scale test
    // runs them again at every level.
    const districts = (await driver.executeQuery('MATCH (d:District) RETURN d.shortName AS name ORDER BY d.code', {}, { database: config.neo4j.database })).records.map((r) => String(r.get('name')));
    const bodies = (await driver.executeQuery('MATCH (b:Body) RETURN b.id AS id ORDER BY b.id', {}, { database: config.neo4j.database })).records.map((r) => String(r.get('id')));
    const { ops, terms } = await buildMix(districts, bodies, Number(opts.terms), endpoints);
    const sequence = mixSequence(ops, 200_000);
    if (!opts.skipMix) {
      log(`mix: ${ops.length} distinct operations (${terms.length} search terms)`);
      const sameData = await checkMixSameData(ops, endpoints, log);
      log(`mix: same data for ${sameData.agreed} of ${sameData.checked}`);
      const sample = sampleByKind(ops, 8);
      const count = async (f: (op: (typeof ops)[number]) => Promise<number>) => weightedRoundTrips(await sequential(sample, async (op) => ({ op, statements: await f(op) })));
      const roundTrips = { ours: await count((op) => counter.ours(op)), peer: await count((op) => counter.peer(op)), lowerBound: await count((op) => counter.lowerBound(op)) };
      log(`mix: statements per operation ${JSON.stringify(roundTrips)}`);
      const runs = [];
      for (const c of ['ours', 'oursCached', 'peer', 'lowerBound'] as MixContender[]) {
        const run = await runMix(c, endpoints[c], ops, sequence, settings.connections, mixSeconds, opts.quick ? 1 : 5, { server: pids[c], database: database.pid });
        loads.push(loadavg()[0]);
        log(`mix / ${c}: ${run.requestsPerSecond.toFixed(0)} req/s, p50 ${run.p50} ms, errors ${run.errors + run.non2xx + run.graphqlErrors}, x-cache ${JSON.stringify(run.cache)}`);
        runs.push(run);
      }
      mix = { operations: ops.length, byKind: mixKinds(ops), searchTerms: terms.length, sameData, roundTrips, runs };
    }
    await driver.close();
    await counter.close();
    const apiPeakRssMb = ours.peakRssMb();
    const apiCachePeakRssMb = oursCached.peakRssMb();
    // The scale test keeps only Plan Graph (cache off) running: the other contenders would share its cores.
    for (const s of servers.splice(0)) if (s !== ours) await s.stop();
    servers.push(ours);

    const scaleMix = { ops, sequence, connections: settings.connections, seconds: opts.quick ? 3 : 20, warmupSeconds: opts.quick ? 1 : 5, cpu: { server: ours.pid, database: database.pid } };
    const scale = opts.skipScale ? [] : await runScale(client, ours.url, opts.quick ? [1, 2] : opts.plans.split(',').map(Number), scaleMix, log);
    loads.push(loadavg()[0]);

    const report: BenchReport = {
      startedAt,
      finishedAt: new Date().toISOString(),
      command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
      machine: { cpus: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
      load: { start: loads[0], beforeMix: loads[1], end: loads[loads.length - 1], max: Math.max(...loads) },
      settings,
      peerSchemaMs,
      apiPeakRssMb,
      apiCachePeakRssMb,
      queries: results,
      mix,
      scale,
    };
    mkdirSync(opts.out, { recursive: true });
    const md = renderMarkdown(report);
    writeFileSync(join(opts.out, opts.quick ? 'quick.json' : 'latest.json'), JSON.stringify(report, null, 2) + '\n');
    writeFileSync(join(opts.out, opts.quick ? 'quick.md' : 'latest.md'), md);
    process.stdout.write(md);
    if (results.some((r) => !r.sameData)) process.exitCode = 1;
  } finally {
    for (const s of servers) await s.stop();
    await client.close();
    await database.stop();
  }
}

async function sequential<T, R>(items: T[], f: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await f(item));
  return out;
}

/** The contenders (and the driver alone) must return the same data — totals and order included — before they are timed. */
async function checkSameData(q: BenchQuery, calls: Record<string, HttpCall>, viaDriver: () => Promise<unknown>, log: (m: string) => void): Promise<boolean> {
  const ours = q.op.canonicalOurs(((await post(calls.ours)) as { data: unknown }).data);
  const lower = q.op.canonicalOurs(((await post(calls.lowerBoundHttp)) as { data: unknown }).data);
  const driver = q.op.canonicalOurs(((await viaDriver()) as { data: unknown }).data);
  const peer = q.op.canonicalPeer(((await post(calls.peer)) as { data: unknown }).data);
  const same = isDeepStrictEqual(ours, lower) && isDeepStrictEqual(ours, driver) && isDeepStrictEqual(ours, peer);
  if (!same) {
    log(`${q.name}: the contenders disagree`);
    log(`  ours:  ${JSON.stringify(ours).slice(0, 400)}`);
    log(`  lower: ${JSON.stringify(lower).slice(0, 400)}`);
    log(`  peer:  ${JSON.stringify(peer).slice(0, 400)}`);
  }
  return same;
}

/**
 * Reports on the portfolio body's tasks, so that statuses are part of what is read. Each task gets
 * a pair of reports for one place whose latest is decided by the period, not by the string or the
 * time of entry (2025 after 2025-Q1, 2025-H2 after 2025-Q2, both entered first), or a correction of
 * the same period; every fourth task gets a report for a second place too.
 */
async function seedReports(client: GraphClient): Promise<void> {
  const tasks = await client.readRows(
    `MATCH (b:Body {id: $body})
     CALL (b) { MATCH (t:Task)-[:RESPONSIBLE]->(b) RETURN t UNION MATCH (t:Task)-[:PART_OF]->(:Measure)-[:RESPONSIBLE]->(b) RETURN t }
     WITH t WHERE t.planId = $plan AND NOT EXISTS { (:ProgressReport {taskId: t.id}) }
     RETURN t.id AS id ORDER BY t.sourceStart LIMIT 30`,
    { plan: PLAN, body: PORTFOLIO_BODY }, rowShape('BenchTasks', z.object({ id: z.string() })),
  );
  const statuses = ['in_progress', 'done', 'at_risk', 'not_started', 'blocked'] as const;
  const pairs = [['2025', '2025-Q1'], ['2025-H2', '2025-Q2'], ['2025-Q3', '2025-Q3']];
  const report = (taskId: string, placeId: string, period: string, status: (typeof statuses)[number]) =>
    reportProgress(client, { taskId, placeId, period, status, note: null, evidence: [], reporter: 'bench' }, { name: 'bench', keyId: null });
  for (const [i, t] of tasks.entries()) {
    const place = i % 2 ? 'place/500101' : 'place/500233';
    const [first, second] = pairs[i % pairs.length];
    await report(t.id, place, first, statuses[i % 5]);
    await report(t.id, place, second, statuses[(i + 1) % 5]);
    if (i % 4 === 0) await report(t.id, i % 2 ? 'place/500233' : 'place/500101', '2024', statuses[(i + 2) % 5]);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
