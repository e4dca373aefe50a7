import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { findFreePort } from '../../src/localdb/port-check';
import { PROJECT_ROOT } from '../../src/project-root';

/** SIGTERM keeps the port open for a grace period (readyz 503), drains the requests in flight, closes the driver and exits 0. */
jest.setTimeout(300_000);

it('drains in-flight requests on SIGTERM and exits 0', async () => {
  const port = await findFreePort();
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist/src/main.js')], {
    // NODE_ENV as a user has it: under `test`, Apollo would not install its own signal handlers.
    // Deadlines generous enough for a busy machine: this is a test of draining, not of deadlines.
    env: { ...process.env, NODE_ENV: 'development', PORT: String(port), SEED_ON_START: 'false', LOG_LEVEL: 'info', RESPONSE_CACHE: 'false', GRAPHQL_TIMEOUT_MS: '120000', UNAVAILABLE_DEADLINE_MS: '120000', SHUTDOWN_DRAIN_MS: '240000', SHUTDOWN_GRACE_MS: '5000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr.on('data', (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${port}/graphql`;
  // Up to two minutes to come up: on a machine busy with other work, starting takes far longer than here alone.
  for (let i = 0; i < 600 && !(await fetch(url.replace('/graphql', '/healthz')).then((r) => r.ok).catch(() => false)); i++) await new Promise((r) => setTimeout(r, 200));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // Two whole-plan trees per request (as many as the cost limit lets through), six requests, of
  // which at most two run at once (GRAPHQL_HEAVY_CONCURRENCY): all in flight when SIGTERM comes.
  const tree = 'plan { chapters { sections { measures { tasks { text places { name } } } } } }';
  const heavy = JSON.stringify({ query: `{ ${[1, 2].map((i) => `t${i}: ${tree}`).join(' ')} }` });
  const inFlight = Array.from({ length: 6 }, () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: heavy }).then(async (r) => ({ status: r.status, body: (await r.json()) as any })));
  await new Promise((r) => setTimeout(r, 300));
  child.kill('SIGTERM');
  // During the grace period the port stays open: /readyz tells load balancers to stop sending,
  // and a request that was already on its way is still served.
  await new Promise((r) => setTimeout(r, 500));
  const readyz = await fetch(url.replace('/graphql', '/readyz'));
  expect({ status: readyz.status, body: await readyz.json() }).toMatchObject({ status: 503, body: { status: 'draining' } });
  const late = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ plan { title } }' }) });
  expect(late.status).toBe(200);
  const answers = await Promise.all(inFlight);
  for (const a of answers) {
    expect({ status: a.status, errors: a.body.errors }).toEqual({ status: 200, errors: undefined });
    expect(a.body.data.t2.chapters).toHaveLength(9);
  }
  expect(await exited).toBe(0);
  expect(log).toContain('stopped cleanly');
});
