/**
 * Reporting periods of chapter 9's rhythm: quarters (2025-Q3, monitoring), half-years (2025-H1,
 * supervision) and years (2025, evaluation). A period covers a range of quarters, numbered
 * year * 4 + quarter - 1, so periods of different lengths compare and overlap.
 */

export const PERIOD_PATTERN = /^(\d{4})(?:-(Q[1-4]|H[12]))?$/;

export interface QuarterRange {
  first: number;
  last: number;
}

export function quarters(period: string): QuarterRange | null {
  const m = PERIOD_PATTERN.exec(period);
  if (!m) return null;
  const base = Number(m[1]) * 4;
  if (!m[2]) return { first: base, last: base + 3 };
  if (m[2].startsWith('Q')) {
    const q = Number(m[2][1]) - 1;
    return { first: base + q, last: base + q };
  }
  return m[2] === 'H1' ? { first: base, last: base + 1 } : { first: base + 2, last: base + 3 };
}

export function quarterName(index: number): string {
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

export function currentQuarter(now: Date = new Date()): string {
  return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
}
