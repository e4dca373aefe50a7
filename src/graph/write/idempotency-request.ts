import type { Actor } from './api-keys';
import type { IdempotencyRequest } from './idempotency';

/** The idempotency request of a write by `actor`, or null when the client sent no key. */
export function idempotencyRequest(actor: Actor, key: string | null, operation: string, input: unknown): IdempotencyRequest | null {
  return key === null ? null : { callerKeyId: actor.keyId ?? 'local', key, operation, input };
}
