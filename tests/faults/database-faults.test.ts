import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { applySchema } from '../../src/graph/apply-schema';
import { GraphClient } from '../../src/graph/graph-client';
import { seedPlan } from '../../src/load/seed-plan';
import { startLocalNeo4j, type LocalNeo4jHandle } from '../../src/localdb/local-neo4j';
import { findFreePort } from '../../src/localdb/port-check';
import { startApi, type RunningApi } from '../../src/main';
import { createLogger } from '../../src/server/logger';

/**
 * Neo4j stopped under the API and started again: requests fail fast with SERVICE_UNAVAILABLE,
 * /readyz goes red, nothing hangs, and the API recovers by itself. A database of its own, so that
 * stopping it does not disturb the other tests.
 */
jest.setTimeout(900_000);

describe('database faults', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan-graph-fault-'));
  const password = 'plan-graph-fault';
  let port: number;
  let db: LocalNeo4jHandle;
  let api: RunningApi;

  const startDb = async () =>
    startLocalNeo4j({ home: join(dir, 'neo4j'), boltPort: port, heap: '512m', pageCache: '128m', password, env: process.env, detached: false, readyTimeoutMs: 600_000 });

  beforeAll(async () => {
    port = await findFreePort();
    db = await startDb();
    const config = loadConfig({ ...process.env, NEO4J_URI: db.uri, NEO4J_PASSWORD: password, PORT: '0', SEED_ON_START: 'false', RESPONSE_CACHE: 'false' });
    const client = GraphClient.create(config.neo4j);
    await applySchema(client);
    await seedPlan(client);
    await client.close();
    api = await startApi(config, createLogger('silent'));
  });
  afterAll(async () => {
    await api?.stop();
    await db?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const ask = async () => {
    const started = Date.now();
    const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ district(name: "忠县") { tasks(first: 2) { totalCount } } }' }) });
    return { ms: Date.now() - started, status: res.status, body: (await res.json()) as any };
  };
  const ready = async () => (await fetch(api.url.replace('/graphql', '/readyz'))).status;

  it('fails fast with SERVICE_UNAVAILABLE while Neo4j is down, and recovers without a restart', async () => {
    expect((await ask()).body.data.district.tasks.totalCount).toBe(7);
    expect(await ready()).toBe(200);

    // Stop Neo4j with requests in flight.
    const inFlight = Promise.all(Array.from({ length: 5 }, ask));
    await db.stop();
    // Each one either finished before the stop or failed with SERVICE_UNAVAILABLE.
    for (const r of await inFlight) {
      expect(r.status).toBe(200);
      expect([7, 'SERVICE_UNAVAILABLE']).toContain(r.body.errors ? r.body.errors[0].extensions.code : r.body.data.district.tasks.totalCount);
    }

    const down = await ask();
    expect(down.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(down.body.errors[0].message).not.toMatch(/bolt|neo4j|Cypher|at /i);
    expect(down.ms).toBeLessThan(10_000);
    expect(await ready()).toBe(503);
    expect((await fetch(api.url.replace('/graphql', '/healthz'))).status).toBe(200);

    db = await startDb();
    let recovered = false;
    for (let i = 0; i < 60 && !recovered; i++) {
      const r = await ask();
      recovered = r.body.data?.district?.tasks?.totalCount === 7;
      if (!recovered) await new Promise((res) => setTimeout(res, 1000));
    }
    expect(recovered).toBe(true);
    expect(await ready()).toBe(200);
  });
});
