import type { GraphClient } from '../src/graph/graph-client';
import { writePlan } from '../src/graph/plan-writer';
import type { CpuTargets } from './cpu-meter';
import { ingestPlan } from '../src/ingest/ingest-plan';
import { loadReferenceData } from '../src/ingest/seed-data';
import { toGraph } from '../src/ingest/to-graph';
import { latency, post } from './measure';
import { runMix, type MixRunResult } from './mixed-workload';
import type { Operation } from './operations';
import { syntheticPlanId, syntheticPlanText } from './synthetic-plan';
import { z } from 'zod';
import { rowShape } from '../src/graph/decode';

/**
 * The scale test: synthetic plans are ingested (parse + one write transaction each) until the
 * graph holds 1, 10, 100 ... of them; at each level, the ingest throughput of the step and the
 * latency at concurrency 1 of point queries and of search, and the mixed workload of the main
 * run (the seed's districts, bodies and terms, now answered over every plan), over HTTP, cache
 * off, against a Plan Graph server process of its own.
 */

export interface ScaleRow {
  plans: number;
  nodes: number;
  ingestedTasks: number;
  parseMs: number;
  loadMs: number;
  tasksPerSecond: number;
  latencyP50: Record<string, number>;
  /** The mixed workload at this level (Plan Graph, cache off), when the run has one. */
  mix: MixRunResult | null;
}

/** The mixed workload to run at every level: its operations, their order, and how long. */
export interface ScaleMix {
  ops: Operation[];
  sequence: number[];
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** The processes whose CPU per answer is metered during the mix (the API and Neo4j). */
  cpu: CpuTargets | null;
}

/** Requests of each point query, round robin, before the level's measurement. */
const POINT_WARMUP = 50;

const POINT_QUERIES: Record<string, string> = {
  'node by id': `{ node(id: "synthetic-0001/chp_4__sec_1__para_1__sent_1") { id ... on Task { text } } }`,
  'task with places and bodies': `{ node(id: "synthetic-0001/chp_3__sec_3__para_1__sent_1") { ... on Task { text places { name } bodies { name } measure { title } } } }`,
  'district tasks, first page': `{ district(name: "万州") { tasks(first: 20) { totalCount edges { node { id text } } } } }`,
  'district tasks, one plan': `{ district(name: "万州") { tasks(first: 20, planId: "synthetic-0001") { totalCount edges { node { id } } } } }`,
  'search, all plans': `{ search(query: "保障性租赁住房", first: 10) { totalCount edges { node { score highlight } } } }`,
  'search, all plans, hitCount': `{ search(query: "保障性租赁住房", first: 10) { hitCount { value exact } edges { node { score highlight } } } }`,
  'common term 建设, all plans': `{ search(query: "建设", first: 10) { totalCount edges { node { score highlight } } } }`,
  'common term 建设, all plans, hitCount': `{ search(query: "建设", first: 10) { hitCount { value exact } edges { node { score highlight } } } }`,
  'search, one plan': `{ search(query: "保障性租赁住房", first: 10, planId: "synthetic-0001") { totalCount edges { node { score highlight } } } }`,
};

export async function runScale(client: GraphClient, apiUrl: string, levels: number[], mix: ScaleMix | null, log: (m: string) => void): Promise<ScaleRow[]> {
  const reference = loadReferenceData();
  const rows: ScaleRow[] = [];
  let loaded = 0;
  // One mix run, not measured, before the first level: when the scale test runs alone
  // (--skip-queries --skip-mix) the server is new, and a first level measured on a cold process
  // would flatter every later level's ratio to it.
  if (mix) {
    await runMix('ours', apiUrl, mix.ops, mix.sequence, mix.connections, mix.seconds, mix.warmupSeconds);
    log('scale: server warmed by one mix run');
  }
  for (const level of levels) {
    let parseMs = 0;
    let loadMs = 0;
    let tasks = 0;
    while (loaded < level) {
      loaded++;
      const t0 = Date.now();
      const doc = ingestPlan({ file: `${syntheticPlanId(loaded)}.txt`, bytes: Buffer.from(syntheticPlanText(loaded)), planId: syntheticPlanId(loaded), ...reference });
      const t1 = Date.now();
      await writePlan(client, toGraph(doc));
      parseMs += t1 - t0;
      loadMs += Date.now() - t1;
      tasks += doc.tasks.length;
      if (loaded % 50 === 0) log(`scale: ${loaded} plans loaded`);
    }
    const [{ nodes }] = await client.readRows(`MATCH (n:Entity) RETURN count(n) AS nodes`, {}, rowShape('BenchNodeCount', z.object({ nodes: z.number() })));
    // The mix first: it also warms the server, so that the first level's point queries are not
    // measured on a cold process (which would flatter every later level's ratio to it).
    const mixRun = mix ? await runMix('ours', apiUrl, mix.ops, mix.sequence, mix.connections, mix.seconds, mix.warmupSeconds, mix.cpu) : null;
    // Every point query is sent POINT_WARMUP times, round robin, before any is measured: at the
    // first level they are new to both processes, and 20 warm-up requests each left that level
    // measured slow (up to twice the ten-plan latency), which flattered every ratio to it.
    for (let round = 0; round < POINT_WARMUP; round++) {
      for (const query of Object.values(POINT_QUERIES)) await post({ url: apiUrl, body: JSON.stringify({ query }) });
    }
    const latencyP50: Record<string, number> = {};
    for (const [name, query] of Object.entries(POINT_QUERIES)) {
      latencyP50[name] = (await latency(() => post({ url: apiUrl, body: JSON.stringify({ query }) }), 100, 20)).p50;
    }
    const row = { plans: level, nodes, ingestedTasks: tasks, parseMs, loadMs, tasksPerSecond: tasks / ((parseMs + loadMs) / 1000 || 1), latencyP50, mix: mixRun };
    rows.push(row);
    const mixNote = mixRun ? `, mix ${mixRun.requestsPerSecond.toFixed(0)} req/s p50 ${mixRun.p50} ms p99 ${mixRun.p99} ms` : '';
    log(`scale: ${level} plans, ${nodes} nodes, ${row.tasksPerSecond.toFixed(0)} tasks/s, ${JSON.stringify(latencyP50)}${mixNote}`);
  }
  return rows;
}
