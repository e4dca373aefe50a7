import { ConfigError, loadConfig } from '../src/config';

const load = (env: Record<string, string | undefined>) => loadConfig(env, '/srv/app');

test('defaults: a locally managed Neo4j and development settings', () => {
  const config = load({});
  expect(config.port).toBe(4000);
  expect(config.host).toBe('127.0.0.1');
  expect(config.production).toBe(false);
  expect(config.explorer).toBe(true);
  expect(config.neo4j).toEqual({
    uri: 'bolt://127.0.0.1:7687',
    user: 'neo4j',
    password: 'plan-graph-local',
    database: 'neo4j',
    managedLocally: true,
    timeouts: { readMs: 15_000, writeMs: 30_000, ingestMs: 600_000 },
  });
  expect(config.localDb).toEqual({ home: '/srv/app/.neo4j/local', boltPort: 7687, heap: '1g', pageCache: '512m' });
});

test('the local Bolt port also moves the default URI', () => {
  const config = load({ LOCAL_NEO4J_BOLT_PORT: '7700' });
  expect(config.localDb.boltPort).toBe(7700);
  expect(config.neo4j.uri).toBe('bolt://127.0.0.1:7700');
});

test('an invalid PORT fails with a message naming the variable', () => {
  expect(() => load({ PORT: 'eighty' })).toThrow(ConfigError);
  expect(() => load({ PORT: 'eighty' })).toThrow(/PORT/);
  expect(() => load({ PORT: '70000' })).toThrow(/PORT must be an integer between 0 and 65535, got "70000"/);
});

test('a neo4j+s:// URI (Aura) is accepted and not managed locally', () => {
  const config = load({ NEO4J_URI: 'neo4j+s://abc123.databases.neo4j.io', NEO4J_PASSWORD: 'secret' });
  expect(config.neo4j.uri).toBe('neo4j+s://abc123.databases.neo4j.io');
  expect(config.neo4j.managedLocally).toBe(false);
  expect(config.neo4j.password).toBe('secret');
});

test('a URI with another scheme is rejected', () => {
  expect(() => load({ NEO4J_URI: 'http://localhost:7474' })).toThrow(/NEO4J_URI must use one of/);
  expect(() => load({ NEO4J_URI: 'not a uri' })).toThrow(/NEO4J_URI is not a URI/);
});

test('production requires NEO4J_URI', () => {
  expect(() => load({ NODE_ENV: 'production' })).toThrow(/NEO4J_URI is required when NODE_ENV=production/);
});

test('production with a URI turns the explorer off by default', () => {
  const config = load({ NODE_ENV: 'production', NEO4J_URI: 'bolt://db:7687', NEO4J_PASSWORD: 'pw' });
  expect(config.production).toBe(true);
  expect(config.explorer).toBe(false);
  expect(config.introspection).toBe(false);
});

test('outside the local default, the Neo4j password is required', () => {
  expect(() => load({ NEO4J_URI: 'bolt://db.example:7687' })).toThrow(/NEO4J_PASSWORD is required when NEO4J_URI is set/);
});

test('limits are configurable and validated', () => {
  const config = load({ GRAPHQL_MAX_DEPTH: '8', RATE_LIMIT_PER_MINUTE: '600', NEO4J_READ_TIMEOUT_MS: '2000', NEO4J_WRITE_TIMEOUT_MS: '4000', NEO4J_INGEST_TIMEOUT_MS: '900000' });
  expect(config.limits.maxDepth).toBe(8);
  expect(config.limits.rateLimitPerMinute).toBe(600);
  expect(config.neo4j.timeouts).toEqual({ readMs: 2000, writeMs: 4000, ingestMs: 900_000 });
  expect(() => load({ NEO4J_INGEST_TIMEOUT_MS: '10' })).toThrow(/NEO4J_INGEST_TIMEOUT_MS must be an integer between 1000 and 86400000/);
  expect(() => load({ NEO4J_TX_TIMEOUT_MS: '2000' })).toThrow(/NEO4J_TX_TIMEOUT_MS is replaced by NEO4J_READ_TIMEOUT_MS/);
  expect(() => load({ GRAPHQL_MAX_DEPTH: '1' })).toThrow(/GRAPHQL_MAX_DEPTH must be an integer between 2 and 100/);
});

test("heavy threads' young generation: 64 MB unless set, and bounded", () => {
  expect(load({}).limits.heavyWorkerYoungMb).toBe(64);
  expect(load({ GRAPHQL_HEAVY_WORKER_YOUNG_MB: '16' }).limits.heavyWorkerYoungMb).toBe(16);
  expect(() => load({ GRAPHQL_HEAVY_WORKER_YOUNG_MB: '2' })).toThrow(/GRAPHQL_HEAVY_WORKER_YOUNG_MB must be an integer between 4 and 1024/);
});

test('a search counts up to 2,000 hits unless set, and the bound is at least 1', () => {
  expect(load({}).limits.searchHitCountLimit).toBe(2000);
  expect(load({ SEARCH_HIT_COUNT_LIMIT: '50' }).limits.searchHitCountLimit).toBe(50);
  expect(() => load({ SEARCH_HIT_COUNT_LIMIT: '0' })).toThrow(/SEARCH_HIT_COUNT_LIMIT must be an integer between 1 and 10000000/);
});
