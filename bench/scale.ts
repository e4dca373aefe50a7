import type { Config } from '../src/config';
import type { GraphClient } from '../src/graph/graph-client';
import { writePlan } from '../src/graph/plan-writer';
import { ingestPlan } from '../src/ingest/ingest-plan';
import { loadReferenceData } from '../src/ingest/seed-data';
import { toGraph } from '../src/ingest/to-graph';
import { loadConfig } from '../src/config';
import { startApi } from '../src/main';
import { createLogger } from '../src/server/logger';
import { latency, post } from './measure';
import { syntheticPlanId, syntheticPlanText } from './synthetic-plan';
import { z } from 'zod';
import { rowShape } from '../src/graph/decode';

/**
 * The scale test: synthetic plans are ingested (parse + one write transaction each) until the
 * graph holds 1, 10, 100 ... of them; at each level, the ingest throughput of the step and the
 * latency at concurrency 1 of point queries and of search, over HTTP, cache off.
 */

export interface ScaleRow {
  plans: number;
  nodes: number;
  ingestedTasks: number;
  parseMs: number;
  loadMs: number;
  tasksPerSecond: number;
  latencyP50: Record<string, number>;
}

const POINT_QUERIES: Record<string, string> = {
  'node by id': `{ node(id: "synthetic-0001/chp_4__sec_1__para_1__sent_1") { id ... on Task { text } } }`,
  'task with places and bodies': `{ node(id: "synthetic-0001/chp_3__sec_3__para_1__sent_1") { ... on Task { text places { name } bodies { name } measure { title } } } }`,
  'district tasks, first page': `{ district(name: "万州") { tasks(first: 20) { totalCount edges { node { id text } } } } }`,
  'district tasks, one plan': `{ district(name: "万州") { tasks(first: 20, planId: "synthetic-0001") { totalCount edges { node { id } } } } }`,
  search: `{ search(query: "保障性租赁住房", first: 10) { totalCount edges { node { score highlight } } } }`,
};

export async function runScale(client: GraphClient, config: Config, levels: number[], log: (m: string) => void): Promise<ScaleRow[]> {
  const reference = loadReferenceData();
  const rows: ScaleRow[] = [];
  const api = await startApi(loadConfig({ NEO4J_URI: config.neo4j.uri, NEO4J_USER: config.neo4j.user, NEO4J_PASSWORD: config.neo4j.password, PORT: '0', RESPONSE_CACHE: 'false', SEED_ON_START: 'false', LOG_LEVEL: 'silent' }), createLogger('silent'));
  try {
    let loaded = 0;
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
      const latencyP50: Record<string, number> = {};
      for (const [name, query] of Object.entries(POINT_QUERIES)) {
        latencyP50[name] = (await latency(() => post({ url: api.url, body: JSON.stringify({ query }) }), 50, 10)).p50;
      }
      const row = { plans: level, nodes, ingestedTasks: tasks, parseMs, loadMs, tasksPerSecond: tasks / ((parseMs + loadMs) / 1000 || 1), latencyP50 };
      rows.push(row);
      log(`scale: ${level} plans, ${nodes} nodes, ${row.tasksPerSecond.toFixed(0)} tasks/s, ${JSON.stringify(latencyP50)}`);
    }
  } finally {
    await api.stop();
  }
  return rows;
}
