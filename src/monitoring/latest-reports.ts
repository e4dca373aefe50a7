import type { ProgressReportRow } from '../graph/read/rows';
import { quarters } from './period';

/** The current report per place: not superseded, latest period end, then newest. */
export function latestPerPlace(reports: ProgressReportRow[]): ProgressReportRow[] {
  const superseded = new Set(reports.map((r) => r.supersedes).filter(Boolean));
  const best = new Map<string, ProgressReportRow>();
  for (const r of reports) {
    if (superseded.has(r.id)) continue;
    const current = best.get(r.placeId);
    const end = quarters(r.period)?.last ?? 0;
    const currentEnd = current ? (quarters(current.period)?.last ?? 0) : -1;
    if (!current || end > currentEnd || (end === currentEnd && r.createdAt > current.createdAt)) best.set(r.placeId, r);
  }
  return [...best.values()];
}
