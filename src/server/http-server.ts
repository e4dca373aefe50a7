import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Config } from '../config';
import { parseBookmarks, withCausality, MAX_BOOKMARKS } from '../graph/causality';
import type { DatabaseHealth } from '../graph/database-health';
import type { GraphClient } from '../graph/graph-client';
import { tokenFromHeaders } from '../auth/api-key';
import { AppError } from '../errors/app-error';
import { createContext, type Context } from '../schema/context';
import { answerInTime } from './answer-in-time';
import { NO_STORE } from './http-cache-policy';
import { notModified, strongEtag } from './http-etag';
import { SECURITY_HEADERS, sendError, sendJson } from './http-json';
import type { Logger } from './logger';
import { exportPlanGraph } from '../graph/read/plan-export';
import { toCsvTarGzip, toCsvZip, toJsonLd, toJsonLinesGzip } from '../export/formats';
import { RateLimiter } from './rate-limiter';
import { BodyNotUtf8Error, BodyTooLargeError, readBody } from './read-body';
import { checkGraphQLParams, paramsFromSearch, type GraphQLParams } from './request-checks';
import { asset, page } from './static-assets';

/**
 * The HTTP adapter: routes, body limits, content types, CORS, security headers. GraphQL itself
 * is Apollo's (executeHTTPGraphQLRequest); everything here is about HTTP only.
 *
 *   POST|GET /graphql   GraphQL over HTTP (GET with Accept: text/html serves GraphiQL)
 *   GET /healthz        the process is up
 *   GET /readyz         the database answers (503 otherwise)
 *   GET /explorer       the researchers' explorer page
 *   GET /assets/<name>  the explorer's files, from an allow-list
 *   GET /favicon.ico    the explorer's icon (SVG)
 *   GET /export/<plan>.jsonl.gz | .csv.tar.gz | .csv.zip | .jsonld   bulk export
 */

export interface HttpDeps {
  config: Config;
  apollo: ApolloServer<Context>;
  client: GraphClient;
  health: DatabaseHealth;
  logger: Logger;
  /** True once the process is shutting down: /readyz says so, so that load balancers stop sending. */
  draining?: () => boolean;
}

const HTML_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Read your writes on any replica: a response to a request that wrote carries the bookmark of its
 * writes in this header, and a request that sends it back reads after them (src/graph/causality.ts).
 */
const BOOKMARK_HEADER = 'plan-graph-bookmark';

function corsHeaders(req: IncomingMessage, config: Config): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin || !config.corsOrigins.includes(origin)) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    'access-control-expose-headers': `${BOOKMARK_HEADER}, x-request-id, x-cache, x-served-by`,
    vary: 'Origin',
  };
}

function sendStatic(res: ServerResponse, body: Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': `${type}; charset=utf-8`, 'content-length': body.length, ...extra });
  res.end(body);
}

/** Codes of errors that are the client's doing: never a 5xx, whichever phase raised them. */
const CLIENT_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'QUERY_TOO_COMPLEX', 'BAD_USER_INPUT', 'BAD_REQUEST']);

/**
 * graphql-armor's token limit runs in the parse phase and Apollo answers its errors with 500;
 * a response whose errors are all the client's gets 400 instead.
 */
function clientStatus(status: number, body: string): number {
  if (status < 500) return status;
  try {
    const errors = (JSON.parse(body) as { errors?: { extensions?: { code?: string } }[] }).errors ?? [];
    return errors.length > 0 && errors.every((e) => CLIENT_ERROR_CODES.has(e.extensions?.code ?? '')) ? 400 : status;
  } catch {
    return status;
  }
}

/** A write in flight may yet commit once the database answers again: the idempotency key makes the retry safe. */
const unavailableError = (): AppError =>
  new AppError('SERVICE_UNAVAILABLE', 'The database does not answer; try again shortly (a write may still commit: retry it with the same idempotency key)');

