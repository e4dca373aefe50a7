import { randomUUID } from 'node:crypto';

/**
 * A prober in a process of its own, as a load balancer's health check or an uptime monitor is:
 * every `intervalMs` it asks /readyz, /healthz and a cheap query (made unique, so that no cache
 * answers it) at once, and times each answer. The attacker's own process is busy sending and
 * reading thousands of requests; probes sent from there wait for its event loop too, which is
 * not the server's latency. Started by attack.ts; on SIGTERM it prints its probes as JSON and ends.
 *
 *   node dist/bench/prober.js '{"base":"http://127.0.0.1:4000","query":"{ plan { id } }","intervalMs":100}'
 */

export interface Probe {
  kind: 'readyz' | 'healthz' | 'cheap query';
  ms: number;
  ok: boolean;
}

async function main(): Promise<void> {
  const { base, query, intervalMs } = JSON.parse(process.argv[2] ?? '{}') as { base: string; query: string; intervalMs: number };
  const probes: Probe[] = [];
  let running = true;
  process.once('SIGTERM', () => (running = false));
  const probe = async (kind: Probe['kind'], run: () => Promise<Response>) => {
    const started = performance.now();
    const ok = await run()
      .then(async (r) => (await r.arrayBuffer(), r.ok))
      .catch(() => false);
    probes.push({ kind, ms: performance.now() - started, ok });
  };
  while (running) {
    const unique = query.replace('{', `{ u${randomUUID().replaceAll('-', '')}: __typename `);
    await Promise.all([
      probe('readyz', () => fetch(`${base}/readyz`)),
      probe('healthz', () => fetch(`${base}/healthz`)),
      probe('cheap query', () => fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: unique }) })),
    ]);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  process.stdout.write(JSON.stringify(probes));
}

main().catch((error: unknown) => {
  process.stderr.write(`prober failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
