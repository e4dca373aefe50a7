/**
 * Retries a unit of work that failed transiently, as the driver's managed transactions do: the
 * first retry after `initialDelayMs`, each next one after twice the delay (±20 % jitter), no retry
 * once `maxRetryMs` have passed since the first failure. Only errors `isTransient` accepts are
 * retried; any other error, and the last transient one, is thrown unchanged.
 *
 * For reads sent as one auto-commit statement (graph-client.ts): a read is idempotent, so sending
 * it again after a transient failure is safe.
 */
export interface RetryPolicy {
  maxRetryMs: number;
  initialDelayMs: number;
  isTransient(error: unknown): boolean;
}

const MULTIPLIER = 2;
const JITTER = 0.2;

const jittered = (delayMs: number): number => delayMs * (1 - JITTER + 2 * JITTER * Math.random());

export async function retryTransient<T>(work: () => Promise<T>, policy: RetryPolicy, sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))): Promise<T> {
  let firstFailureAt: number | null = null;
  let delayMs = policy.initialDelayMs;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (!policy.isTransient(error)) throw error;
      const now = Date.now();
      firstFailureAt ??= now;
      const wait = jittered(delayMs);
      if (now + wait - firstFailureAt > policy.maxRetryMs) throw error;
      await sleep(wait);
      delayMs *= MULTIPLIER;
    }
  }
}
