import { createHash } from 'node:crypto';
import { getNamedType, parse, type GraphQLSchema } from 'graphql';
import { loadConfig } from '../../src/config';
import { SEED_PLAN_ID } from '../../src/load/seed-plan';
import { buildPlanGraphSchema } from '../../src/schema/build-schema';
import { typeCacheScope } from '../../src/server/cache-scope';
import { httpCacheControl } from '../../src/server/http-cache-policy';
import { startTestApi, type TestApi } from '../helpers/api';
import { issueTestKey } from '../helpers/keys';

/**
 * HTTP caching at the edge: public reads carry `public, max-age` and a strong ETag (the SHA-256 of
 * the body, recomputed here), a conditional GET answers 304, reads of monitoring records are
 * short-lived, and keyed requests, mutations and errors are never stored, as a CDN would see them.
 */
jest.setTimeout(180_000);

// 支持垫江、忠县、彭水开展国家县城新型城镇化建设示范 (chapter 3, section 5, paragraph 1, sentence 3).
const TASK = `${SEED_PLAN_ID}/chp_3__sec_5__para_1__sent_3`;

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');
const strongEtagOf = (text: string) => `"${createHash('sha256').update(text).digest('base64url')}"`;

describe('HTTP caching', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ HTTP_CACHE_MAX_AGE: '120', HTTP_CACHE_RECORDS_MAX_AGE: '7' });
  });
  afterAll(() => api.stop());

  /** A GET as a browser or CDN sends it (Apollo's CSRF prevention wants the preflight header). */
  const get = async (params: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const search = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
    const res = await fetch(`${api.url}?${search}`, { headers: { 'apollo-require-preflight': 'true', ...headers } });
    return { status: res.status, headers: res.headers, text: await res.text() };
  };
  const post = async (body: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { status: res.status, headers: res.headers, text: await res.text() };
  };

  it('answers the second of two identical APQ GET reads with 304 (If-None-Match), as a CDN revalidates', async () => {
    const query = '{ district(name: "忠县") { name tasks(first: 2) { totalCount } } }';
    const apq = { persistedQuery: { version: 1, sha256Hash: sha256Hex(query) } };

    // The hash alone is unknown until a client sends the query with it once.
    const unknown = await get({ extensions: apq });
    expect(JSON.parse(unknown.text).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(unknown.headers.get('cache-control')).toBe('no-store');
    expect(unknown.headers.get('etag')).toBeNull();
    const registered = await get({ query, extensions: apq });
    expect(registered.status).toBe(200);

    const first = await get({ extensions: apq });
    expect(first.status).toBe(200);
    // Read by hand: 忠县 is named in 7 tasks of the seed plan.
    expect(JSON.parse(first.text).data.district).toEqual({ name: '忠县', tasks: { totalCount: 7 } });
    expect(first.headers.get('cache-control')).toBe('public, max-age=120');
    expect(first.headers.get('vary')).toMatch(/authorization/i);
    expect(first.headers.get('etag')).toBe(strongEtagOf(first.text));

    const second = await get({ extensions: apq }, { 'if-none-match': first.headers.get('etag')! });
    expect(second.status).toBe(304);
    expect(second.text).toBe('');
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(second.headers.get('cache-control')).toBe('public, max-age=120');

    // Another validator, or an end-to-end reload, gets the whole answer again.
    const other = await get({ extensions: apq }, { 'if-none-match': '"something-else"' });
    expect(other.status).toBe(200);
    expect(other.text).toBe(first.text);
    // A weak comparison, and a list of validators, as RFC 9110 asks of If-None-Match.
    const listed = await get({ extensions: apq }, { 'if-none-match': `"other", W/${first.headers.get('etag')}` });
    expect(listed.status).toBe(304);
  });

  it('gives answers that read monitoring records a short max-age, a connection counted as its nodes', async () => {
    // Only the count of a connection of records: it changes with every record all the same.
    const count = { query: '{ auditTrail(first: 1) { totalCount } }' };
    const before = await post(count);
    expect(before.headers.get('cache-control')).toBe('public, max-age=7');
    expect(before.headers.get('etag')).toBe(strongEtagOf(before.text));
    expect((await post(count)).headers.get('x-cache')).toBe('hit');

    const editor = await issueTestKey(api.graph, 'http-cache-editor', 'editor');
    const report = await post(
      { query: 'mutation($i: ReportProgressInput!) { reportProgress(input: $i) { id } }', variables: { i: { taskId: TASK, place: '忠县', period: '2033-Q1', status: 'done', reporter: 'http-cache-test' } } },
      { authorization: `Bearer ${editor.token}` },
    );
    expect(JSON.parse(report.text).errors).toBeUndefined();
    expect(report.headers.get('cache-control')).toBe('no-store');

    const after = await post(count);
    expect(JSON.parse(after.text).data.auditTrail.totalCount).toBe(JSON.parse(before.text).data.auditTrail.totalCount + 1);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
  });

  it('never lets a keyed request, a mutation or an error be stored', async () => {
    const read = { query: '{ plans { id } }' };
    expect((await post(read)).headers.get('cache-control')).toBe('public, max-age=120');
    const keyHeaders: Record<string, string>[] = [{ authorization: 'Bearer not-a-key' }, { 'x-api-key': 'not-a-key' }];
    for (const headers of keyHeaders) {
      const keyed = await post(read, headers);
      expect(keyed.headers.get('cache-control')).toBe('no-store');
      expect(keyed.headers.get('etag')).toBeNull();
    }
    const mutation = await post({ query: 'mutation { revokeApiKey(keyId: "nope", idempotencyKey: "http-cache-1") { keyId } }' });
    expect(JSON.parse(mutation.text).errors.length).toBeGreaterThan(0);
    expect(mutation.headers.get('cache-control')).toBe('no-store');
    const failed = await post({ query: '{ districts(region: "没有这个地区") { name } }' });
    expect(JSON.parse(failed.text).errors[0].extensions.code).toBe('NOT_FOUND');
    expect(failed.headers.get('cache-control')).toBe('no-store');
    const invalid = await post({ query: '{ noSuchField }' });
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('cache-control')).toBe('no-store');
    expect((await fetch(api.url.replace('/graphql', '/readyz'))).headers.get('cache-control')).toBe('no-store');
  });

  it('never serves an answer that a key could see to an anonymous caller from the response cache', async () => {
    const admin = await issueTestKey(api.graph, 'http-cache-admin', 'admin');
    const keyEvents = { query: '{ auditTrail(action: "key", first: 100) { totalCount } }' };
    const asAdmin = JSON.parse((await post(keyEvents, { authorization: `Bearer ${admin.token}` })).text);
    // Issuing the key above wrote one key event.
    expect(asAdmin.data.auditTrail.totalCount).toBeGreaterThanOrEqual(1);
    const anonymous = JSON.parse((await post(keyEvents)).text);
    expect(anonymous.data.auditTrail.totalCount).toBe(0);
  });
});

