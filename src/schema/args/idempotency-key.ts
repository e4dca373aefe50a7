import { badInput } from '../../errors/app-error';

/** Idempotency keys: 8 to 200 printable ASCII characters (a UUID is the usual choice). */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,200}$/;

export const IDEMPOTENCY_KEY_DESCRIPTION =
  'A key of your choice (8-200 printable ASCII characters, e.g. a UUID) that makes this write happen once: a retry with the same key returns the first answer and writes nothing, on any replica, after any restart. Reusing a key for a different request is IDEMPOTENCY_KEY_REUSED.';

export function checkIdempotencyKey(key: string | null | undefined): string | null {
  if (key === null || key === undefined) return null;
  if (!IDEMPOTENCY_KEY.test(key)) throw badInput('idempotencyKey must be 8-200 printable ASCII characters, e.g. a UUID', 'idempotencyKey');
  return key;
}
