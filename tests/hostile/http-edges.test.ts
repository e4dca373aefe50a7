import http from 'node:http';
import { startTestApi, type TestApi } from '../helpers/api';

/** Bodies that are too large or not UTF-8 get their status, and the client can read it. */
jest.setTimeout(180_000);

describe('request bodies at the edge', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ RESPONSE_CACHE: 'false' });
  });
  afterAll(() => api.stop());

  const raw = (body: Buffer, chunked: boolean) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const url = new URL(api.url);
      const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', ...(chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': body.length }) } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      // Sent in pieces, as a client streaming a large body would.
      for (let offset = 0; offset < body.length; offset += 64 * 1024) req.write(body.subarray(offset, offset + 64 * 1024));
      req.end();
    });

  it('answers a 3 MB chunked body with a readable 413', async () => {
    const body = Buffer.from(JSON.stringify({ query: `{ plans { id } }`, variables: { pad: 'x'.repeat(3 * 1024 * 1024) } }));
    const res = await raw(body, true);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a body that is not UTF-8 instead of storing U+FFFD', async () => {
    const body = Buffer.concat([Buffer.from('{"query":"{ place(name: \\"'), Buffer.from([0xff, 0xfe]), Buffer.from('\\") { id } }"}')]);
    const res = await raw(body, false);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});
