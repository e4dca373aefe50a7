import type { RunningApi } from '../../src/main';
import { startOwnDatabase, type OwnDatabase } from '../helpers/own-database';

/**
 * Neo4j stopped under the API and started again: requests fail fast with SERVICE_UNAVAILABLE,
 * /readyz goes red, nothing hangs, and the API recovers by itself. A database of its own, so that
 * stopping it does not disturb the other tests.
 */
jest.setTimeout(900_000);

describe('database faults', () => {
  let own: OwnDatabase;
  let api: RunningApi;

  beforeAll(async () => {
    own = await startOwnDatabase('fault', { RESPONSE_CACHE: 'false' });
    api = own.api;
  });
  afterAll(() => own?.close());

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
    await own.stopDatabase();
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

    await own.restartDatabase();
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
