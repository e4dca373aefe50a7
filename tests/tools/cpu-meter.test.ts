import { meterCpu, processCpuMs } from '../../bench/cpu-meter';

/**
 * The bench's CPU meter reads /proc; Node's own process.cpuUsage() is the independent account it
 * must agree with (to a few clock ticks).
 */
describe('the bench CPU meter', () => {
  const spinUntil = (cpuMs: number) => {
    const start = process.cpuUsage();
    let x = 0;
    for (;;) {
      for (let i = 0; i < 100_000; i++) x += Math.sqrt(i);
      const used = process.cpuUsage(start);
      if ((used.user + used.system) / 1000 >= cpuMs) return x;
    }
  };

  it('counts the CPU this process spends, as Node counts it', () => {
    const before = process.cpuUsage();
    const stop = meterCpu({ server: process.pid, database: null });
    spinUntil(300);
    const metered = stop(3);
    const used = process.cpuUsage(before);
    const nodeMs = (used.user + used.system) / 1000;
    // Per answer: three answers share the CPU spent.
    expect(metered.serverMs * 3).toBeGreaterThan(nodeMs - 40);
    expect(metered.serverMs * 3).toBeLessThan(nodeMs + 40);
    expect(metered.databaseMs).toBeNull();
  });

  it('says NaN for a process that is not there', () => {
    expect(processCpuMs(2 ** 22 + 12345)).toBeNaN();
  });
});
