import { ANSWER_MARGIN_MS } from '../config';
import type { DatabaseHealth } from '../graph/database-health';

/**
 * How a request ended: its work's value, or one of the two deadlines that answer for it.
 * - `unavailable`: the client-facing deadline (UNAVAILABLE_DEADLINE_MS after arrival) came with
 *   the work unfinished and the database not answering a probe;
 * - `overdue`: the operation's own deadline (GRAPHQL_TIMEOUT_MS, a mutation's longer one) passed
 *   while the database still answered probes.
 */
export type InTime<T> = { kind: 'done'; value: T } | { kind: 'unavailable' } | { kind: 'overdue' };

export interface AnswerInTimeOptions {
  /** When the request arrived (ms since the epoch). */
  arrivedAt: number;
  /** UNAVAILABLE_DEADLINE_MS. */
  unavailableAfterMs: number;
  health: DatabaseHealth;
  /** Milliseconds left of the operation's own deadline, asked again when it seems to run out (a
   *  mutation's deadline is set once the operation is known). Absent: no such deadline. */
  remainingMs?: () => number;
}

/**
 * The budget's own TIMEOUT normally ends a slow operation (at the next field after the deadline);
 * this much later the adapter answers by itself, for operations stuck waiting on something.
 */
const DEADLINE_GRACE_MS = 250;

/**
 * Waits for `work`, but never past the client-facing deadline while the database is unreachable.
 *
 * Contract: a frozen, stopped or cut-off database is noticed by a probe (DatabaseHealth, at most
 * its timeoutMs) started at `arrivedAt + unavailableAfterMs - probe timeout - ANSWER_MARGIN_MS`
 * if the work is still running then, so the answer `unavailable` comes before the deadline (at once
 * when the database is already known to be down). When the probe answers, the database is merely
 * slow: the work goes on until it ends or its own deadline passes (`overdue`, or `unavailable` if
 * a probe then fails). The work is never cancelled here; the caller stops it.
 */
export async function answerInTime<T>(work: Promise<T>, options: AnswerInTimeOptions): Promise<InTime<T>> {
  const { arrivedAt, unavailableAfterMs, health, remainingMs } = options;
  const timers: NodeJS.Timeout[] = [];
  let settled = false;
  // ready(): a database that answered other work within the last second is not unreachable.
  const unreachable = async (): Promise<boolean> => health.isDown || health.ready().then(() => false, () => true);

  const watchdog = new Promise<InTime<T>>((resolve) => {
    const probeAt = arrivedAt + unavailableAfterMs - health.timeoutMs - ANSWER_MARGIN_MS;
    timers.push(
      setTimeout(() => {
        if (settled) return;
        void unreachable().then((down) => {
          if (down) resolve({ kind: 'unavailable' });
        });
      }, Math.max(0, probeAt - Date.now())),
    );
  });

  const ownDeadline = new Promise<InTime<T>>((resolve) => {
    if (!remainingMs) return;
    const arm = () => {
      timers.push(
        setTimeout(() => {
          if (settled) return;
          if (remainingMs() > 0) return arm();
          // Stuck on the database, or merely slow? A short probe tells (and marks it down for others).
          void unreachable().then((down) => resolve({ kind: down ? 'unavailable' : 'overdue' }));
        }, remainingMs() + DEADLINE_GRACE_MS),
      );
    };
    arm();
  });

  try {
    return await Promise.race([work.then((value): InTime<T> => ({ kind: 'done', value })), watchdog, ownDeadline]);
  } finally {
    settled = true;
    for (const timer of timers) clearTimeout(timer);
  }
}
