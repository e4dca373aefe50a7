import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import fresh from 'fresh';

/**
 * A strong validator of an answer: the SHA-256 of its exact bytes, so two answers share an ETag
 * only when they are byte for byte the same (RFC 9110 §8.8.3).
 */
export function strongEtag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}

/**
 * True when a conditional GET already holds this answer (If-None-Match names its ETag, weakly
 * compared as RFC 9110 §13.1.2 asks, or `*`), so that a 304 without a body suffices. Only
 * If-None-Match is read: a `cache-control: no-cache` of the request asks caches to revalidate
 * with the origin (RFC 9111 §5.2.1.4), and this is the origin (fetch adds it to every request
 * that sets If-None-Match itself).
 */
export function notModified(method: string, request: IncomingHttpHeaders, etag: string): boolean {
  const noneMatch = request['if-none-match'];
  return (method === 'GET' || method === 'HEAD') && typeof noneMatch === 'string' && fresh({ 'if-none-match': noneMatch }, { etag });
}
