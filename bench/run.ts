import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
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
import { startApi } from '../src/main';
import { PROJECT_ROOT } from '../src/project-root';
import { createLogger } from '../src/server/logger';
import { latency, post, throughput, type HttpCall, type LatencyResult, type ThroughputResult } from './measure';
import { startServer, type ServerProcess } from './processes';
import { PLAN, QUERIES, type BenchQuery } from './queries';
import { runScale, type ScaleRow } from './scale';
import { renderMarkdown } from './report';
import { benchDatabase } from './database';
import { z } from 'zod';
import { rowShape } from '../src/graph/decode';

/**
 * npm run bench [-- --quick] [-- --plans 1,10,100] [-- --skip-scale]
 * Starts a throw-away Neo4j (unless NEO4J_URI is set), loads the seed, starts the contenders as
 * separate processes, checks that they return the same data, then measures. Results go to
 * bench/results/latest.{json,md}; the Markdown table is printed too.
 */

export interface QueryResult {
  name: string;
  user: string;
  nested: boolean;
  sameData: boolean;
  roundTrips: { ours: number; lowerBound: number; peer: number };
  latency: Record<string, LatencyResult>;
  throughput: Record<string, ThroughputResult>;
}

export interface BenchReport {
  startedAt: string;
  command: string;
  machine: { cpus: number; memoryGb: number; node: string };
  settings: { samples: number; warmup: number; connections: number; seconds: number };
  peerSchemaMs: number | null;
  apiPeakRssMb: number;
  apiCachePeakRssMb: number;
  queries: QueryResult[];
  scale: ScaleRow[];
}

const CONTENDERS = ['ours', 'oursCached', 'lowerBoundHttp', 'lowerBoundDriver', 'peer'] as const;

