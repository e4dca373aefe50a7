import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API keys: `pgk_<keyId>_<secret>`. The key id is public (it names the key in lists and audit
 * events); the secret is 32 random bytes shown once at issue and stored only as its SHA-256.
 * A fast hash is enough for 256-bit random secrets (no dictionary to guess from).
 */

export type Role = 'editor' | 'admin';
export const ROLES: readonly Role[] = ['editor', 'admin'];

export interface IssuedKey {
  keyId: string;
  secret: string;
  token: string;
}

const TOKEN = /^pgk_([a-f0-9]{12})_([A-Za-z0-9_-]{43})$/;

export function generateKey(): IssuedKey {
  const keyId = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { keyId, secret, token: `pgk_${keyId}_${secret}` };
}

export function parseToken(token: string): { keyId: string; secret: string } | null {
  const m = TOKEN.exec(token.trim());
  return m ? { keyId: m[1], secret: m[2] } : null;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The key a request carries: `Authorization: Bearer <key>` or `x-api-key: <key>`. */
export function tokenFromHeaders(headers: Record<string, string | string[] | undefined>): string | null {
  const auth = headers.authorization;
  if (typeof auth === 'string' && /^Bearer\s+/i.test(auth)) return auth.replace(/^Bearer\s+/i, '').trim();
  const key = headers['x-api-key'];
  return typeof key === 'string' && key.trim() ? key.trim() : null;
}

/** Does a principal with `role` hold the rights of `required`? admin includes editor. */
export function roleAllows(role: Role, required: Role): boolean {
  return role === 'admin' || role === required;
}
