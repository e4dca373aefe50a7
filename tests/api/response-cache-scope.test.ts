import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { loadConfig } from '../../src/config';
import { DatabaseHealth } from '../../src/graph/database-health';
import type { GraphClient } from '../../src/graph/graph-client';
import { buildPlanGraphSchema } from '../../src/schema/build-schema';
import { createContext, type Context } from '../../src/schema/context';
import { ResponseCache, responseCachePlugin } from '../../src/server/response-cache';
import { testClient } from '../helpers/graph';
import { issueTestKey } from '../helpers/keys';

/**
 * The cache's key and scope, with the cache alone in front of the real schema and database (no
 * other test writes through this cache; only its own calls move its clock): an answer cached in
 * one quarter is not served in the next, and answers that select a private type are never stored.
 */
describe('response cache key and scope', () => {
  let client: GraphClient;
  let server: ApolloServer<Context>;
  let clock = new Date('2025-09-30T23:59:00Z');
  const limits = loadConfig(process.env).limits;

  beforeAll(async () => {
    client = await testClient();
    const health = new DatabaseHealth(() => client.ping());
    server = new ApolloServer<Context>({ schema: await buildPlanGraphSchema(), plugins: [responseCachePlugin(new ResponseCache({ maxEntries: 100, maxBytes: 1 << 24 }), { client, health, now: () => clock })] });
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
    await client.close();
  });

  const run = async (query: string, token: string | null = null) => {
    const res = await server.executeOperation({ query }, { contextValue: createContext(client, limits, 'test', token) });
    expect(res.body.kind === 'single' && res.body.singleResult.errors).toBeFalsy();
    return res.http.headers.get('x-cache') ?? null;
  };

  it('does not serve an answer of last quarter in this one', async () => {
    const query = '{ district(name: "石柱") { name tasks(first: 1) { totalCount } } }';
    clock = new Date('2025-09-30T23:59:00Z');
    expect(await run(query)).toBe('miss');
    expect(await run(query)).toBe('hit');
    clock = new Date('2025-10-01T00:01:00Z');
    expect(await run(query)).toBe('miss');
  });

  it('never stores an answer that selects a private type', async () => {
    const admin = await issueTestKey(client, 'cache-scope-admin', 'admin');
    const query = '{ apiKeys { keyId } }';
    expect(await run(query, admin.token)).toBeNull();
    expect(await run(query, admin.token)).toBeNull();
  });
});
