import type { Comparator } from './document';

/** One data row of an indicator table: 序号, 指标(单位), 基数, 目标值, 指标属性. */
export interface IndicatorRow {
  number: number;
  name: string;
  unit: string | null;
  baseline: number | null;
  target: number;
  targetText: string;
  /** Offset of the target cell within the row. */
  targetOffset: number;
  comparator: Comparator;
  attribute: '预期性' | '约束性';
}

/** The header row (it repeats after a page break) gives the baseline and target years. */
export function readTableHeader(row: string): { baseline: number; target: number } | null {
  if (!/^序号\t/.test(row.trim())) return null;
  const compact = compactDigits(row);
  const baseline = /(\d{4})\s*年\s*基数/.exec(compact);
  const target = /(\d{4})\s*年\s*目标/.exec(compact);
  return { baseline: baseline ? Number(baseline[1]) : 2020, target: target ? Number(target[1]) : 2025 };
}

/** OCR spaces inside a number (6 9.4 6, 2 0 2 5) are not part of it. */
export function compactDigits(s: string): string {
  return s.replace(/(\d)\s+(?=[\d.])/g, '$1').replace(/\.\s+(?=\d)/g, '.');
}

const NAME_WITH_UNIT = /^(.*?)[(（]([^()（）]+)[)）]$/;

export function readIndicatorRow(row: string): IndicatorRow | null {
  const cells: { text: string; offset: number }[] = [];
  let offset = 0;
  for (const text of row.split('\t')) {
    cells.push({ text, offset });
    offset += text.length + 1;
  }
  if (cells.length < 5 || !/^\d[\d\s]*$/.test(cells[0].text.trim())) return null;
  const [num, nameCell, baselineCell, targetCell, attributeCell] = cells;
  const named = NAME_WITH_UNIT.exec(nameCell.text.trim());
  const target = readTargetCell(compactDigits(targetCell.text.trim()));
  const attribute = attributeCell.text.trim();
  if (!target || (attribute !== '预期性' && attribute !== '约束性')) return null;
  const baselineText = compactDigits(baselineCell.text.trim());
  const baseline = /^-?\d+(\.\d+)?$/.test(baselineText) ? Number(baselineText) : null;
  return {
    number: Number(compactDigits(num.text.trim())),
    name: named ? named[1] : nameCell.text.trim(),
    unit: named ? named[2] : null,
    baseline,
    target: target.value,
    targetText: targetCell.text.trim(),
    targetOffset: targetCell.offset + (targetCell.text.length - targetCell.text.trimStart().length),
    comparator: target.comparator,
    attribute,
  };
}

/** ≥73, >5, ≤8, <5.5, 68左右, 约68, 15 */
export function readTargetCell(cell: string): { value: number; comparator: Comparator } | null {
  const m = /^(≥|>=|>|≤|<=|<|约)?\s*(-?\d+(?:\.\d+)?)\s*(左右|以上|以下|以内)?$/.exec(cell);
  if (!m) return null;
  const prefix: Record<string, Comparator> = { '≥': '>=', '>=': '>=', '>': '>', '≤': '<=', '<=': '<=', '<': '<', 约: 'about' };
  const suffix: Record<string, Comparator> = { 左右: 'about', 以上: '>=', 以下: '<=', 以内: '<=' };
  const comparator = (m[1] && prefix[m[1]]) || (m[3] && suffix[m[3]]) || '=';
  return { value: Number(m[2]), comparator };
}