async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL, deps: HttpDeps, cors: Record<string, string>): Promise<void> {
  const arrivedAt = Date.now();
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'POST') {
    sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Use GET or POST on /graphql', { allow: 'GET, POST', ...cors });
    return;
  }
  const accept = String(req.headers.accept ?? '');
  if (method === 'GET' && !url.searchParams.has('query') && accept.includes('text/html')) {
    if (!deps.config.explorer) {
      sendError(res, 404, 'NOT_FOUND', 'The explorer is switched off on this server', cors);
      return;
    }
    sendStatic(res, page('graphiql.html'), 'text/html', { 'content-security-policy': HTML_CSP });
    return;
  }
  let body: unknown = undefined;
  if (method === 'POST') {
    const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    let text: string;
    try {
      text = await readBody(req, deps.config.limits.maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        sendError(res, 413, 'PAYLOAD_TOO_LARGE', `The request body exceeds ${deps.config.limits.maxBodyBytes} bytes`, { connection: 'close', ...cors });
        return;
      }
      if (error instanceof BodyNotUtf8Error) {
        sendError(res, 400, 'BAD_REQUEST', 'The body is not valid UTF-8: send the operation as UTF-8 JSON', cors);
        return;
      }
      throw error;
    }
    if (type !== 'application/json' && type !== 'application/graphql-response+json') {
      sendError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the operation as application/json', cors);
      return;
    }
    try {
      body = JSON.parse(text);
    } catch {
      sendError(res, 400, 'BAD_REQUEST', 'The body is not valid JSON', cors);
      return;
    }
    if (Array.isArray(body)) {
      sendError(res, 400, 'BAD_REQUEST', 'Batched operations are not supported: send one operation per request', cors);
      return;
    }
    if (body === null || typeof body !== 'object') {
      sendError(res, 400, 'BAD_REQUEST', 'The body must be a JSON object with a "query"', cors);
      return;
    }
  }
  const refusal = checkGraphQLParams(method === 'POST' ? (body as GraphQLParams) : paramsFromSearch(url.searchParams), deps.config.limits.maxTokens);
  if (refusal) {
    sendError(res, refusal.status, refusal.code, refusal.message, cors);
    return;
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const given = req.headers[BOOKMARK_HEADER];
  const after = given === undefined ? [] : parseBookmarks(Array.isArray(given) ? given.join(',') : given);
  if (after === null) {
    sendError(res, 400, 'BAD_REQUEST', `The ${BOOKMARK_HEADER} header must hold at most ${MAX_BOOKMARKS} bookmarks separated by commas, as a ${BOOKMARK_HEADER} response header gave them`, cors);
    return;
  }
  const requestId = typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'].slice(0, 100) : randomUUID();
  const context = createContext(deps.client, deps.config.limits, requestId, tokenFromHeaders(req.headers));
  const { causality, done: execution } = withCausality(after, () =>
    deps.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method, headers, search: url.search, body },
      context: async () => context,
    }),
  );
  const outcome = await answerInTime(execution, { arrivedAt, unavailableAfterMs: deps.config.availability.deadlineMs, health: deps.health, remainingMs: () => context.budget.remainingMs() });
  if (outcome.kind !== 'done') {
    // Something the operation waits for (the database, a slot) did not answer in time. The budget
    // is spent, so whatever still runs stops at its next field; the client hears now.
    const error = outcome.kind === 'unavailable' ? unavailableError() : context.budget.timeoutError();
    context.budget.stop(error);
    execution.catch((failure: unknown) => deps.logger.warn({ err: failure, requestId }, 'operation failed after its deadline'));
    // A GraphQL answer like any other failed execution: status 200, data null, one coded error.
    sendJson(res, 200, { data: null, errors: [{ message: error.message, extensions: { code: error.code, ...error.details } }] }, { 'retry-after': '5', 'x-request-id': requestId, ...cors });
    return;
  }
  const result = outcome.value;
  const out: Record<string, string> = { ...SECURITY_HEADERS, ...cors, 'x-request-id': requestId };
  for (const [key, value] of result.headers) out[key] = key === 'vary' && out.vary ? `${out.vary}, ${value}` : value;
  if (causality.written.length > 0) out[BOOKMARK_HEADER] = causality.written.join(', ');
  if (deps.config.instanceName) out['x-served-by'] = deps.config.instanceName;
  if (result.body.kind === 'complete') {
    const status = clientStatus(result.status ?? 200, result.body.string);
    out['cache-control'] = status === 200 ? (out['cache-control'] ?? NO_STORE) : NO_STORE;
    if (out['cache-control'] !== NO_STORE) {
      // A cacheable answer (see http-cache-policy.ts) gets a strong ETag; a GET that already
      // holds it hears 304 without a body.
      out.etag = strongEtag(result.body.string);
      if (notModified(method, req.headers, out.etag)) {
        res.writeHead(304, out);
        res.end();
        return;
      }
    }
    out['content-length'] = String(Buffer.byteLength(result.body.string));
    res.writeHead(status, out);
    res.end(result.body.string);
    return;
  }
  out['cache-control'] = NO_STORE;
  res.writeHead(result.status ?? 200, out);
  for await (const chunk of result.body.asyncIterator) res.write(chunk);
  res.end();
}

