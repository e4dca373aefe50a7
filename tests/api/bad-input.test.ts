import { request } from 'node:http';
import { startTestApi, type TestApi } from '../helpers/api';

/**
 * The catalogue of bad input (README, "Bad input"): each case gets exactly the status and the code
 * the README's table documents, never a 500, a hang or a crash; meanwhile other clients are served.
 */

interface Case {
  name: string;
  method?: string;
  contentType?: string;
  body?: string | Buffer;
  path?: string;
  headers?: Record<string, string>;
  /** The one status the README documents for the case. */
  status: number;
  code: string;
}

const q = (query: string, variables?: unknown) => JSON.stringify({ query, variables });
const deep = (n: number) => `{ plan { ${'chapters { plan { '.repeat(n)} id ${'} } '.repeat(n)} } }`;
const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: plans { id }`).join(' ')} }`;
const fragmentBomb = `query { plans { ...A } } fragment A on Plan { ...B ...B } fragment B on Plan { ...C ...C } fragment C on Plan { ...D ...D } fragment D on Plan { ...E ...E } fragment E on Plan { ...F ...F } fragment F on Plan { id title chapters { title sections { title } } }`;

export const CASES: Case[] = [
  { name: 'malformed JSON', body: '{"query": "{ plans { id } }"', status: 400, code: 'BAD_REQUEST' },
  { name: 'JSON that is not an object', body: '"hello"', status: 400, code: 'BAD_REQUEST' },
  { name: 'malformed GraphQL', body: q('{ plans { id '), status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  { name: 'unknown field', body: q('{ plans { nope } }'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'unknown type in a fragment', body: q('{ plans { ... on Nope { id } } }'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'wrong variable type', body: q('query($n: String!) { district(name: $n) { id } }', { n: 42 }), status: 400, code: 'BAD_USER_INPUT' },
  { name: 'missing required variable', body: q('query($n: String!) { place(name: $n) { id } }', {}), status: 400, code: 'BAD_USER_INPUT' },
  { name: 'malformed id', body: q('{ node(id: "") { id } }'), status: 200, code: 'BAD_USER_INPUT' },
  { name: 'malformed cursor', body: q('{ place(name: "万州") { tasks(after: "%%%") { totalCount } } }'), status: 200, code: 'BAD_USER_INPUT' },
  { name: 'page size above the limit', body: q('{ place(name: "万州") { tasks(first: 150) { totalCount } } }'), status: 200, code: 'BAD_USER_INPUT' },
  { name: 'huge page size (priced by the cost limit)', body: q('{ place(name: "万州") { tasks(first: 100000000) { totalCount } } }'), status: 400, code: 'QUERY_TOO_COMPLEX' },
  { name: 'unknown region', body: q('{ districts(region: "不存在") { id } }'), status: 200, code: 'NOT_FOUND' },
  { name: 'string of a megabyte in a variable', body: q('query($n: String!) { place(name: $n) { id } }', { n: 'x'.repeat(1_048_576) }), status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { name: 'long string argument under the body limit', body: q('query($n: String!) { search(query: $n) { totalCount } }', { n: '县'.repeat(5000) }), status: 200, code: 'BAD_USER_INPUT' },
  { name: 'deep nesting', body: q(deep(10)), status: 400, code: 'QUERY_TOO_COMPLEX' },
  { name: 'alias bomb', body: q(aliases(200)), status: 400, code: 'QUERY_TOO_COMPLEX' },
  { name: 'fragment bomb', body: q(fragmentBomb), status: 400, code: 'QUERY_TOO_COMPLEX' },
  { name: 'fragment cycle', body: q('{ plans { ...A } } fragment A on Plan { ...B } fragment B on Plan { ...A }'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'token flood', body: q(`{ plans { ${'id '.repeat(3000)} } }`), status: 400, code: 'QUERY_TOO_COMPLEX' },
  { name: 'batched array of operations', body: JSON.stringify([{ query: '{ plans { id } }' }, { query: '{ plans { id } }' }]), status: 400, code: 'BAD_REQUEST' },
  { name: 'wrong content type', contentType: 'text/plain', body: '{ plans { id } }', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'form content type (CSRF)', contentType: 'application/x-www-form-urlencoded', body: 'query=%7Bplans%7Bid%7D%7D', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'wrong method', method: 'DELETE', status: 405, code: 'METHOD_NOT_ALLOWED' },
  { name: 'GET without a CSRF preflight header', method: 'GET', path: '/graphql?query=%7Bplans%7Bid%7D%7D', status: 400, code: 'BAD_REQUEST' },
  { name: 'oversized body', body: Buffer.alloc(2_000_000, 0x20), status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { name: 'unknown route', method: 'GET', path: '/admin', status: 404, code: 'NOT_FOUND' },
  { name: 'variables nested deeper than 64 levels', body: `{"query":"query($k: [SearchKind!]) { search(query: \\"城镇化\\", kinds: $k) { totalCount } }","variables":{"k":${'['.repeat(40_000)}${']'.repeat(40_000)}}}`, status: 400, code: 'BAD_USER_INPUT' },
  { name: 'persisted query whose hash is not the query’s', body: JSON.stringify({ query: '{ plans { id } }', extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } }), status: 400, code: 'PERSISTED_QUERY_HASH_MISMATCH' },
  { name: 'persisted query of another protocol version', body: JSON.stringify({ query: '{ plans { id } }', extensions: { persistedQuery: { version: 2, sha256Hash: '0'.repeat(64) } } }), status: 400, code: 'PERSISTED_QUERY_VERSION_UNSUPPORTED' },
  { name: 'mutation without a key', body: q('mutation { recordObservation(input: {indicatorId: "x", year: 2023, value: 1, source: "s", reporter: "r"}) { id } }'), status: 200, code: 'UNAUTHENTICATED' },
];

/** Lucene syntax and odd characters, each searched as plain text; inputs with nothing to search are refused. */
export const SEARCH_INPUTS = ['a:b', '(', ')', '\\', 'AND OR NOT', '*', '?', '~2', '^3', '[1 TO 2]', '{a TO b}', '+-!&&||', '/regex/', '"unclosed', '保障"性', '\\"保障性\\"', '县'];
export const UNSEARCHABLE_INPUTS = ['　', ' ', '"', '""', '\u0000\u0007\u001b'];

function send(api: TestApi, c: Case): Promise<{ status: number; body: string }> {
  const url = new URL(c.path ?? '/graphql', api.url);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: c.method ?? 'POST', headers: { ...(c.body !== undefined ? { 'content-type': c.contentType ?? 'application/json' } : {}), ...c.headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    if (c.body !== undefined) req.end(c.body);
    else req.end();
  });
}

describe('bad input', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ RESPONSE_CACHE: 'false' });
  });
  afterAll(() => api.stop());

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const { status, body } = await send(api, c);
    const json = JSON.parse(body);
    expect({ status, code: json.errors?.[0]?.extensions?.code }).toEqual({ status: c.status, code: c.code });
    expect(body).not.toMatch(/at .*\.(js|ts):\d+|MATCH \(|Neo4jError/);
  });

  it('search input is never read as Lucene syntax', async () => {
    const search = async (query: string) => {
      const { status, body } = await send(api, { name: query, body: q('query($q: String!) { search(query: $q, first: 3) { totalCount } }', { q: query }), status: 200, code: '' });
      const json = JSON.parse(body);
      return { query, status, code: json.errors?.[0]?.extensions?.code ?? null, counted: typeof json.data?.search?.totalCount === 'number' };
    };
    for (const query of SEARCH_INPUTS) expect(await search(query)).toEqual({ query, status: 200, code: null, counted: true });
    for (const query of UNSEARCHABLE_INPUTS) expect(await search(query)).toEqual({ query, status: 200, code: 'BAD_USER_INPUT', counted: false });
  });

  it('keeps serving other clients while bad input arrives', async () => {
    const good = () => send(api, { name: 'good', body: q('{ district(name: "忠县") { tasks(first: 3) { totalCount } } }'), status: 200, code: '' });
    const results = await Promise.all([...CASES.map((c) => send(api, c)), ...Array.from({ length: 10 }, good)]);
    const goods = results.slice(CASES.length);
    // 7 tasks name 忠县 (tests/api/contract.test.ts counts them by hand).
    expect(goods.map((r) => [r.status, JSON.parse(r.body).data.district.tasks.totalCount])).toEqual(Array.from({ length: 10 }, () => [200, 7]));
    expect(results.slice(0, CASES.length).map((r) => r.status)).toEqual(CASES.map((c) => c.status));
  });
});
