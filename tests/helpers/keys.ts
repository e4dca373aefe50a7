import { generateKey, hashSecret, type Role } from '../../src/auth/api-key';
import type { GraphClient } from '../../src/graph/graph-client';
import { createKey } from '../../src/graph/write/api-keys';

/** Issues a real key in the test database, as the keys CLI does. */
export async function issueTestKey(client: GraphClient, name: string, role: Role): Promise<{ token: string; keyId: string }> {
  const issued = generateKey();
  await createKey(client, { keyId: issued.keyId, name, role, hash: hashSecret(issued.secret) }, { name: 'test-setup', keyId: null });
  return { token: issued.token, keyId: issued.keyId };
}
