import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { AppError } from '../../src/errors/app-error';
import { startApi, type RunningApi } from '../../src/main';
import { createFormatError } from '../../src/server/format-error';
import { createLogger } from '../../src/server/logger';
import { startLoggedApi, testApiConfig } from '../helpers/api';

/**
 * Errors are shown or masked by their class, not their text; requests that Apollo would answer
 * with INTERNAL_SERVER_ERROR or a stack overflow get a 400 with a code; production suggests nothing.
 */
describe('error masking by class', () => {
  let lines: string[] = [];
  let api: RunningApi;
  let production: RunningApi;

  beforeAll(async () => {
    ({ api, lines } = await startLoggedApi({ RESPONSE_CACHE: 'false' }, 'trace'));
    production = await startApi(testApiConfig({ RESPONSE_CACHE: 'false', NODE_ENV: 'production' }), createLogger('silent'));
  }, 240_000);
  afterAll(async () => {
    await api.stop();
    await production.stop();
  });

  const post = async (url: string, body: unknown) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, text, body: JSON.parse(text) as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
  };
  /** pino writes level 50 for error, 60 for fatal. */
  const errorLines = () => lines.filter((l) => /"level":(50|60)/.test(l));

  describe('the formatter', () => {
    const logged: unknown[] = [];
    const format = createFormatError({ error: (o: unknown) => logged.push(o) } as never);

    it('masks an internal error whose message reads like a validation error', () => {
      const shown = format(
        { message: 'Variable "$id" got invalid value: MATCH (n) failed', path: ['node'] },
        new GraphQLError('Variable "$id" got invalid value: MATCH (n) failed', { path: ['node'], originalError: new Error('Variable "$id" got invalid value: MATCH (n) failed') }),
      );
      expect(shown).toEqual({ message: 'Internal server error', path: ['node'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(logged).toHaveLength(1);
    });

    it('masks a request-phase error caused by a plain Error (a plugin or context that threw)', () => {
      const shown = format({ message: 'Cannot query field "x": boom', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, new GraphQLError('Cannot query field "x": boom', { originalError: new TypeError('boom') }));
      expect(shown.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    });

    it('shows an AppError found anywhere in the chain, with its code', () => {
      const wrapped = new GraphQLError('Context creation failed: nope', { originalError: new AppError('UNAUTHENTICATED', 'The API key is invalid or revoked') });
      expect(format({ message: 'Context creation failed: nope' }, wrapped)).toMatchObject({ message: 'The API key is invalid or revoked', extensions: { code: 'UNAUTHENTICATED' } });
    });
  });

  it('answers a persisted query whose hash is not the query’s with 400 PERSISTED_QUERY_HASH_MISMATCH, logging no error', async () => {
    const before = errorLines().length;
    const query = '{ plans { id } }';
    const wrong = createHash('sha256').update('{ plans { title } }').digest('hex');
    const res = await post(api.url, { query, extensions: { persistedQuery: { version: 1, sha256Hash: wrong } } });
    expect({ status: res.status, code: res.body.errors?.[0].extensions?.code }).toEqual({ status: 400, code: 'PERSISTED_QUERY_HASH_MISMATCH' });
    const right = createHash('sha256').update(query).digest('hex');
    const ok = await post(api.url, { query, extensions: { persistedQuery: { version: 1, sha256Hash: right } } });
    expect(ok.status).toBe(200);
    expect(ok.body.errors).toBeUndefined();
    expect(errorLines().length).toBe(before);
  });

  it('answers persisted query version 2 with 400 PERSISTED_QUERY_VERSION_UNSUPPORTED, logging no error', async () => {
    const before = errorLines().length;
    const query = '{ plans { id } }';
    const res = await post(api.url, { query, extensions: { persistedQuery: { version: 2, sha256Hash: createHash('sha256').update(query).digest('hex') } } });
    expect({ status: res.status, code: res.body.errors?.[0].extensions?.code }).toEqual({ status: 400, code: 'PERSISTED_QUERY_VERSION_UNSUPPORTED' });
    expect(errorLines().length).toBe(before);
  });

  it('answers variables nested 45,000 deep with 400 BAD_USER_INPUT, no RangeError, and keeps serving', async () => {
    // Within MAX_BODY_BYTES (100 kB): lists 45,000 deep, objects 15,000 deep.
    const depth = 45_000;
    const deep = `{"query":"query($i: RecordObservationInput!) { recordObservation(input: $i) { id } }","variables":{"i":${'{"a":'.repeat(15_000)}1${'}'.repeat(15_000)}}}`;
    const res = await post(api.url, deep);
    expect({ status: res.status, code: res.body.errors?.[0].extensions?.code }).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
    expect(res.text).not.toMatch(/RangeError|call stack/i);
    const list = `{"query":"query($k: [SearchKind!]) { search(query: \\"城镇化\\", kinds: $k) { totalCount } }","variables":{"k":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
    const listed = await post(api.url, list);
    expect({ status: listed.status, code: listed.body.errors?.[0].extensions?.code }).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
    expect(listed.text).not.toMatch(/RangeError|call stack/i);
    expect((await post(api.url, { query: '{ plans { id } }' })).status).toBe(200);
  });

  it('suggests no enum values in production, in variables or in the document', async () => {
    const query = 'query($k: [SearchKind!]) { search(query: "城镇化", kinds: $k) { totalCount } }';
    const variable = await post(production.url, { query, variables: { k: ['Tas'] } });
    expect(variable.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(variable.text).not.toMatch(/Did you mean/);
    const literal = await post(production.url, { query: '{ search(query: "城镇化", kinds: [Tas]) { totalCount } }' });
    expect(literal.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(literal.text).not.toMatch(/Did you mean/);
    // Outside production the suggestion stays: it helps whoever writes the query.
    const dev = await post(api.url, { query, variables: { k: ['Tas'] } });
    expect(dev.body.errors?.[0].message).toMatch(/Did you mean the enum value "Task"\?/);
  });
});
