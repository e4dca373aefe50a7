import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import { PROJECT_ROOT } from '../src/project-root';
import { meterCpu, type CpuPerAnswer, type CpuTargets } from './cpu-meter';
import type { LowerKind } from './lower-bound';
import { answeredCount, post } from './measure';
import { crossReference, dossier, planTree, portfolio, search, taskPage, type Operation } from './operations';

/**
 * The mixed workload: a weighted mix of many distinct operations, as real traffic asks them —
 * dossier and cross-reference of every district, search over terms taken from the seed text,
 * every page of every body's tasks (with cursors), the portfolio of every body and the plan tree —
 * run for a fixed time at a fixed concurrency against each contender in turn. Every contender is
 * sent the same sequence of operations (a seeded pseudo-random draw by weight); every answer is
 * checked (HTTP 200, no GraphQL errors), and the response cache's x-cache header is counted.
 */

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Share of the traffic of each kind of operation; within a kind, operations are equally likely. */
export const MIX_WEIGHTS: Record<LowerKind, number> = {
  search: 0.3,
  dossier: 0.2,
  crossReference: 0.15,
  taskPage: 0.15,
  portfolio: 0.15,
  planTree: 0.05,
};

export type MixContender = 'ours' | 'oursCached' | 'peer' | 'lowerBound';

export interface MixEndpoints {
  ours: string;
  oursCached: string;
  peer: string;
  lowerBound: string;
}

export interface MixRunResult {
  contender: MixContender;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Transport errors and timeouts, non-2xx answers, and 200 answers that carry GraphQL errors. */
  errors: number;
  non2xx: number;
  graphqlErrors: number;
  /** x-cache header values seen (hit, miss, stale; none when absent). */
  cache: Record<string, number>;
  /** How long the measured run lasted. */
  seconds: number;
  /** CPU per answer with data of the server and of Neo4j during the timed run (null: not metered). */
  cpu: CpuPerAnswer | null;
}

export interface MixSummary {
  operations: number;
  byKind: Record<string, { operations: number; weight: number }>;
  searchTerms: number;
  sameData: { agreed: number; checked: number; disagreements: string[] };
  /** Statements sent to the database per operation, weighted by the mix; measured on a sample. */
  roundTrips: Record<'ours' | 'peer' | 'lowerBound', { mean: number; max: number; sampled: number }>;
  runs: MixRunResult[];
}

/**
 * Terms a reader would type, taken from the seed text: runs of 4 to 8 Han characters between
 * punctuation, each once, in text order, spread evenly over the text.
 */
export function seedSearchTerms(count: number): string[] {
  const text = readFileSync(join(PROJECT_ROOT, 'seed', 'chongqing-new-urbanization-plan-2021-2035.txt'), 'utf8');
  const runs = text.match(/[\u4e00-\u9fff]{4,8}/g) ?? [];
  const distinct = [...new Set(runs)];
  if (distinct.length < count) return distinct;
  const step = distinct.length / count;
  return Array.from({ length: count }, (_, i) => distinct[Math.floor(i * step)]);
}

/** Walks every page of a body's tasks on Plan Graph and on the lower bound, collecting their cursors. */
async function bodyTaskPages(bodyId: string, endpoints: MixEndpoints): Promise<Operation[]> {
  const ops: Operation[] = [];
  let cursors: { ours: string | null; lower: { start: number; link: string } | null } = { ours: null, lower: null };
  for (let page = 1; page <= 1000; page++) {
    const op = taskPage(bodyId, page, cursors);
    ops.push(op);
    const ours = ((await post({ url: endpoints.ours, body: JSON.stringify(op.ours) })) as Json).data.body.tasks;
    const lower = ((await post({ url: endpoints.lowerBound, body: JSON.stringify(op.lower) })) as Json).data.body.tasks;
    if (!ours.pageInfo.hasNextPage) break;
    cursors = { ours: ours.pageInfo.endCursor, lower: lower.pageInfo.endCursor === null ? null : JSON.parse(lower.pageInfo.endCursor) };
  }
  return ops;
}

export async function buildMix(districts: string[], bodies: string[], termCount: number, endpoints: MixEndpoints): Promise<{ ops: Operation[]; terms: string[] }> {
  const terms = seedSearchTerms(termCount);
  const ops: Operation[] = [...districts.map(dossier), ...districts.map(crossReference), ...terms.map(search), ...bodies.map(portfolio), planTree()];
  for (const body of bodies) ops.push(...(await bodyTaskPages(body, endpoints)));
  return { ops, terms };
}

/** A pseudo-random generator with a seed (mulberry32), so that every contender gets the same sequence. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The sequence of operation indexes: kinds drawn by weight, then an operation of that kind. */
export function mixSequence(ops: Operation[], length: number, seed = 14): number[] {
  const byKind = new Map<LowerKind, number[]>();
  ops.forEach((op, i) => byKind.set(op.kind, [...(byKind.get(op.kind) ?? []), i]));
  const kinds = [...byKind.keys()];
  const total = kinds.reduce((s, k) => s + MIX_WEIGHTS[k], 0);
  const random = seeded(seed);
  return Array.from({ length }, () => {
    let r = random() * total;
    let kind = kinds[kinds.length - 1];
    for (const k of kinds) {
      if ((r -= MIX_WEIGHTS[k]) < 0) {
        kind = k;
        break;
      }
    }
    const list = byKind.get(kind)!;
    return list[Math.floor(random() * list.length)];
  });
}

