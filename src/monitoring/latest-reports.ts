import type { NodeRow } from '../graph/read/rows';
import { quarters } from './period';

/** The current report per place: not superseded, latest period end, then newest. */
export function latestPerPlace(reports: NodeRow[]): NodeRow[] {
  const superseded = new Set(reports.map((r) => r.supersedes).filter(Boolean));
  const best = new Map<string, NodeRow>();
  for (const r of reports) {
    if (superseded.has(r.id)) continue;
    const current = best.get(r.placeId as string);
    const end = quarters(r.period as string)?.last ?? 0;
    const currentEnd = current ? (quarters(current.period as string)?.last ?? 0) : -1;
    if (!current || end > currentEnd || (end === currentEnd && String(r.createdAt) > String(current.createdAt))) best.set(r.placeId as string, r);
  }
  return [...best.values()];
}
