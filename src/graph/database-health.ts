import { AppError } from '../errors/app-error';

/**
 * What this process currently believes about the database, so that callers who can do without
 * it (the response cache, /readyz) answer at once instead of waiting for a connection that will
 * not come. Contract:
 * - `reportFailure` with a SERVICE_UNAVAILABLE or a timed-out probe marks the database down and
 *   starts probing it every `probeIntervalMs` until a probe answers; then it is up again.
 * - `probe()` never waits longer than `probeTimeoutMs`, whatever state the database is in
 *   (a frozen server accepts connections and never answers). Callers that probe while a probe is
 *   under way share it, so a crowd of waiting requests sends one ping, not one each. A probe that
 *   times out while the database completed other work meanwhile counts as an answer: the
 *   database is busy, not gone.
 * - `ready()` is `probe()` unless the database completed other work within `freshMs` and is not
 *   marked down: then it answers at once. Under load the database is busiest exactly when it is
 *   healthy, and a probe queued behind that load says nothing the last answer did not.
 */
export interface HealthOptions {
  probeTimeoutMs?: number;
  probeIntervalMs?: number;
  /** When the database last completed any work (epoch ms); see GraphStats.lastAnswerAt. */
  lastAnswerAt?: () => number;
  freshMs?: number;
}

export class DatabaseHealth {
  private downSince: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;

  private readonly probeTimeoutMs: number;
  private readonly probeIntervalMs: number;
  private readonly lastAnswerAt: () => number;
  private readonly freshMs: number;

  constructor(
    private readonly ping: () => Promise<void>,
    options: HealthOptions = {},
  ) {
    this.probeTimeoutMs = options.probeTimeoutMs ?? 1_500;
    this.probeIntervalMs = options.probeIntervalMs ?? 1_000;
    this.lastAnswerAt = options.lastAnswerAt ?? (() => 0);
    this.freshMs = options.freshMs ?? 1_000;
  }

  /** Resolves when the database answers (recently, or to a probe now); else SERVICE_UNAVAILABLE. */
  async ready(now = Date.now()): Promise<void> {
    if (!this.isDown && now - this.lastAnswerAt() <= this.freshMs) return;
    await this.probe();
  }

  get isDown(): boolean {
    return this.downSince !== null;
  }

  /** The longest a probe waits for the database. */
  get timeoutMs(): number {
    return this.probeTimeoutMs;
  }

  /** Pings within probeTimeoutMs; records the outcome and rethrows a failure as SERVICE_UNAVAILABLE. */
  probe(): Promise<void> {
    this.inFlight ??= this.pingOnce().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async pingOnce(): Promise<void> {
    const started = Date.now();
    try {
      await withTimeout(this.ping(), this.probeTimeoutMs);
      this.markUp();
    } catch (error) {
      // Told by the error, not by measuring the wait: Node may run the timeout a millisecond
      // before Date.now() shows its delay passed.
      if (error instanceof DatabaseTimeout && this.lastAnswerAt() > started) {
        // The ping timed out, but other work completed while it waited in line: busy, not gone.
        this.markUp();
        return;
      }
      this.markDown();
      throw error instanceof AppError ? error : new AppError('SERVICE_UNAVAILABLE', 'The database does not answer; try again shortly');
    }
  }

  /** Call with any error of a database call: only unavailability counts. */
  reportFailure(error: unknown): void {
    if (error instanceof AppError && error.code === 'SERVICE_UNAVAILABLE') this.markDown();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private markDown(): void {
    this.downSince ??= Date.now();
    if (this.timer) return;
    this.timer = setInterval(() => void this.probe().catch(() => undefined), this.probeIntervalMs);
    this.timer.unref();
  }

  private markUp(): void {
    this.downSince = null;
    this.stop();
  }
}

/** SERVICE_UNAVAILABLE because the database did not answer in time (withTimeout), not because it failed. */
export class DatabaseTimeout extends AppError {
  constructor(ms: number) {
    super('SERVICE_UNAVAILABLE', `The database did not answer within ${ms} ms; try again shortly`);
  }
}

/** Rejects with a DatabaseTimeout (SERVICE_UNAVAILABLE) when `work` has not settled within `ms`. */
export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseTimeout(ms)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