async function route(req: IncomingMessage, res: ServerResponse, deps: HttpDeps, limiter: RateLimiter): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const cors = corsHeaders(req, deps.config);
  // Exports are the dearest reads there are: they count against the same allowance.
  if (url.pathname === '/graphql' || url.pathname.startsWith('/export/')) {
    const wait = limiter.take(req.socket.remoteAddress ?? 'unknown');
    if (wait > 0) {
      sendError(res, 429, 'RATE_LIMITED', `Too many requests: at most ${deps.config.limits.rateLimitPerMinute} per minute; retry in ${wait} s`, { 'retry-after': String(wait), ...cors });
      return;
    }
  }
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      ...SECURITY_HEADERS,
      ...cors,
      ...(cors['access-control-allow-origin']
        ? { 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': `content-type, authorization, x-api-key, apollo-require-preflight, ${BOOKMARK_HEADER}`, 'access-control-max-age': '600' }
        : {}),
    });
    res.end();
    return;
  }
  switch (url.pathname) {
    case '/graphql':
      return handleGraphQL(req, res, url, deps, cors);
    case '/healthz':
      return sendJson(res, 200, { status: 'ok' });
    case '/readyz':
      // Answers within the probe's timeout even when the database accepts connections and never
      // answers (frozen), and feeds the health that stale-if-error reads.
      if (deps.draining?.()) return sendJson(res, 503, { status: 'draining', code: 'SERVICE_UNAVAILABLE', message: 'The server is shutting down' });
      try {
        await deps.health.ready();
        return sendJson(res, 200, { status: 'ready' });
      } catch {
        return sendJson(res, 503, { status: 'unavailable', code: 'SERVICE_UNAVAILABLE', message: 'The database does not answer' });
      }
    case '/favicon.ico': {
      const icon = asset('favicon.svg');
      return icon ? sendStatic(res, icon.body, icon.type, { 'cache-control': 'public, max-age=86400' }) : sendError(res, 404, 'NOT_FOUND', 'No icon');
    }
    case '/explorer':
    case '/':
      if (!deps.config.explorer) return sendError(res, 404, 'NOT_FOUND', 'The explorer is switched off on this server');
      return sendStatic(res, page('explorer.html'), 'text/html', { 'content-security-policy': HTML_CSP });
    default: {
      const exported = /^\/export\/([a-z0-9][a-z0-9-]{0,79})\.(jsonl\.gz|csv\.tar\.gz|csv\.zip|jsonld)$/.exec(url.pathname);
      if (exported) return sendExport(res, deps, exported[1], exported[2], cors);
      const name = url.pathname.startsWith('/assets/') ? url.pathname.slice('/assets/'.length) : null;
      const file = name !== null && deps.config.explorer ? asset(name) : null;
      if (file) return sendStatic(res, file.body, file.type, { 'cache-control': 'public, max-age=3600' });
      return sendError(res, 404, 'NOT_FOUND', `No route ${url.pathname}; the API is at /graphql`);
    }
  }
}

/** Bulk export of a plan's graph: JSON Lines (gzip), CSV files (tar.gz or zip) or JSON-LD (ELI). */
async function sendExport(res: ServerResponse, deps: HttpDeps, planId: string, format: string, cors: Record<string, string>): Promise<void> {
  const arrivedAt = Date.now();
  const unavailable = () => sendError(res, 503, 'SERVICE_UNAVAILABLE', 'The database does not answer; try again shortly', { 'retry-after': '5', ...cors });
  if (deps.health.isDown) return unavailable();
  // An export may take long on a live database; on one that does not answer, it ends at the
  // client-facing deadline like any request.
  const read = exportPlanGraph(deps.client, planId);
  const outcome = await answerInTime(read, { arrivedAt, unavailableAfterMs: deps.config.availability.deadlineMs, health: deps.health });
  if (outcome.kind !== 'done') {
    read.catch((failure: unknown) => deps.logger.warn({ err: failure, planId }, 'export failed after its deadline'));
    return unavailable();
  }
  const graph = outcome.value;
  if (!graph) return sendError(res, 404, 'NOT_FOUND', `plan "${planId}" does not exist`, cors);
  const [body, type] =
    format === 'jsonl.gz'
      ? [toJsonLinesGzip(graph), 'application/gzip']
      : format === 'csv.tar.gz'
        ? [toCsvTarGzip(graph, planId), 'application/gzip']
        : format === 'csv.zip'
          ? [toCsvZip(graph, planId), 'application/zip']
          : [Buffer.from(JSON.stringify(toJsonLd(graph))), 'application/ld+json'];
  res.writeHead(200, { ...SECURITY_HEADERS, ...cors, 'content-type': type, 'content-length': body.length, 'content-disposition': `attachment; filename="${planId}.${format}"` });
  res.end(body);
}

export function createHttpServer(deps: HttpDeps): Server {
  const limiter = new RateLimiter(deps.config.limits.rateLimitPerMinute);
  const server = createServer((req, res) => {
    route(req, res, deps, limiter).catch((error: unknown) => {
      // The path only: a query string may carry credentials (api_key=...), never logged.
      deps.logger.error({ err: error, path: (req.url ?? '').split('?')[0] }, 'request failed');
      if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      else res.end();
    });
  });
  // Slow or stuck clients must not hold sockets for ever.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  server.keepAliveTimeout = 5_000;
  return server;
}
