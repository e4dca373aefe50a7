import type { IncomingMessage } from 'node:http';

export class BodyTooLargeError extends Error {}
export class BodyNotUtf8Error extends Error {}

/**
 * How much of an oversized body is read and thrown away so that the client, still sending, gets
 * to read the 413 instead of a broken pipe. Beyond this the connection is simply cut.
 */
const DISCARD_LIMIT_BYTES = 16 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a request body up to `limit` bytes and decodes it as UTF-8. A declared length over the
 * limit rejects at once; a body that grows past it (chunked) is read to its end without keeping
 * it, then rejects. Invalid UTF-8 rejects with BodyNotUtf8Error (never U+FFFD in the graph).
 */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new BodyTooLargeError());
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > DISCARD_LIMIT_BYTES) {
        reject(new BodyTooLargeError());
        req.socket.destroy();
        return;
      }
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > limit) return reject(new BodyTooLargeError());
      try {
        resolve(utf8.decode(Buffer.concat(chunks)));
      } catch {
        reject(new BodyNotUtf8Error());
      }
    });
    req.on('error', reject);
  });
}
