import { AppError } from '../../src/errors/app-error';
import { DatabaseHealth } from '../../src/graph/database-health';

/**
 * /readyz under load: a database busy with other work answers a probe late, although it is
 * healthy. A recent answer to other work is proof enough; without one, or once the database is
 * marked down, readiness probes it.
 */
describe('readiness', () => {
  const slowPing = (calls: { n: number }) => () => {
    calls.n += 1;
    return new Promise<void>((resolve) => setTimeout(resolve, 800));
  };

  it('answers at once after a recent answer from the database, without probing', async () => {
    const calls = { n: 0 };
    const health = new DatabaseHealth(slowPing(calls), { lastAnswerAt: () => Date.now() - 200, freshMs: 1_000 });
    const started = Date.now();
    await health.ready();
    expect(Date.now() - started).toBeLessThan(100);
    expect(calls.n).toBe(0);
  });

  it('probes when the last answer is old', async () => {
    const calls = { n: 0 };
    const health = new DatabaseHealth(slowPing(calls), { lastAnswerAt: () => Date.now() - 5_000, freshMs: 1_000 });
    await health.ready();
    expect(calls.n).toBe(1);
  });

  it('does not trust an old answer once the database is marked down', async () => {
    let answered = Date.now();
    const health = new DatabaseHealth(() => Promise.reject(new AppError('SERVICE_UNAVAILABLE', 'down')), { lastAnswerAt: () => answered, probeIntervalMs: 60_000 });
    health.reportFailure(new AppError('SERVICE_UNAVAILABLE', 'down'));
    answered = Date.now();
    const outcome = await health.ready().then(
      () => 'ready',
      (error: unknown) => (error instanceof AppError ? error.code : 'other'),
    );
    expect(outcome).toBe('SERVICE_UNAVAILABLE');
    health.stop();
  });

  it('refuses within the probe timeout when the database never answers', async () => {
    const health = new DatabaseHealth(() => new Promise<void>(() => undefined), { probeTimeoutMs: 300, probeIntervalMs: 60_000 });
    const started = Date.now();
    const outcome = await health.ready().then(
      () => 'ready',
      (error: unknown) => (error instanceof AppError ? error.code : 'other'),
    );
    expect(outcome).toBe('SERVICE_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(2_000);
    health.stop();
  });
});

describe('a probe of a busy database', () => {
  it('counts other work completed while the ping waited as an answer', async () => {
    let answered = 0;
    // The ping waits in line past the probe timeout; meanwhile other work completes.
    const health = new DatabaseHealth(() => new Promise<void>(() => undefined), { probeTimeoutMs: 300, probeIntervalMs: 60_000, lastAnswerAt: () => answered });
    setTimeout(() => {
      answered = Date.now();
    }, 100);
    await health.probe();
    expect(health.isDown).toBe(false);
    health.stop();
  });

  it('knows its ping timed out by the timeout, not by the wall clock', async () => {
    // Node may run a timer a millisecond before Date.now() says its delay has passed: a probe that
    // measured its own wait then read a timed-out ping as a failure, and marked a busy database
    // down. The clock is held still here, so that any wait measures 0 ms.
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
    try {
      const health = new DatabaseHealth(() => new Promise<void>(() => undefined), { probeTimeoutMs: 300, probeIntervalMs: 60_000, lastAnswerAt: () => now + 1 });
      await health.probe();
      expect(health.isDown).toBe(false);
      health.stop();
    } finally {
      clock.mockRestore();
    }
  });

  it('marks the database down when nothing completed while the ping waited', async () => {
    const answered = Date.now() - 10_000;
    const health = new DatabaseHealth(() => new Promise<void>(() => undefined), { probeTimeoutMs: 300, probeIntervalMs: 60_000, lastAnswerAt: () => answered });
    const outcome = await health.probe().then(
      () => 'ready',
      (error: unknown) => (error instanceof AppError ? error.code : 'other'),
    );
    expect(outcome).toBe('SERVICE_UNAVAILABLE');
    expect(health.isDown).toBe(true);
    health.stop();
  });
});
