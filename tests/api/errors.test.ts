import { startTestApi, type TestApi } from '../helpers/api';

/** Expected errors carry a stable code and name the field; the server keeps serving. */
describe('errors with codes', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.stop());

  const code = (body: { errors?: { extensions?: Record<string, unknown> }[] }) => body.errors?.[0]?.extensions?.code;

  it('validates arguments with class-validator and names the field', async () => {
    const { status, body } = await api.gql(`{ district(code: "12") { name } }`);
    expect(status).toBe(200);
    expect(code(body)).toBe('BAD_USER_INPUT');
    expect(body.errors![0].message).toMatch(/^code: code must be six digits/);
    // first: 0 asks for the count alone; below it is refused.
    const page = await api.gql(`{ place(name: "万州") { tasks(first: -1) { totalCount } } }`);
    expect(code(page.body)).toBe('BAD_USER_INPUT');
    expect(page.body.errors![0].message).toMatch(/^first: /);
    const tooBig = await api.gql(`{ place(name: "万州") { tasks(first: 500) { totalCount } } }`);
    expect(code(tooBig.body)).toBe('BAD_USER_INPUT');
    expect(tooBig.body.errors![0].message).toBe('first must be at most 100');
  });

  it('rejects unknown fields and malformed documents with GraphQL codes', async () => {
    expect(code((await api.gql(`{ nope }`)).body)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(code((await api.gql(`{ plan { `)).body)).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('answers HTTP mistakes with 4xx and a code', async () => {
    const bad = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
    const wrongType = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{ plans { id } }' });
    expect(wrongType.status).toBe(415);
    const put = await fetch(api.url, { method: 'PUT', body: '{}' });
    expect(put.status).toBe(405);
    const batch = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[{"query":"{plans{id}}"}]' });
    expect(batch.status).toBe(400);
    const huge = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ search(query: "${'a'.repeat(200_000)}") { totalCount } }` }) });
    expect(huge.status).toBe(413);
    const ok = await api.gql(`{ plans { id } }`);
    expect(ok.status).toBe(200);
  });

  it('limits depth and aliases with QUERY_TOO_COMPLEX', async () => {
    const deep = `{ plan { chapters { plan { chapters { plan { chapters { plan { chapters { plan { chapters { plan { chapters { number } } } } } } } } } } } } }`;
    const d = await api.gql(deep);
    expect(code(d.body)).toBe('QUERY_TOO_COMPLEX');
    const aliases = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: plans { id }`).join(' ')} }`;
    expect(code((await api.gql(aliases)).body)).toBe('QUERY_TOO_COMPLEX');
  });

  it('serves health and readiness', async () => {
    const base = api.url.replace('/graphql', '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('serves GraphiQL from its own assets (no CDN)', async () => {
    const page = await fetch(api.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/assets/graphiql.js');
    expect(html).not.toMatch(/https?:\/\//);
    const js = await fetch(api.url.replace('/graphql', '/assets/graphiql.js'));
    expect(js.status).toBe(200);
    expect((await js.text()).length).toBeGreaterThan(100_000);
  });
});