async function main(): Promise<void> {
  const program = new Command()
    .option('--quick', 'a smoke run: few samples, short durations, scale at 1 and 2 plans')
    .option('--skip-scale', 'no scale test')
    .option('--plans <list>', 'plan counts of the scale test', '1,10,100')
    .option('--out <dir>', 'results folder', join(PROJECT_ROOT, 'bench', 'results'))
    .parse(process.argv);
  const opts = program.opts<{ quick?: boolean; skipScale?: boolean; plans: string; out: string }>();
  const settings = opts.quick ? { samples: 20, warmup: 5, connections: 32, seconds: 2 } : { samples: 200, warmup: 30, connections: 32, seconds: 10 };
  const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);

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

    const serverEnv = { ...neo4jEnv, LOG_LEVEL: 'warn', SEED_ON_START: 'false', GRAPHQL_MAX_PAGE_SIZE: '100' };
    const port = () => findFreePort();
    const p1 = await port();
    const ours = await startServer('plan-graph', join(PROJECT_ROOT, 'dist/src/main.js'), { ...serverEnv, PORT: String(p1), RESPONSE_CACHE: 'false' }, `http://127.0.0.1:${p1}/graphql`, '/readyz');
    servers.push(ours);
    const p2 = await port();
    const oursCached = await startServer('plan-graph (cache)', join(PROJECT_ROOT, 'dist/src/main.js'), { ...serverEnv, PORT: String(p2), RESPONSE_CACHE: 'true' }, `http://127.0.0.1:${p2}/graphql`, '/readyz');
    servers.push(oursCached);
    const p3 = await port();
    const lower = await startServer('lower bound', join(PROJECT_ROOT, 'dist/bench/lower-bound-server.js'), { ...serverEnv, PORT: String(p3) }, `http://127.0.0.1:${p3}`, null);
    servers.push(lower);
    const p4 = await port();
    const peerStart = Date.now();
    const peer = await startServer('@neo4j/graphql', join(PROJECT_ROOT, 'dist/bench/peer-server.js'), { ...serverEnv, PORT: String(p4) }, `http://127.0.0.1:${p4}/`, null);
    servers.push(peer);
    const peerSchemaMs = Date.now() - peerStart;
    log('contenders up');

    // Round trips of our API, counted in-process on its own client.
    const counting = await startApi(loadConfig({ ...process.env, ...neo4jEnv, PORT: '0', RESPONSE_CACHE: 'false', SEED_ON_START: 'false' }), createLogger('silent'));
    const driver = neo4j.driver(config.neo4j.uri, neo4j.auth.basic(config.neo4j.user, config.neo4j.password), { disableLosslessIntegers: true });

    const results: QueryResult[] = [];
    for (const [index, q] of QUERIES.entries()) {
      const calls: Record<string, HttpCall> = {
        ours: { url: ours.url, body: JSON.stringify(q.ours) },
        oursCached: { url: oursCached.url, body: JSON.stringify(q.ours) },
        lowerBoundHttp: { url: `${lower.url}/${index}`, body: '{}' },
        peer: { url: peer.url, body: JSON.stringify(q.peer) },
      };
      const viaDriver = async () =>
        q.shapeCypher((await driver.executeQuery(q.cypher.text, q.cypher.params, { database: config.neo4j.database, routing: neo4j.routing.READ })).records.map((r) => r.toObject()));

      const sameData = await checkSameData(q, calls, viaDriver, log);
      counting.graph.resetStats();
      await post({ url: counting.url, body: JSON.stringify(q.ours) });
      const roundTrips = { ours: counting.graph.stats.roundTrips, lowerBound: 1, peer: 1 };

      const lat: Record<string, LatencyResult> = {};
      for (const c of CONTENDERS) {
        lat[c] = c === 'lowerBoundDriver' ? await latency(viaDriver, settings.samples, settings.warmup) : await latency(() => post(calls[c]), settings.samples, settings.warmup);
        log(`${q.name} / ${c}: p50 ${lat[c].p50.toFixed(2)} ms`);
      }
      const tput: Record<string, ThroughputResult> = {};
      for (const c of ['ours', 'oursCached', 'lowerBoundHttp', 'peer'] as const) {
        tput[c] = await throughput(calls[c], settings.connections, settings.seconds, opts.quick ? 1 : 3);
        log(`${q.name} / ${c}: ${tput[c].requestsPerSecond.toFixed(0)} req/s at c=${settings.connections}`);
      }
      results.push({ name: q.name, user: q.user, nested: q.nested, sameData, roundTrips, latency: lat, throughput: tput });
    }
    await driver.close();
    await counting.stop();
    const apiPeakRssMb = ours.peakRssMb();
    const apiCachePeakRssMb = oursCached.peakRssMb();
    for (const s of servers.splice(0)) await s.stop();

    const scale = opts.skipScale ? [] : await runScale(client, config, opts.quick ? [1, 2] : opts.plans.split(',').map(Number), log);

    const report: BenchReport = {
      startedAt: new Date().toISOString(),
      command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
      machine: { cpus: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
      settings,
      peerSchemaMs,
      apiPeakRssMb,
      apiCachePeakRssMb,
      queries: results,
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

/** The three contenders (and the driver alone) must return the same data before they are timed. */
async function checkSameData(q: BenchQuery, calls: Record<string, HttpCall>, viaDriver: () => Promise<unknown>, log: (m: string) => void): Promise<boolean> {
  const ours = q.canonicalOurs(((await post(calls.ours)) as { data: unknown }).data);
  const lower = q.canonicalCypher(((await post(calls.lowerBoundHttp)) as { data: unknown }).data);
  const driver = q.canonicalCypher(await viaDriver());
  const peer = q.canonicalPeer(((await post(calls.peer)) as { data: unknown }).data);
  const same = isDeepStrictEqual(ours, lower) && isDeepStrictEqual(ours, driver) && isDeepStrictEqual(ours, peer);
  if (!same) {
    log(`${q.name}: the contenders disagree`);
    log(`  ours:  ${JSON.stringify(ours).slice(0, 400)}`);
    log(`  lower: ${JSON.stringify(lower).slice(0, 400)}`);
    log(`  peer:  ${JSON.stringify(peer).slice(0, 400)}`);
  }
  return same;
}

/** Reports on the portfolio body's tasks, so that statuses are part of what is read. */
async function seedReports(client: GraphClient): Promise<void> {
  const tasks = await client.readRows(
    `MATCH (b:Body {id: 'body/housing-urban-rural-development-commission'})
     CALL (b) { MATCH (t:Task)-[:RESPONSIBLE]->(b) RETURN t UNION MATCH (t:Task)-[:PART_OF]->(:Measure)-[:RESPONSIBLE]->(b) RETURN t }
     WITH t WHERE t.planId = $plan AND NOT EXISTS { (:ProgressReport {taskId: t.id}) }
     RETURN t.id AS id ORDER BY t.sourceStart LIMIT 30`,
    { plan: PLAN }, rowShape('BenchTasks', z.object({ id: z.string() })),
  );
  const statuses = ['in_progress', 'done', 'at_risk', 'not_started', 'blocked'] as const;
  for (const [i, t] of tasks.entries()) {
    await reportProgress(
      client,
      { taskId: t.id, placeId: i % 2 ? 'place/500101' : 'place/500233', period: `2025-Q${(i % 4) + 1}`, status: statuses[i % 5], note: null, evidence: [], reporter: 'bench' },
      { name: 'bench', keyId: null },
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