export function bodyFor(op: Operation, contender: MixContender): string {
  if (contender === 'peer') return JSON.stringify(op.peer);
  if (contender === 'lowerBound') return JSON.stringify(op.lower);
  return JSON.stringify(op.ours);
}

/** Every operation asked of every contender once; their canonical answers must be equal. */
export async function checkMixSameData(ops: Operation[], endpoints: MixEndpoints, log: (m: string) => void): Promise<MixSummary['sameData']> {
  const disagreements: string[] = [];
  for (const op of ops) {
    const ask = async (c: MixContender) => ((await post({ url: endpoints[c], body: bodyFor(op, c) })) as Json).data;
    const ours = op.canonicalOurs(await ask('ours'));
    const lower = op.canonicalOurs(await ask('lowerBound'));
    const peer = op.canonicalPeer(await ask('peer'));
    if (!isDeepStrictEqual(ours, lower) || !isDeepStrictEqual(ours, peer)) {
      disagreements.push(op.label);
      if (disagreements.length <= 5) log(`mix: ${op.label} differs\n  ours:  ${JSON.stringify(ours).slice(0, 300)}\n  lower: ${JSON.stringify(lower).slice(0, 300)}\n  peer:  ${JSON.stringify(peer).slice(0, 300)}`);
    }
  }
  return { agreed: ops.length - disagreements.length, checked: ops.length, disagreements };
}

/** Runs the mix against one contender: a warm-up, then `seconds` measured, continuing the sequence. */
export async function runMix(contender: MixContender, url: string, ops: Operation[], sequence: number[], connections: number, seconds: number, warmupSeconds: number, cpu: CpuTargets | null = null): Promise<MixRunResult> {
  const bodies = ops.map((op) => bodyFor(op, contender));
  let next = 0;
  let graphqlErrors = 0;
  const cache: Record<string, number> = {};
  let counting = false;
  const request = {
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    setupRequest: (req: Json) => ({ ...req, body: bodies[sequence[next++ % sequence.length]] }),
    onResponse: (status: number, body: string, _context: object, headers: IncomingHttpHeaders | undefined) => {
      if (!counting) return;
      if (status === 200 && body.includes('"errors"')) graphqlErrors += 1;
      const x = headers?.['x-cache'];
      const key = typeof x === 'string' ? x : 'none';
      cache[key] = (cache[key] ?? 0) + 1;
    },
  };
  const options = { url, connections, requests: [request] };
  if (warmupSeconds > 0) await autocannon({ ...options, duration: warmupSeconds });
  counting = true;
  const stopMeter = cpu ? meterCpu(cpu) : null;
  const r = await autocannon({ ...options, duration: seconds });
  counting = false;
  return {
    cpu: stopMeter ? stopMeter(answeredCount(r.requests.total, r.errors + r.timeouts + r.non2xx + graphqlErrors)) : null,
    contender,
    requests: r.requests.total,
    requestsPerSecond: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    graphqlErrors,
    cache,
    seconds,
  };
}

/** Operations of each kind in the mix, and the kind's weight. */
export function mixKinds(ops: Operation[]): MixSummary['byKind'] {
  const byKind: MixSummary['byKind'] = {};
  for (const op of ops) byKind[op.kind] = { operations: (byKind[op.kind]?.operations ?? 0) + 1, weight: MIX_WEIGHTS[op.kind] };
  return byKind;
}

/** A few operations of each kind, spread over the kind's list, for the statement count. */
export function sampleByKind(ops: Operation[], perKind: number): Operation[] {
  const byKind = new Map<LowerKind, Operation[]>();
  for (const op of ops) byKind.set(op.kind, [...(byKind.get(op.kind) ?? []), op]);
  return [...byKind.values()].flatMap((list) => {
    const step = Math.max(1, list.length / perKind);
    return Array.from({ length: Math.min(perKind, list.length) }, (_, i) => list[Math.floor(i * step)]);
  });
}

/** The mix-weighted mean and the maximum of statements per operation, from counts per sampled operation. */
export function weightedRoundTrips(counts: { op: Operation; statements: number }[]): { mean: number; max: number; sampled: number } {
  const byKind = new Map<LowerKind, number[]>();
  for (const c of counts) byKind.set(c.op.kind, [...(byKind.get(c.op.kind) ?? []), c.statements]);
  let weight = 0;
  let sum = 0;
  for (const [kind, list] of byKind) {
    weight += MIX_WEIGHTS[kind];
    sum += MIX_WEIGHTS[kind] * (list.reduce((a, b) => a + b, 0) / list.length);
  }
  return { mean: sum / weight, max: Math.max(...counts.map((c) => c.statements)), sampled: counts.length };
}
