import { AppError } from '../../errors/app-error';
import type { DatabaseHealth } from '../../graph/database-health';
import type { ExecutionBudget } from './execution-budget';

/**
 * A counting semaphore for expensive operations: at most `slots` run at once, at most `queue`
 * wait in arrival order until their deadline, and any more are refused (after a pause, below). Cheap operations
 * never come here, so a flood of heavy ones cannot starve the health checks and small reads that
 * share the event loop with them.
 *
 * The queue is deep on purpose (GRAPHQL_HEAVY_QUEUE, 64): a waiting request costs a parked promise
 * and its socket, no CPU, while a refusal at once invites the next request at once. Under 32
 * clients that resend as soon as they are answered, a queue of 4 made the API's thread parse and
 * refuse about 300 operations a second, and the cheap query's p99 rose to 600 ms; with 64 the
 * clients wait their turn and the thread stays free. Beyond the queue a request is refused, but
 * the refusal is held for `refusalPauseMs` (GRAPHQL_HEAVY_REFUSAL_PAUSE_MS, 1 s; never past its
 * deadline) before it is sent: a held refusal costs a timer, and each connection of a flood then
 * costs the thread one refusal a second instead of as many as it can parse. A client that follows
 * the advice to retry loses nothing by the pause: no slot would have been free sooner.
 */
export class Admission {
  private running = 0;
  private readonly waiting: { admit: () => void; timer: NodeJS.Timeout }[] = [];

  constructor(
    private readonly slots: number,
    private readonly queue: number,
    private readonly refusalPauseMs = 0,
  ) {}

  /** Resolves with a release function once a slot is free; rejects after `timeoutMs` of waiting. */
  acquire(timeoutMs: number): Promise<() => void> {
    if (this.running < this.slots) {
      this.running++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.queue) {
      const refusal = new AppError('SERVICE_UNAVAILABLE', `The server is busy with other expensive operations (${this.waiting.length} already waiting); retry in a few seconds, or ask for less (smaller first:, fewer nested lists).`, { limit: 'GRAPHQL_HEAVY_QUEUE' });
      const pause = Math.min(this.refusalPauseMs, timeoutMs);
      return pause > 0 ? new Promise((_, reject) => setTimeout(() => reject(refusal), pause)) : Promise.reject(refusal);
    }
    return new Promise((resolve, reject) => {
      const entry = {
        admit: () => {
          clearTimeout(entry.timer);
          resolve(this.releaser());
        },
        timer: setTimeout(() => {
          const index = this.waiting.indexOf(entry);
          if (index >= 0) this.waiting.splice(index, 1);
          reject(new AppError('SERVICE_UNAVAILABLE', `The server is busy with other expensive operations; retry shortly, or ask for less (smaller first:, fewer nested lists).`, { limit: 'GRAPHQL_HEAVY_CONCURRENCY' }));
        }, timeoutMs),
      };
      this.waiting.push(entry);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next.admit();
      else this.running--;
    };
  }
}

/** What every request hears while the database is known to be down. */
export const databaseUnreachable = (): AppError => new AppError('SERVICE_UNAVAILABLE', 'The database is unreachable; try again shortly');

/**
 * Lets a heavy operation run: a slot of `admission`, unless the database is known to be down or
 * no slot comes in time. A refusal cannot be thrown (Apollo would answer 500): it spends the
 * budget, and limitsPlugin answers with that error. Returns the slot's release, or null if refused.
 */
export async function admitHeavy(admission: Admission, health: DatabaseHealth, budget: ExecutionBudget): Promise<(() => void) | null> {
  if (health.isDown) {
    budget.stop(databaseUnreachable());
    return null;
  }
  try {
    return await admission.acquire(budget.remainingMs());
  } catch (error) {
    budget.stop(error instanceof AppError ? error : new AppError('SERVICE_UNAVAILABLE', 'The server is busy; retry shortly'));
    return null;
  }
}
