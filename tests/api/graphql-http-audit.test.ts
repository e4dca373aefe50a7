import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serverAudits, type AuditResult } from 'graphql-http';
import { startTestApi, type TestApi } from '../helpers/api';

/**
 * The GraphQL-over-HTTP audit suite of graphql-http against the running server. Every MUST audit
 * passes. SHOULD and MAY audits are compared with the committed baseline
 * (graphql-http-audit.baseline.json, audit id -> "ok" or "not ok"), which may only improve: an
 * audit the baseline says passes must pass, and every SHOULD/MAY audit must be in the baseline.
 * When one that failed starts to pass, set it to "ok" in the baseline.
 */
const BASELINE = JSON.parse(readFileSync(join(__dirname, 'graphql-http-audit.baseline.json'), 'utf8')) as Record<string, { name: string; result: 'ok' | 'not ok' }>;

describe('GraphQL over HTTP compliance (graphql-http serverAudits)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.stop());

  const audits = serverAudits({ url: () => api.url, fetchFn: fetch });
  const must = audits.filter((a) => a.name.startsWith('MUST'));
  const optional = audits.filter((a) => !a.name.startsWith('MUST'));

  it('has MUST audits and SHOULD/MAY audits to run', () => {
    expect(must.length).toBeGreaterThan(0);
    expect(optional.length).toBeGreaterThan(0);
    expect(must.length + optional.length).toBe(audits.length);
  });

  it.each(must.map((a) => [a.name, a] as const))('%s', async (_name, audit) => {
    const result: AuditResult = await audit.fn();
    expect({ status: result.status, reason: result.status === 'ok' ? '' : result.reason }).toEqual({ status: 'ok', reason: '' });
  });

  it('passes every SHOULD and MAY audit that the baseline says passes', async () => {
    const results: Record<string, { name: string; result: 'ok' | 'not ok' }> = {};
    for (const audit of optional) results[audit.id] = { name: audit.name, result: (await audit.fn()).status === 'ok' ? 'ok' : 'not ok' };
    expect(Object.keys(results).sort()).toEqual(Object.keys(BASELINE).sort());
    const regressions = Object.entries(BASELINE).filter(([id, b]) => b.result === 'ok' && results[id].result !== 'ok').map(([id, b]) => `${id} ${b.name}`);
    expect(regressions).toEqual([]);
  });
});
