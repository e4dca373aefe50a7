import { parseToken } from '../../src/auth/api-key';
import { loadConfig } from '../../src/config';
import { startApi, type RunningApi } from '../../src/main';
import { createFormatError } from '../../src/server/format-error';
import { createLogger } from '../../src/server/logger';
import { startLoggedApi, testApiConfig } from '../helpers/api';
import { AppError } from '../../src/errors/app-error';
import { GraphQLError } from 'graphql';
import { issueTestKey } from '../helpers/keys';
import { z } from 'zod';
import { shape } from '../helpers/rows';

/** Secrets, switches, CSRF, CORS, headers, masking and injection. */
describe('security', () => {
  let lines: string[] = [];
  let api: RunningApi;
  let locked: RunningApi;

  beforeAll(async () => {
    ({ api, lines } = await startLoggedApi({ RESPONSE_CACHE: 'false', CORS_ORIGINS: 'https://plans.example.org' }, 'trace'));
    locked = await startApi(testApiConfig({ RESPONSE_CACHE: 'false', NODE_ENV: 'production', GRAPHQL_EXPLORER: 'false', GRAPHQL_INTROSPECTION: 'false' }), createLogger('silent'));
  });
  afterAll(async () => {
    await api.stop();
    await locked.stop();
  });

  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('never writes keys or passwords to the log', async () => {
    const key = await issueTestKey(api.graph, 'log-test', 'editor');
    await post(api.url, { query: 'mutation { recordObservation(input: {indicatorId: "nope", year: 2023, value: 1, source: "s", reporter: "r"}) { id } }' }, { authorization: `Bearer ${key.token}` });
    await post(api.url, { query: '{ plans { id } }' }, { authorization: `Bearer ${key.token}`, 'x-api-key': key.token });
    await post(api.url, { query: 'mutation { recordObservation(input: {indicatorId: "x", year: 2023, value: 1, source: "s", reporter: "r"}) { id } }' }, { authorization: 'Bearer pgk_000000000000_wrongwrongwrongwrongwrongwrongwrongwrongwro' });
    const log = lines.join('');
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain(key.token);
    expect(log).not.toContain(parseToken(key.token)!.secret);
    expect(log).not.toContain(loadConfig(process.env).neo4j.password);
  });

  it('switches introspection and the explorer off for production', async () => {
    const intro = (await (await post(locked.url, { query: "{ __schema { types { name } } }" })).json()) as any;
    expect(intro.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await fetch(locked.url, { headers: { accept: 'text/html' } })).status).toBe(404);
    expect((await fetch(locked.url.replace('/graphql', '/explorer'))).status).toBe(404);
    // Field suggestions would leak the schema: off in production.
    const typo = (await (await post(locked.url, { query: "{ plan { titel } }" })).json()) as any;
    expect(typo.errors[0].message).not.toMatch(/Did you mean/);
  });

  it('keeps CSRF prevention on', async () => {
    const simple = await fetch(`${api.url}?query=${encodeURIComponent('{ plans { id } }')}`);
    expect(simple.status).toBe(400);
    const preflighted = await fetch(`${api.url}?query=${encodeURIComponent('{ plans { id } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
  });

  it('answers CORS for allowed origins only, and sends security headers', async () => {
    const allowed = await post(api.url, { query: '{ plans { id } }' }, { origin: 'https://plans.example.org' });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://plans.example.org');
    const other = await post(api.url, { query: '{ plans { id } }' }, { origin: 'https://evil.example' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(allowed.headers.get('x-content-type-options')).toBe('nosniff');
    expect(allowed.headers.get('x-frame-options')).toBe('DENY');
    const page = await fetch(api.url, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('masks unexpected errors: no stack, no Cypher, logged with the original', () => {
    const logged: unknown[] = [];
    const format = createFormatError({ error: (o: unknown) => logged.push(o) } as never);
    const internal = format({ message: 'Neo4jError: Invalid input MATCH (n) RETURN n' }, new GraphQLError('x', { path: ['node'], originalError: new Error('MATCH (n) failed at resolver.ts:12') }));
    expect(internal).toEqual({ message: 'Internal server error', path: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(internal)).not.toMatch(/MATCH|resolver\.ts/);
    expect(logged).toHaveLength(1);
    const expected = format({ message: 'nope' }, new GraphQLError('nope', { path: ['node'], originalError: new AppError('NOT_FOUND', 'task "x" does not exist', { id: 'x' }) }));
    expect(expected.extensions).toEqual({ code: 'NOT_FOUND', id: 'x' });
  });

  it('treats Cypher in every string argument as data', async () => {
    const payloads = [`' OR 1=1 //`, `"}) MATCH (n) DETACH DELETE n //`, `\\u0027 RETURN 1 //`, '`) DETACH DELETE n', '$ids'];
    // The whole database: this file starts on the seed state and nothing else writes to it.
    const count = async () =>
      (
        await api.graph.readRows(
          `CALL { MATCH (n) RETURN count(n) AS n } CALL { MATCH ()-[r]->() RETURN count(r) AS r } RETURN n, r`,
          {}, shape({ n: z.number(), r: z.number() }),
        )
      )[0];
    const before = await count();
    const ops = (p: string) => [
      ['query($v: String) { district(name: $v) { id } }', { v: p }],
      ['query($v: String) { district(code: $v) { id } }', { v: p }],
      ['query($v: String!) { place(name: $v) { id } }', { v: p }],
      ['query($v: String) { districts(region: $v) { id } }', { v: p }],
      ['query($v: String!) { search(query: $v) { totalCount } }', { v: p }],
      ['query($v: ID!) { node(id: $v) { id } }', { v: p }],
      ['query($v: ID) { plan(id: $v) { id } }', { v: p }],
      ['query($v: String!) { sharedTasks(places: [$v]) { totalCount } }', { v: p }],
      ['query($v: String!) { districtsSharingTasks(with: $v) { sharedTasks } }', { v: p }],
      ['query($v: String!) { body(id: $v) { id } }', { v: p }],
      ['query($v: String) { place(name: "万州") { tasks(planId: $v) { totalCount } } }', { v: p }],
      ['query($v: String) { auditTrail(reporter: $v, action: $v) { totalCount } }', { v: p }],
      ['query($v: ID) { districtChapterMatrix(planId: $v) { cells { taskCount } } }', { v: p }],
    ];
    for (const p of payloads) {
      for (const [query, variables] of ops(p)) {
        const res = await post(api.url, { query, variables });
        expect(res.status).toBeLessThan(500);
        const body = (await res.json()) as any;
        for (const e of body.errors ?? []) expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(e.extensions.code);
      }
    }
    expect(await count()).toEqual(before);
  });

  it('limits requests per client when configured', async () => {
    const limited = await startApi(testApiConfig({ RATE_LIMIT_PER_MINUTE: '5' }), createLogger('silent'));
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) statuses.push((await post(limited.url, { query: '{ plans { id } }' })).status);
      expect(statuses.slice(0, 5).every((s) => s === 200)).toBe(true);
      const refused = await post(limited.url, { query: '{ plans { id } }' });
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBeTruthy();
      expect(((await refused.json()) as any).errors[0].extensions.code).toBe("RATE_LIMITED");
    } finally {
      await limited.stop();
    }
  });
});
