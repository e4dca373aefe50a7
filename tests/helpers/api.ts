import 'reflect-metadata';
import { Writable } from 'node:stream';
import { loadConfig, type Config, type LogLevel } from '../../src/config';
import { startApi, type RunningApi } from '../../src/main';
import { createLogger } from '../../src/server/logger';

export interface TestApi extends RunningApi {
  /** POSTs an operation and returns status and parsed body. */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] } }>;
  /** POSTs an operation that must succeed (status 200, no errors) and returns its data. */
  data(query: string, variables?: Record<string, unknown>): Promise<any>;
  config: Config;
}

/**
 * The configuration of an API under test: a free port, the test database, no seeding, and
 * deadlines generous enough for a busy machine (tests of the deadlines set their own).
 */
export function testApiConfig(env: Record<string, string> = {}): Config {
  // No warm heavy threads: the suites start dozens of APIs, most of which never run a heavy
  // operation; those that do start their threads on demand (the deadlines above allow for it).
  return loadConfig({ ...process.env, PORT: '0', LOG_LEVEL: 'silent', SEED_ON_START: 'false', GRAPHQL_TIMEOUT_MS: '60000', GRAPHQL_MUTATION_TIMEOUT_MS: '120000', UNAVAILABLE_DEADLINE_MS: '60000', GRAPHQL_HEAVY_WARM_WORKERS: '0', ...env });
}

/** An API under test whose log lines (pino JSON, at `level` and above) are kept in `lines`. */
export async function startLoggedApi(env: Record<string, string>, level: LogLevel): Promise<{ api: RunningApi; lines: string[] }> {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { api: await startApi(testApiConfig({ ...env, LOG_LEVEL: level }), createLogger(level, sink)), lines };
}

/** The real API on a free port over the test database (seeded by jest's global setup). */
export async function startTestApi(env: Record<string, string> = {}): Promise<TestApi> {
  const config = testApiConfig(env);
  const api = await startApi(config, createLogger('silent'));
  const gql: TestApi['gql'] = async (query, variables) => {
    const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    return { status: res.status, body: (await res.json()) as never };
  };
  const data: TestApi['data'] = async (query, variables) => {
    const { status, body } = await gql(query, variables);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    return body.data;
  };
  return { ...api, gql, data, config };
}
