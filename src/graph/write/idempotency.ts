import { createHash } from 'node:crypto';
import { AppError } from '../../errors/app-error';
import type { WriteTx } from '../graph-client';

/**
 * Idempotent writes. A client sends an idempotency key with a mutation; the first write with it
 * stores its answer in the same transaction, so a retry with the same key (after a timeout, a
 * lost connection, a restart of any replica) returns that answer and writes nothing. Keys are
 * scoped by the caller's API key, so two callers never collide. Reusing a key for a different
 * request is refused with IDEMPOTENCY_KEY_REUSED.
 *
 * Concurrency: the MERGE on a uniquely constrained id makes a concurrent retry wait until the
 * first transaction ends; it then finds the stored answer (or, if the first rolled back, writes).
 */

export interface IdempotencyRequest {
  /** Who asks (API key id); keys of different callers never collide. */
  callerKeyId: string;
  key: string;
  /** The mutation's name and its input: a retry must repeat them exactly. */
  operation: string;
  input: unknown;
}

export const CLAIM_IDEMPOTENCY_KEY = `
MERGE (i:IdempotentWrite {id: $id})
ON CREATE SET i.createdAt = $at, i.operation = $operation, i.requestHash = $requestHash
RETURN i.requestHash AS requestHash, i.operation AS operation, i.response AS response`;

export const STORE_IDEMPOTENT_RESPONSE = `
MATCH (i:IdempotentWrite {id: $id})
SET i.response = $response`;

const hashOf = (operation: string, input: unknown): string => createHash('sha256').update(JSON.stringify([operation, input])).digest('hex');

/**
 * Runs `write` at most once per idempotency key, inside `tx`; without a key, simply runs it. The
 * answer is stored as JSON (`toStored` of it: leave out what must not be kept twice); a retry gets
 * `replay` of the stored answer (which may refuse, for answers that held a secret).
 */
export async function idempotent<T>(
  tx: WriteTx,
  request: IdempotencyRequest | null,
  at: string,
  write: () => Promise<T>,
  replay: (stored: unknown) => T,
  toStored: (answer: T) => unknown = (answer) => answer,
): Promise<T> {
  if (!request) return write();
  const id = `idem/${request.callerKeyId}/${createHash('sha256').update(request.key).digest('hex')}`;
  const requestHash = hashOf(request.operation, request.input);
  const result = await tx.run(CLAIM_IDEMPOTENCY_KEY, { id, at, operation: request.operation, requestHash });
  const claimed = result.records[0];
  const storedHash: unknown = claimed.get('requestHash');
  const stored: unknown = claimed.get('response');
  if (storedHash !== requestHash) {
    throw new AppError('IDEMPOTENCY_KEY_REUSED', `This idempotency key was used for a different request (${String(claimed.get('operation'))}); use a new key for a new request.`, { field: 'idempotencyKey' });
  }
  if (typeof stored === 'string') return replay(JSON.parse(stored));
  const answer = await write();
  await tx.run(STORE_IDEMPOTENT_RESPONSE, { id, response: JSON.stringify(toStored(answer)) });
  return answer;
}
