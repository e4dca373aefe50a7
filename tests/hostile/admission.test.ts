import { AppError } from '../../src/errors/app-error';
import { Admission } from '../../src/server/limits/admission';
import { loadConfig } from '../../src/config';

/**
 * Heavy operations take turns, and a flood of them is shed instead of piling up: with 1 slot and
 * room for 1 waiter, the third concurrent request is refused at once rather than after its
 * deadline.
 */
describe('admission of heavy operations', () => {
  it('refuses at once when the wait queue is full, and admits the waiter when a slot frees', async () => {
    const admission = new Admission(1, 1);
    const first = await admission.acquire(10_000);
    let secondAdmitted = false;
    const second = admission.acquire(10_000).then((release) => {
      secondAdmitted = true;
      return release;
    });

    const started = Date.now();
    const third = await admission.acquire(10_000).then(
      () => null,
      (error: unknown) => error,
    );
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(third).toBeInstanceOf(AppError);
    expect((third as AppError).code).toBe('SERVICE_UNAVAILABLE');
    expect((third as AppError).details).toEqual({ limit: 'GRAPHQL_HEAVY_QUEUE' });

    expect(secondAdmitted).toBe(false);
    first();
    const releaseSecond = await second;
    expect(secondAdmitted).toBe(true);
    releaseSecond();

    // Both slots free again: the next caller is admitted without waiting.
    const fourth = await admission.acquire(1);
    fourth();
  });

  it('holds a refusal for the pause before sending it, so that a client cannot resend at once', async () => {
    const admission = new Admission(1, 0, 300);
    const held = await admission.acquire(1_000);
    const started = Date.now();
    const refused = await admission.acquire(10_000).then(
      () => null,
      (error: unknown) => error,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect((refused as AppError).details).toEqual({ limit: 'GRAPHQL_HEAVY_QUEUE' });
    // Never past the request's own deadline.
    const quick = Date.now();
    await admission.acquire(50).catch(() => undefined);
    expect(Date.now() - quick).toBeLessThan(290);
    held();
  });

  it('refuses a waiter whose deadline passes before a slot frees', async () => {
    const admission = new Admission(1, 5);
    const held = await admission.acquire(1_000);
    const waited = await admission.acquire(50).then(
      () => null,
      (error: unknown) => error,
    );
    expect((waited as AppError).code).toBe('SERVICE_UNAVAILABLE');
    expect((waited as AppError).details).toEqual({ limit: 'GRAPHQL_HEAVY_CONCURRENCY' });
    held();
  });
});

describe('admission on the default configuration', () => {
  // A refusal at once invites a client's next request at once: 32 clients resending as soon as
  // they are answered kept the API's thread busy refusing (the attack of bench/attack.ts). With
  // the default queue, 32 heavy operations at once all wait for a turn instead.
  it('lets 32 concurrent heavy operations wait for a turn rather than refusing any at once', async () => {
    const { limits } = loadConfig({});
    const admission = new Admission(limits.heavyConcurrency, limits.heavyQueue);
    const outcomes: string[] = [];
    const waits = Array.from({ length: 32 }, () =>
      admission.acquire(5_000).then(
        (release) => {
          outcomes.push('admitted');
          setImmediate(release);
        },
        (error: AppError) => outcomes.push(error.details?.limit as string),
      ),
    );
    await Promise.all(waits);
    expect(outcomes).toEqual(Array(32).fill('admitted'));
  });
});
