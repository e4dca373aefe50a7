import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import httpProxy from 'http-proxy';

/**
 * A round-robin HTTP load balancer over API replicas (http-proxy): each request goes to the next
 * replica in turn; a replica that refuses the connection is skipped for that request, and the
 * request goes to the one after it. For running replicas on one machine and for the replica tests;
 * in production the compose profile `replicas` puts nginx in front instead (deploy/nginx.conf).
 *
 * Nothing is sticky: every replica must answer every request alike (src/graph/causality.ts for
 * reading your writes on another replica).
 */
export interface Balancer {
  url: string;
  close(): Promise<void>;
}

export async function startBalancer(targets: string[], port = 0, host = '127.0.0.1'): Promise<Balancer> {
  if (targets.length === 0) throw new Error('startBalancer: no replica to balance over');
  const proxy = httpProxy.createProxyServer({ xfwd: true, proxyTimeout: 120_000 });
  let next = 0;
  const forward = (req: IncomingMessage, res: ServerResponse, tries: number): void => {
    const target = targets[next++ % targets.length];
    proxy.web(req, res, { target }, (error: NodeJS.ErrnoException) => {
      // Only a refused connection is retried: nothing reached that replica, so nothing ran twice.
      if (error.code === 'ECONNREFUSED' && tries + 1 < targets.length && !res.headersSent) return forward(req, res, tries + 1);
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      // The shape of the API's own HTTP-level refusals, so that clients read one error format.
      res.end(JSON.stringify({ errors: [{ message: 'No replica answered; try again shortly', extensions: { code: 'BAD_GATEWAY' } }] }));
    });
  };
  const server = createServer((req, res) => forward(req, res, 0));
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        proxy.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
