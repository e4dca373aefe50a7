/**
 * How far an indicator has come: the share of the way from its baseline to its target that the
 * latest observation has travelled, against the share of the time from the baseline year to the
 * target year that has passed. On track when the first is at least the second. The direction
 * of the target (a rate to raise, an unemployment rate to lower) is in the sign of the gap.
 */

export interface IndicatorFacts {
  baseline: number | null;
  baselineYear: number;
  target: number | null;
  targetYear: number;
  targetComparator: string | null;
}

export interface ObservationFacts {
  year: number;
  value: number;
}

export interface Progress {
  /** 0 at the baseline, 1 at the target; null without a baseline or a gap. */
  travelled: number | null;
  /** The share of the period baseline year -> target year elapsed at the observation's year. */
  expected: number;
  onTrack: boolean | null;
  /** Whether the observed value already satisfies the target with its comparator. */
  met: boolean | null;
}

export function targetMet(value: number, target: number | null, comparator: string | null): boolean | null {
  if (target === null) return null;
  switch (comparator) {
    case '>=':
      return value >= target;
    case '>':
      return value > target;
    case '<=':
      return value <= target;
    case '<':
      return value < target;
    case 'about':
      return Math.abs(value - target) <= Math.abs(target) * 0.02;
    default:
      return value === target;
  }
}

export function indicatorProgress(indicator: IndicatorFacts, latest: ObservationFacts): Progress {
  const span = indicator.targetYear - indicator.baselineYear;
  const expected = span > 0 ? Math.min(1, Math.max(0, (latest.year - indicator.baselineYear) / span)) : 1;
  const met = targetMet(latest.value, indicator.target, indicator.targetComparator);
  if (indicator.baseline === null || indicator.target === null || indicator.target === indicator.baseline) {
    return { travelled: null, expected, onTrack: met, met };
  }
  const travelled = (latest.value - indicator.baseline) / (indicator.target - indicator.baseline);
  return { travelled, expected, onTrack: met === true || travelled >= expected, met };
}
