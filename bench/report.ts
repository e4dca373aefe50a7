import type { CpuPerAnswer } from './cpu-meter';
import { answeredRate, type ThroughputResult } from './measure';
import type { MixRunResult } from './mixed-workload';
import type { BenchReport } from './run';

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');
const ratio = (a: number, b: number) => (Number.isFinite(a / b) && b > 0 ? `${(a / b).toFixed(2)}x` : '–');
const rps = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '–');
const errs = (t: ThroughputResult) => t.errors + t.non2xx + t.graphqlErrors;
const pct = (n: number) => `${(100 * n).toFixed(1)} %`;
/** CPU per answer as "server + Neo4j" ms (– where it was not metered). */
const cpu = (c: CpuPerAnswer | null | undefined) => (c ? `${c.serverMs.toFixed(1)} + ${c.databaseMs === null ? '–' : c.databaseMs.toFixed(1)}` : '–');

/** Answers with data per second of a mix run. */
const answered = (run: MixRunResult) => answeredRate(run.requests, run.errors + run.non2xx + run.graphqlErrors, run.seconds);

/** Share of answers of a cached run that the response cache served (hit or stale), of all answers. */
export function hitRate(run: MixRunResult): number {
  const total = Object.values(run.cache).reduce((a, b) => a + b, 0);
  return total ? ((run.cache.hit ?? 0) + (run.cache.stale ?? 0)) / total : NaN;
}

/**
 * The results as Markdown: what the README links and the closing note quotes. Cache-off figures
 * come first and carry the ratios; cached figures stand apart, each with the hit rate that made it.
 */
