import { serverAudits } from 'graphql-http';
import { startTestApi, type TestApi } from '../helpers/api';

/** The GraphQL-over-HTTP audit suite of graphql-http against the running server: every MUST passes. */
describe('GraphQL over HTTP compliance (graphql-http serverAudits)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.stop());

  for (const audit of serverAudits({ url: () => api.url, fetchFn: fetch })) {
    const must = audit.name.startsWith('MUST');
    (must ? it : it)(audit.name, async () => {
      const result = await audit.fn();
      if (must) expect({ audit: audit.name, status: result.status, reason: result.status === 'ok' ? '' : result.reason }).toEqual({ audit: audit.name, status: 'ok', reason: '' });
    });
  }
});
