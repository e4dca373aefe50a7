import type { GraphClient } from '../graph/graph-client';
import { findKey } from '../graph/write/api-keys';
import { parseToken, secretMatches, type Role } from './api-key';

export interface Principal {
  keyId: string;
  name: string;
  role: Role;
}

/** null: no key was sent. 'invalid': a key was sent but is malformed, unknown or revoked. */
export type AuthResult = Principal | 'invalid' | null;

export async function authenticate(client: GraphClient, token: string | null): Promise<AuthResult> {
  if (token === null) return null;
  const parsed = parseToken(token);
  if (!parsed) return 'invalid';
  const key = await findKey(client, parsed.keyId);
  if (!key || key.revokedAt || !secretMatches(parsed.secret, key.hash)) return 'invalid';
  return { keyId: key.keyId, name: key.name, role: key.role };
}