export function renderMarkdown(r: BenchReport): string {
  const lines: string[] = [];
  const mixCached = r.mix?.runs.find((x) => x.contender === 'oursCached');
  lines.push(`# Plan Graph benchmark`, '');
  lines.push(`Run ${r.startedAt} to ${r.finishedAt} with \`${r.command}\` on ${r.machine.cpus} cores, ${r.machine.memoryGb} GiB, Node ${r.machine.node}.`);
  lines.push(
    '',
    `**The machine was shared and loaded**: 1-minute load average ${r.load.start.toFixed(1)} at the start, ${r.load.beforeMix.toFixed(1)} before the mixed workload, ${r.load.end.toFixed(1)} at the end (highest sampled ${r.load.max.toFixed(1)}) on ${r.machine.cpus} cores. Absolute figures are therefore low and noisy; the ratios between contenders measured in the same run are what to read, and even they move by tens of percent between runs.`,
    '',
    `Contenders, all on the same Neo4j and data, in the same run, each a separate process: **Plan Graph** with the response cache off (the headline) and on; the **lower bound**, one hand-written Cypher statement per operation (bench/lower-bound.ts) behind a bare node:http handler, and the same statement through the driver alone; **@neo4j/graphql** 7 configured as its documentation advises (bench/peer-type-defs.ts: single relationships where the data is one-to-one, \`@cypher\` fields for shared-task counts, a body's portfolio and its count, and the latest reports; the same page sizes as Plan Graph; Apollo standalone, \`addVersionPrefix\` as its Getting Started guide sets it). Every operation is answered by all of them and compared first — totals and order included.`,
    '',
    `Round trips are measured: the statements each contender sends to Neo4j for one request, counted on Plan Graph's GraphClient and through a counting driver for the others (bench/round-trips.ts).`,
    '',
    `Latency: ${r.settings.samples} sequential requests after ${r.settings.warmup} warm-up ones (milliseconds), once every contender has answered every query ${r.settings.jitWarmup} times (its JIT warm). Throughput: autocannon, ${r.settings.connections} connections, ${r.settings.seconds} s after a warm-up run.`,
    '',
  );

  // A run of the scale test alone (--skip-queries) has no per-query tables.
  if (r.queries.length > 0) {
    lines.push('## Per query, cache off: latency at concurrency 1 (p50 / p99, ms)', '');
    lines.push('| query | user | same data | Plan Graph | lower bound HTTP | driver alone | @neo4j/graphql | Plan Graph / lower bound | Plan Graph / peer | statements (Plan Graph / lower / peer) |');
    lines.push('|---|---|---|---|---|---|---|---|---|---|');
    for (const q of r.queries) {
      const l = q.latency;
      lines.push(
        `| ${q.name} | ${q.user} | ${q.sameData ? 'yes' : '**no**'} | ${ms(l.ours.p50)} / ${ms(l.ours.p99)} | ${ms(l.lowerBoundHttp.p50)} / ${ms(l.lowerBoundHttp.p99)} | ${ms(l.lowerBoundDriver.p50)} / ${ms(l.lowerBoundDriver.p99)} | ${ms(l.peer.p50)} / ${ms(l.peer.p99)} | ${ratio(l.ours.p50, l.lowerBoundHttp.p50)} | ${ratio(l.ours.p50, l.peer.p50)} | ${q.roundTrips.ours} / ${q.roundTrips.lowerBound} / ${q.roundTrips.peer} |`,
      );
    }
    lines.push('', `## Per query, cache off: throughput at concurrency ${r.settings.connections} (answers with data per second)`, '');
    lines.push('Answers that carry an error (a heavy operation shed with SERVICE_UNAVAILABLE, a TIMEOUT) are not counted in the rate; they are counted in the last column.', '');
    lines.push('CPU ms per answer: what the contender\'s server process (every thread) and Neo4j used during the timed run, divided by its answers with data. On two shared cores the sum bounds the throughput.', '');
    lines.push('| query | nested | Plan Graph | lower bound HTTP | @neo4j/graphql | Plan Graph / lower bound | Plan Graph / peer | errors, timeouts and error answers (Plan Graph / lower / peer) | CPU ms per answer, server + Neo4j (Plan Graph / lower / peer) |');
    lines.push('|---|---|---|---|---|---|---|---|---|');
    for (const q of r.queries) {
      const t = q.throughput;
      lines.push(
        `| ${q.name} | ${q.nested ? 'yes' : 'no'} | ${rps(t.ours.answeredPerSecond)} | ${rps(t.lowerBoundHttp.answeredPerSecond)} | ${rps(t.peer.answeredPerSecond)} | ${ratio(t.ours.answeredPerSecond, t.lowerBoundHttp.answeredPerSecond)} | ${ratio(t.ours.answeredPerSecond, t.peer.answeredPerSecond)} | ${errs(t.ours)} / ${errs(t.lowerBoundHttp)} / ${errs(t.peer)} | ${cpu(t.ours.cpu)} / ${cpu(t.lowerBoundHttp.cpu)} / ${cpu(t.peer.cpu)} |`,
      );
    }
  }

  if (r.mix) {
    const m = r.mix;
    lines.push('', `## Mixed workload, ${r.settings.mixSeconds} s at ${r.settings.connections} connections`, '');
    const kinds = Object.entries(m.byKind).map(([k, v]) => `${k} ${pct(v.weight)} of requests over ${v.operations} operations`).join('; ');
    lines.push(
      `${m.operations} distinct operations (${m.searchTerms} search terms taken from the seed text; dossier and cross-reference of every district; every page of every body's tasks, with cursors; the portfolio of every body; the plan tree), drawn by weight in the same seeded order for every contender, after a 5 s warm-up that continues the same sequence: ${kinds}.`,
      `Same data before timing: ${m.sameData.agreed} of ${m.sameData.checked} operations agree across Plan Graph, the lower bound and the peer${m.sameData.disagreements.length ? ` (differing: ${m.sameData.disagreements.slice(0, 10).join(', ')}${m.sameData.disagreements.length > 10 ? ' …' : ''})` : ''}.`,
      `Statements per operation, weighted by the mix (measured on ${m.roundTrips.ours.sampled} operations, a few of each kind): Plan Graph ${m.roundTrips.ours.mean.toFixed(2)} (at most ${m.roundTrips.ours.max}), lower bound ${m.roundTrips.lowerBound.mean.toFixed(2)}, @neo4j/graphql ${m.roundTrips.peer.mean.toFixed(2)} (at most ${m.roundTrips.peer.max}).`,
      '',
    );
    const lowerRun = m.runs.find((x) => x.contender === 'lowerBound');
    const peerRun = m.runs.find((x) => x.contender === 'peer');
    const names: Record<string, string> = { ours: 'Plan Graph, cache off', oursCached: 'Plan Graph, cache on', peer: '@neo4j/graphql (expert)', lowerBound: 'lower bound HTTP' };
    lines.push('Answers per second count answers with data only; answers that carry an error are in the errors column.', '');
    lines.push('| contender | answers/s | p50 ms | p99 ms | requests | errors (transport / non-2xx / GraphQL) | / lower bound | / peer | cache hit rate | CPU ms per answer, server + Neo4j |');
    lines.push('|---|---|---|---|---|---|---|---|---|---|');
    for (const run of m.runs) {
      const rate = run.contender === 'oursCached' ? `${pct(hitRate(run))} (${Object.entries(run.cache).map(([k, v]) => `${k} ${v}`).join(', ')})` : '–';
      lines.push(
        `| ${names[run.contender]} | ${rps(answered(run))} | ${run.p50} | ${run.p99} | ${run.requests} | ${run.errors} / ${run.non2xx} / ${run.graphqlErrors} | ${lowerRun ? ratio(answered(run), answered(lowerRun)) : '–'} | ${peerRun ? ratio(answered(run), answered(peerRun)) : '–'} | ${rate} | ${cpu(run.cpu)} |`,
      );
    }
  }

  if (r.queries.length > 0) {
    lines.push('', `## With the response cache (not the headline)`, '');
    lines.push(
      `The cache answers a repeated operation from memory while the graph is unchanged. The per-query runs below repeat one operation, so every answer after the first can be a hit: they show the cache's ceiling, not what traffic gets. ${mixCached ? `Under the mixed workload the cache served ${pct(hitRate(mixCached))} of answers, at ${rps(answered(mixCached))} answers/s.` : ''}`,
      '',
    );
    lines.push('| query | p50 / p99 ms (cache on, one repeated operation) | answers/s (cache on, one repeated operation) |');
    lines.push('|---|---|---|');
    for (const q of r.queries) {
      lines.push(`| ${q.name} | ${ms(q.latency.oursCached.p50)} / ${ms(q.latency.oursCached.p99)} | ${rps(q.throughput.oursCached.answeredPerSecond)} |`);
    }
  }

  lines.push('', `Peak RSS of the API process: ${r.apiPeakRssMb.toFixed(0)} MB (cache off), ${r.apiCachePeakRssMb.toFixed(0)} MB (cache on). @neo4j/graphql server ready in ${r.peerSchemaMs} ms (schema build included).`);
  if (r.scale.length) {
    const names = Object.keys(r.scale[0].latencyP50);
    lines.push('', '## Scale (synthetic plans of the seed’s shape; p50 ms of 100 requests at concurrency 1 after 20 warm-up ones, measured after the level’s mix and 50 rounds of every point query; cache off)', '');
    lines.push(`| plans | nodes | ingested tasks | parse ms | load ms | tasks/s | ${names.join(' | ')} |`);
    lines.push(`|---|---|---|---|---|---|${names.map(() => '---').join('|')}|`);
    for (const s of r.scale) {
      lines.push(`| ${s.plans} | ${s.nodes} | ${s.ingestedTasks} | ${s.parseMs} | ${s.loadMs} | ${s.tasksPerSecond.toFixed(0)} | ${names.map((n) => ms(s.latencyP50[n])).join(' | ')} |`);
    }
    // Every level against the first, and the last against each level between: one slow level
    // would otherwise move every ratio at once.
    const last = r.scale[r.scale.length - 1];
    const against = (level: (typeof r.scale)[number], base: (typeof r.scale)[number]) =>
      lines.push('', `At ${level.plans} plans / at ${base.plans}: ${names.map((n) => `${n} ${ratio(level.latencyP50[n], base.latencyP50[n])}`).join(', ')}.`);
    for (const level of r.scale.slice(1)) against(level, r.scale[0]);
    for (const base of r.scale.slice(1, -1)) against(last, base);
    const withMix = r.scale.filter((s) => s.mix !== null);
    if (withMix.length) {
      const base = withMix[0].mix!;
      lines.push('', `### The mixed workload at each level (Plan Graph, cache off, ${base.seconds} s at 32 connections after a warm-up)`, '');
      lines.push('The operations of the main run’s mixed workload (the seed’s districts, bodies and search terms, each asking for the seed’s plan by `planId`), answered with every plan of the level loaded.', '');
      lines.push('| plans | answers/s | p50 ms | p99 ms | requests | errors (transport / non-2xx / GraphQL) | answers/s / at the first level | CPU ms per answer, API + Neo4j |');
      lines.push('|---|---|---|---|---|---|---|---|');
      for (const s of withMix) {
        const m = s.mix!;
        lines.push(`| ${s.plans} | ${rps(answered(m))} | ${m.p50} | ${m.p99} | ${m.requests} | ${m.errors} / ${m.non2xx} / ${m.graphqlErrors} | ${ratio(answered(m), answered(base))} | ${cpu(m.cpu)} |`);
      }
    }
  }
  return lines.join('\n') + '\n';
}
