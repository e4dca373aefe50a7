import type { BenchReport } from './run';

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');
const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}x` : '–');
const rps = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '–');

/** The results as Markdown: what the README links and the closing note quotes. */
export function renderMarkdown(r: BenchReport): string {
  const lines: string[] = [];
  lines.push(`# Plan Graph benchmark`, '');
  lines.push(`Run ${r.startedAt} with \`${r.command}\` on ${r.machine.cpus} cores, ${r.machine.memoryGb} GiB, Node ${r.machine.node}.`);
  lines.push(
    `Latency: ${r.settings.samples} sequential requests after ${r.settings.warmup} warm-up ones (milliseconds). Throughput: autocannon, ${r.settings.connections} connections, ${r.settings.seconds} s after a warm-up run. All contenders on the same Neo4j, in the same run; each checked to return the same data first.`,
    '',
  );
  lines.push('## Latency at concurrency 1 (p50 / p99, ms; cache off unless said)', '');
  lines.push('| query | user | same data | Plan Graph | Plan Graph (cache) | lower bound HTTP | driver alone | @neo4j/graphql | API / lower bound | API / peer | DB round trips (API / lower / peer) |');
  lines.push('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const q of r.queries) {
    const l = q.latency;
    lines.push(
      `| ${q.name} | ${q.user} | ${q.sameData ? 'yes' : '**no**'} | ${ms(l.ours.p50)} / ${ms(l.ours.p99)} | ${ms(l.oursCached.p50)} / ${ms(l.oursCached.p99)} | ${ms(l.lowerBoundHttp.p50)} / ${ms(l.lowerBoundHttp.p99)} | ${ms(l.lowerBoundDriver.p50)} / ${ms(l.lowerBoundDriver.p99)} | ${ms(l.peer.p50)} / ${ms(l.peer.p99)} | ${ratio(l.ours.p50, l.lowerBoundHttp.p50)} | ${ratio(l.ours.p50, l.peer.p50)} | ${q.roundTrips.ours} / ${q.roundTrips.lowerBound} / ${q.roundTrips.peer} |`,
    );
  }
  lines.push('', `## Throughput at concurrency ${r.settings.connections} (requests/s)`, '');
  lines.push('| query | nested | Plan Graph | Plan Graph (cache) | lower bound HTTP | @neo4j/graphql | API / peer | cached API / peer | errors (API) |');
  lines.push('|---|---|---|---|---|---|---|---|---|');
  for (const q of r.queries) {
    const t = q.throughput;
    lines.push(
      `| ${q.name} | ${q.nested ? 'yes' : 'no'} | ${rps(t.ours.requestsPerSecond)} | ${rps(t.oursCached.requestsPerSecond)} | ${rps(t.lowerBoundHttp.requestsPerSecond)} | ${rps(t.peer.requestsPerSecond)} | ${ratio(t.ours.requestsPerSecond, t.peer.requestsPerSecond)} | ${ratio(t.oursCached.requestsPerSecond, t.peer.requestsPerSecond)} | ${t.ours.errors + t.ours.non2xx} |`,
    );
  }
  lines.push('', `Peak RSS of the API process: ${r.apiPeakRssMb.toFixed(0)} MB (cache off), ${r.apiCachePeakRssMb.toFixed(0)} MB (cache on). @neo4j/graphql server ready in ${r.peerSchemaMs} ms (schema build included).`);
  if (r.scale.length) {
    const names = Object.keys(r.scale[0].latencyP50);
    lines.push('', '## Scale (synthetic plans of the seed’s shape; p50 ms at concurrency 1, cache off)', '');
    lines.push(`| plans | nodes | ingested tasks | parse ms | load ms | tasks/s | ${names.join(' | ')} |`);
    lines.push(`|---|---|---|---|---|---|${names.map(() => '---').join('|')}|`);
    for (const s of r.scale) {
      lines.push(`| ${s.plans} | ${s.nodes} | ${s.ingestedTasks} | ${s.parseMs} | ${s.loadMs} | ${s.tasksPerSecond.toFixed(0)} | ${names.map((n) => ms(s.latencyP50[n])).join(' | ')} |`);
    }
    const first = r.scale[0];
    const at100 = r.scale.find((s) => s.plans === 100);
    if (at100) lines.push('', `Point queries at 100 plans / at ${first.plans}: ${names.map((n) => `${n} ${ratio(at100.latencyP50[n], first.latencyP50[n])}`).join(', ')}.`);
  }
  return lines.join('\n') + '\n';
}