describe('HTTP cache policy by scope', () => {
  let schema: GraphQLSchema;
  const config = loadConfig({}).httpCache;
  beforeAll(async () => {
    schema = await buildPlanGraphSchema();
  });

  /** A query field whose type carries the hint, found in the schema (not a hard-coded name). */
  const queryFieldOfScope = (scope: string): string => {
    const fields = Object.values(schema.getQueryType()!.getFields());
    const field = fields.find((f) => typeCacheScope(getNamedType(f.type)) === scope);
    if (!field) throw new Error(`no query field returns a type of scope ${scope}`);
    return field.name;
  };
  const policy = (source: string, over: Partial<Parameters<typeof httpCacheControl>[0]> = {}) => {
    const document = parse(source);
    const operation = document.definitions[0].kind === 'OperationDefinition' ? document.definitions[0].operation : undefined;
    return httpCacheControl({ schema, document, operation, keyed: false, hasErrors: false, stale: false, ...over }, config);
  };

  it('keeps plan reads for HTTP_CACHE_MAX_AGE, records reads for HTTP_CACHE_RECORDS_MAX_AGE, and never a private type', () => {
    expect(config).toEqual({ maxAgeSeconds: 300, recordsMaxAgeSeconds: 5 });
    expect(policy('{ plans { id } }')).toBe('public, max-age=300');
    const records = queryFieldOfScope('records');
    expect(policy(`{ ${records}${requiredArgs(schema, records)} { __typename } }`)).toBe('public, max-age=5');
    const privateField = queryFieldOfScope('private');
    expect(policy(`{ ${privateField}${requiredArgs(schema, privateField)} { __typename } }`)).toBe('no-store');
    expect(policy('{ plans { id } }', { stale: true })).toBe('no-store');
    expect(policy('{ plans { id } }', { hasErrors: true })).toBe('no-store');
    expect(policy('{ plans { id } }', { keyed: true })).toBe('no-store');
    expect(policy('mutation { revokeApiKey(keyId: "x", idempotencyKey: "xxxxxxxx") { keyId } }')).toBe('no-store');
  });

  it('turns a max-age of 0 into no-store', () => {
    const off = loadConfig({ HTTP_CACHE_MAX_AGE: '0', HTTP_CACHE_RECORDS_MAX_AGE: '0' }).httpCache;
    const document = parse('{ plans { id } }');
    expect(httpCacheControl({ schema, document, operation: 'query', keyed: false, hasErrors: false, stale: false }, off)).toBe('no-store');
  });
});

/** Placeholder values for a field's required arguments: the policy reads the document only. */
function requiredArgs(schema: GraphQLSchema, field: string): string {
  const args = schema.getQueryType()!.getFields()[field].args.filter((a) => a.type.toString().endsWith('!'));
  return args.length === 0 ? '' : `(${args.map((a) => `${a.name}: "x"`).join(', ')})`;
}
