import { AppError } from '../../errors/app-error';

/**
 * The hard ceilings of one operation, whatever its estimated cost: a deadline and a number of
 * list items it may produce. Once either is passed the budget is spent for good: every field
 * that starts afterwards fails at once with the same error, so the execution winds down without
 * reading more, and the answer becomes that one error (see limitsPlugin).
 */
export class ExecutionBudget {
  private items = 0;
  private failure: AppError | null = null;

  constructor(
    private deadline: number,
    private readonly maxItems: number,
    private timeoutMs: number,
    private readonly startedAt: number,
    private limitName = 'GRAPHQL_TIMEOUT_MS',
  ) {}

  static start(timeoutMs: number, maxItems: number, now = Date.now()): ExecutionBudget {
    return new ExecutionBudget(now + timeoutMs, maxItems, timeoutMs, now);
  }

  /**
   * Gives a write its own, longer deadline (counted from the request's start): a write waits for
   * the writers before it on the same record chain, and stopping it half-way would answer
   * "failed" for a write that may yet commit.
   */
  allowUpTo(timeoutMs: number, limitName: string): void {
    if (timeoutMs <= this.timeoutMs) return;
    this.timeoutMs = timeoutMs;
    this.deadline = this.startedAt + timeoutMs;
    this.limitName = limitName;
  }

  /** The error of this operation's deadline, naming the setting that set it. */
  timeoutError(): AppError {
    return timeoutError(this.timeoutMs, this.limitName);
  }

  /** The error that ended the operation, if one did. */
  get spent(): AppError | null {
    return this.failure;
  }

  /** When the operation arrived (epoch ms): a worker that executes it keeps the same deadline. */
  get started(): number {
    return this.startedAt;
  }

  /** Milliseconds left before the deadline (never negative). */
  remainingMs(now = Date.now()): number {
    return Math.max(0, this.deadline - now);
  }

  /** Throws once the deadline has passed or the items are used up. */
  check(now = Date.now()): void {
    if (this.failure) throw this.failure;
    if (now > this.deadline) this.fail(this.timeoutError());
  }

  /**
   * Counts the items of a list a field produced. Never throws (it runs after the field, where a
   * throw would be lost): the next field to start fails instead.
   */
  addItems(count: number): void {
    this.items += count;
    if (this.items > this.maxItems) this.failure ??= tooLargeError(this.maxItems);
  }

  /** Ends the operation with `error` (the first failure wins). */
  fail(error: AppError): never {
    this.failure ??= error;
    throw this.failure;
  }

  /** Ends the operation with `error` without throwing (the first failure wins). */
  stop(error: AppError): void {
    this.failure ??= error;
  }
}

export const timeoutError = (timeoutMs: number, limitName: string): AppError =>
  new AppError(
    'TIMEOUT',
    limitName === 'GRAPHQL_TIMEOUT_MS'
      ? `The operation ran longer than its limit of ${timeoutMs} ms and was stopped. Ask for fewer items (smaller first:, fewer nested lists) or split it into several operations.`
      : `The write was not confirmed within ${timeoutMs} ms; it may still commit. Retry with the same idempotency key: it will be written at most once.`,
    { limit: limitName, limitValue: timeoutMs },
  );

export const tooLargeError = (maxItems: number): AppError =>
  new AppError('RESULT_TOO_LARGE', `The answer would hold more than ${maxItems} list items and was stopped. Page through the lists (first:/after:) or select fewer nested lists.`, { limit: 'GRAPHQL_MAX_RESULT_ITEMS', limitValue: maxItems });
