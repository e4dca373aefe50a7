import { retryTransient, type RetryPolicy } from '../../src/graph/retry-transient';

class Transient extends Error {}
class Lasting extends Error {}

const policy = (maxRetryMs: number): RetryPolicy => ({ maxRetryMs, initialDelayMs: 100, isTransient: (e) => e instanceof Transient });

/** A unit of work that fails with the given errors in turn, then answers 'ok'. */
function failing(errors: Error[]): { work: () => Promise<string>; calls: () => number } {
  let calls = 0;
  return {
    work: async () => {
      const error = errors[calls++];
      if (error) throw error;
      return 'ok';
    },
    calls: () => calls,
  };
}

test('a transient failure is retried after a growing delay, and the answer comes through', async () => {
  const waits: number[] = [];
  const { work, calls } = failing([new Transient(), new Transient()]);
  await expect(retryTransient(work, policy(60_000), async (ms) => void waits.push(ms))).resolves.toBe('ok');
  expect(calls()).toBe(3);
  // 100 ms ±20 %, then 200 ms ±20 %.
  expect(waits).toHaveLength(2);
  expect(waits[0]).toBeGreaterThanOrEqual(80);
  expect(waits[0]).toBeLessThanOrEqual(120);
  expect(waits[1]).toBeGreaterThanOrEqual(160);
  expect(waits[1]).toBeLessThanOrEqual(240);
});

test('any other failure is thrown at once, unchanged', async () => {
  const lasting = new Lasting('syntax');
  const { work, calls } = failing([lasting]);
  await expect(retryTransient(work, policy(60_000), async () => undefined)).rejects.toBe(lasting);
  expect(calls()).toBe(1);
});

test('no retry once the next one would start after maxRetryMs: the last transient error is thrown', async () => {
  const errors = Array.from({ length: 50 }, () => new Transient());
  const { work, calls } = failing(errors);
  // Real waits: 100, 200 and 400 ms (±20 %) fit in 1 s; the fourth (800 ms) would end past it.
  const started = Date.now();
  await expect(retryTransient(work, policy(1_000))).rejects.toBe(errors[3]);
  expect(calls()).toBe(4);
  expect(Date.now() - started).toBeGreaterThanOrEqual(0.8 * (100 + 200 + 400));
});
