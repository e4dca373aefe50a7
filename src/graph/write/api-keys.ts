import { z } from 'zod';
import { ROLES, type Role } from '../../auth/api-key';
import { decodeRow, optional, rowShape } from '../decode';
import { AppError } from '../../errors/app-error';
import type { GraphClient, WriteTx } from '../graph-client';
import { appendAuditEvent } from './audit';
import { idempotent } from './idempotency';
import { idempotencyRequest } from './idempotency-request';

/** Stored keys: id `key/<keyId>`, the SHA-256 of the secret, never the secret itself. */
const ApiKey = z.object({
  id: z.string(),
  keyId: z.string(),
  name: z.string(),
  role: z.custom<Role>((v) => ROLES.some((r) => r === v), { message: `role must be one of ${ROLES.join(', ')}` }),
  hash: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  revokedAt: optional(z.string()),
  revokedBy: optional(z.string()),
});
export type ApiKeyRow = z.output<typeof ApiKey>;
const ApiKeyShape = rowShape('ApiKey', ApiKey);
const KeyRow = rowShape('ApiKeyLookup', z.object({ key: ApiKey }));

export interface Actor {
  name: string;
  keyId: string | null;
}

export const CREATE_KEY = `
CREATE (k:ApiKey {id: $id, keyId: $keyId, name: $name, role: $role, hash: $hash, createdAt: $at, createdBy: $actor, revokedAt: null})
RETURN k {.*} AS key`;

export const FIND_KEY = `MATCH (k:ApiKey {id: $id}) RETURN k {.*} AS key`;

export const REVOKE_KEY = `
MATCH (k:ApiKey {id: $id})
WITH k, k {.*} AS before
SET k.revokedAt = coalesce(k.revokedAt, $at), k.revokedBy = coalesce(k.revokedBy, $actor)
RETURN before, k {.*} AS key`;

export const LIST_KEYS = `MATCH (k:ApiKey) RETURN k {.*} AS key ORDER BY k.createdAt`;

/** What an audit event may say about a key: never its hash. */
const publicKey = (k: ApiKeyRow) => ({ keyId: k.keyId, name: k.name, role: k.role, revokedAt: k.revokedAt ?? null });

export async function createKey(client: GraphClient, key: { keyId: string; name: string; role: Role; hash: string }, actor: Actor, idempotencyKey: string | null = null): Promise<ApiKeyRow> {
  return client.write(async (tx) => {
    const at = new Date().toISOString();
    const request = idempotencyRequest(actor, idempotencyKey, 'issueApiKey', { name: key.name, role: key.role });
    return idempotent(tx, request, at, () => writeKey(tx, key, actor, at), (stored) => {
      // The token was shown once and is stored nowhere: a retry cannot show it again.
      const keyId = typeof stored === 'object' && stored !== null && 'keyId' in stored ? String(stored.keyId) : 'unknown';
      throw new AppError('CONFLICT', `A key was already issued with this idempotency key (keyId ${keyId}); its token was shown once. If it was lost, revoke that key and issue a new one.`, { keyId });
    }, publicKey);
  });
}

async function writeKey(tx: WriteTx, key: { keyId: string; name: string; role: Role; hash: string }, actor: Actor, at: string): Promise<ApiKeyRow> {
  const result = await tx.run(CREATE_KEY, { id: `key/${key.keyId}`, ...key, at, actor: actor.name });
  const row = decodeRow(ApiKeyShape, result.records[0].get('key'));
  await appendAuditEvent(tx, { actor: actor.name, keyId: actor.keyId, action: 'key.issue', aboutId: row.id, recordId: row.id, before: null, after: publicKey(row) }, at);
  return row;
}

export async function revokeKey(client: GraphClient, keyId: string, actor: Actor): Promise<ApiKeyRow | null> {
  return client.write(async (tx) => {
    const at = new Date().toISOString();
    const result = await tx.run(REVOKE_KEY, { id: `key/${keyId}`, at, actor: actor.name });
    if (result.records.length === 0) return null;
    const before = decodeRow(ApiKeyShape, result.records[0].get('before'));
    const row = decodeRow(ApiKeyShape, result.records[0].get('key'));
    // Revoking a revoked key changes nothing, so it writes no event either.
    if (before.revokedAt) return row;
    await appendAuditEvent(tx, { actor: actor.name, keyId: actor.keyId, action: 'key.revoke', aboutId: row.id, recordId: row.id, before: publicKey(before), after: publicKey(row) }, at);
    return row;
  });
}

export async function findKey(client: GraphClient, keyId: string): Promise<ApiKeyRow | null> {
  const [row] = await client.readRows(FIND_KEY, { id: `key/${keyId}` }, KeyRow);
  return row?.key ?? null;
}

export async function listKeys(client: GraphClient): Promise<ApiKeyRow[]> {
  return (await client.readRows(LIST_KEYS, {}, KeyRow)).map((r) => r.key);
}
