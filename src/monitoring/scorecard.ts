import type { TaskRow } from '../graph/read/rows';
import type { ScorecardRow } from '../graph/read/monitoring';
import type { ScorecardStatus } from '../graph/read/values';
import { quarterName, quarters } from './period';

/**
 * A district's scorecard as of a period: each task's latest status (its newest report whose
 * period ends by then; a correction replaces the report it supersedes), counts per status, and
 * the stale tasks: those without any report covering the last two quarters up to `asOf`.
 */

export interface ScorecardItem {
  task: TaskRow;
  status: ScorecardStatus;
  period: string | null;
  reportId: string | null;
}

export interface Scorecard {
  asOf: string;
  taskCount: number;
  byStatus: { status: ScorecardStatus; count: number }[];
  items: ScorecardItem[];
  stale: TaskRow[];
  /** The two quarters a report must cover for a task not to be stale. */
  staleWindow: string[];
}

export const NOT_REPORTED = 'not_reported' satisfies ScorecardStatus;

export function buildScorecard(rows: ScorecardRow[], asOf: string): Scorecard {
  const window = quarters(asOf)!;
  const last = window.last;
  const items: ScorecardItem[] = [];
  const stale: TaskRow[] = [];
  for (const row of rows) {
    const superseded = new Set(row.reports.map((r) => r.supersedes).filter(Boolean));
    const current = row.reports
      .filter((r) => !superseded.has(r.id))
      .map((r) => ({ ...r, range: quarters(r.period)! }))
      .filter((r) => r.range && r.range.last <= last)
      .sort((a, b) => b.range.last - a.range.last || b.createdAt.localeCompare(a.createdAt));
    const latest = current[0];
    items.push({ task: row.task, status: latest?.status ?? NOT_REPORTED, period: latest?.period ?? null, reportId: latest?.id ?? null });
    const covered = current.some((r) => r.range.last >= last - 1);
    if (!covered) stale.push(row.task);
  }
  const counts = new Map<ScorecardStatus, number>();
  for (const i of items) counts.set(i.status, (counts.get(i.status) ?? 0) + 1);
  return {
    asOf,
    taskCount: items.length,
    byStatus: [...counts].map(([status, count]) => ({ status, count })).sort((a, b) => b.count - a.count || a.status.localeCompare(b.status)),
    items,
    stale,
    staleWindow: [quarterName(last - 1), quarterName(last)],
  };
}
