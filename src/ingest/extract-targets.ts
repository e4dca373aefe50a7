import type { Comparator, PlanDocument, TargetNode } from './document';
import type { NormalisedText } from './normalise';
import { chineseNumeral } from './chinese-numeral';
import { lineAt } from './normalise';
import { sentenceMood } from './sentence-mood';
import { sourceSpan } from './source-span';
import { splitSentences } from './split-sentences';

/**
 * Finds the quantitative commitments of the prose and of the project boxes: a number with a
 * unit (73%, 13 平方米, 15 万个, 1 亿平方米), its comparator (达到, 以上, 以内, 左右, 约 ...),
 * the target year of the nearest preceding 到 YYYY 年 in the same section, and the indicator
 * whose name stands just before it. Background chapters (no directive sentence) state facts,
 * not targets: skipped.
 */

/** A number as extractions write it: digits, maybe spaced by OCR (1 2 %, 1 3 0 0公里, 6 9 . 4 6). */
const NUMBER = String.raw`\d(?:\s?\d)*(?:\s?\.\s?\d(?:\s?\d)*)?`;
/** A unit, maybe per something (0.006人/亿元: deaths per 100 million yuan of output). */
const UNIT = String.raw`(?:万|亿)?(?:%|‰|岁|平方米|平方公里|公里|千瓦时|千瓦|人次|人|个|座|条|户|家|幢|套|处|小时|分钟|项)(?:\/(?:亿元|万元|万人|平方公里))?`;
/** The upper end of a range (新增国家级重点专科项目1-2项): the target is its lower end, at least. */
const RANGE_END = String.raw`\s*[-－—~～]\s*(${NUMBER})`;
/**
 * A quantity. Not one that opens a name in quotes (“15分钟就业服务圈”, “24小时活力城区”) or
 * follows a × (365天×24小时: a schedule): those name a thing, they set no goal.
 */
const QUANTITY = new RegExp(String.raw`(?<![A-Za-z0-9_.{\-“"×])(?<!\d\s)(${NUMBER})(?:${RANGE_END})?\s*(${UNIT})(\s*(?:以上|以下|以内|左右))?`, 'g');
/** 百分之六十 (Chinese numerals are read for percentages only: 一个, 一批 are not quantities). */
const CHINESE_PERCENT = /百分之([一二三四五六七八九十百零〇两点]+)/g;
const YEAR4 = String.raw`(\d\s?\d\s?\d\s?\d)`;
/** The year a target is for: 到2025年, 2025年达到, 到“十四五”末 (five-year plans end in 2020, 2025, 2030). */
const YEAR_FORMS: RegExp[] = [
  new RegExp(String.raw`(?:到|至|在)\s*${YEAR4}\s*年`, 'g'),
  new RegExp(String.raw`${YEAR4}\s*年(?:底|末|前)?[，,]?\s*(?:要|将|力争|全市|全省|全国)?(?:达到|实现|建成|完成|突破|超过|控制在|降至|降到|提高到|提升到|基本|全面)`, 'g'),
];
const FIVE_YEAR_END = /(?:到|至)\s*“?(十三五|十四五|十五五)”?\s*(?:末|期末|时期末)/g;
const FIVE_YEAR: Record<string, number> = { 十三五: 2020, 十四五: 2025, 十五五: 2030 };

function yearsIn(text: string): { at: number; year: number }[] {
  const out: { at: number; year: number }[] = [];
  for (const re of YEAR_FORMS) for (const m of text.matchAll(re)) out.push({ at: m.index!, year: Number(m[1].replace(/\s+/g, '')) });
  for (const m of text.matchAll(FIVE_YEAR_END)) out.push({ at: m.index!, year: FIVE_YEAR[m[1]] });
  return out.filter((y) => y.year >= 1949 && y.year <= 2100).sort((a, b) => a.at - b.at);
}

function chinesePercent(s: string): number {
  const [whole, fraction] = s.split('点');
  const value = chineseNumeral(whole);
  if (!fraction) return value;
  return Number(`${value}.${[...fraction].map((c) => chineseNumeral(c)).join('')}`);
}
const TARGET_BOXES = new Set(['renewal_projects']);

function comparatorOf(before: string, suffix: string | undefined): Comparator {
  const s = (suffix ?? '').trim();
  if (s === '以上') return '>=';
  if (s === '以下' || s === '以内') return '<=';
  if (s === '左右') return 'about';
  if (/约\s*$/.test(before)) return 'about';
  if (/超过\s*$/.test(before)) return '>';
  if (/(降至|降到|控制在|不超过)\s*$/.test(before)) return '<=';
  if (/(达到|达|提高到|提升到|增加到|增长到|不低于)\s*$/.test(before)) return '>=';
  return '=';
}

export function extractTargets(doc: PlanDocument, norm: NormalisedText): TargetNode[] {
  const targets: TargetNode[] = [];
  // A chapter without one directive sentence (a background) states facts, not targets.
  const background = new Set(
    doc.chapters
      .filter((c) => !doc.measures.some((m) => m.chapterId === c.id && splitSentences(m.text).some((s) => sentenceMood(s.text) === 'directive')))
      .map((c) => c.id),
  );
  // A chapter that mostly reports (发展基础: 年均增速达到8.8%) states what was: there a number is
  // a target only under a target year (主要目标: 到2025年…达到).
  const reporting = new Set(doc.descriptiveChapters);
  const indicatorNames = doc.indicators.map((i) => ({ id: i.id, name: i.name.replace(/[“”"]/g, '') }));
  const tasksByMeasure = new Map<string, typeof doc.tasks>();
  for (const t of doc.tasks) if (t.measureId) tasksByMeasure.set(t.measureId, [...(tasksByMeasure.get(t.measureId) ?? []), t]);

  const scan = (start: number, end: number, yearCarried: number | null, owner: { taskId: string | null; measureId: string | null; eId: string }, counter: { n: number }, needsYear = false) => {
    const text = norm.text.slice(start, end);
    let year = yearCarried;
    const years = yearsIn(text);
    const quantities = [
      ...[...text.matchAll(QUANTITY)].map((m) => ({ m, value: Number(m[1].replace(/\s+/g, '')), unit: m[3], suffix: m[4] ?? (m[2] ? '以上' : undefined) })),
      ...[...text.matchAll(CHINESE_PERCENT)].map((m) => ({ m, value: chinesePercent(m[1]), unit: '%', suffix: undefined })),
    ].sort((a, b) => a.m.index! - b.m.index!);
    let previous: { end: number; comparator: Comparator } | null = null;
    for (const { m, value, unit, suffix } of quantities) {
      if (!Number.isFinite(value)) continue;
      const at = m.index!;
      for (const y of years) if (y.at < at) year = y.year;
      const before = years.filter((y) => y.at < at).map((y) => y.year);
      if (new Set(before).size > 1) {
        doc.warnings.push({ line: lineAt(norm, start + at), message: `target "${m[0]}": the text before it names the years ${[...new Set(before)].join(' and ')}; took ${year}, the nearest` });
      }
      if (needsYear && year === null) continue;
      const lead = text.slice(Math.max(0, at - 6), at);
      const context = text.slice(Math.max(0, at - 24), at).replace(/[“”"]/g, '');
      const indicator = indicatorNames.find((i) => context.includes(i.name));
      counter.n++;
      const eId = `${owner.eId}__tgt_${counter.n}`;
      const quoteEnd = start + at + m[0].length;
      // The second of a list shares the first's comparator: 分别不低于40%、35%.
      const listed: boolean = previous !== null && suffix === undefined && /^\s*、\s*$/.test(text.slice(previous.end, at));
      const comparator: Comparator = listed ? previous!.comparator : comparatorOf(lead, suffix);
      previous = { end: at + m[0].length, comparator };
      targets.push({
        id: `${doc.plan.id}/${eId}`,
        taskId: owner.taskId,
        measureId: owner.measureId,
        indicatorId: indicator?.id ?? null,
        text: norm.text.slice(start + at, quoteEnd),
        value,
        unit,
        comparator,
        year,
        source: sourceSpan(norm, doc.plan.id, `${doc.plan.id}/${eId}`, start + at, quoteEnd),
      });
    }
    for (const y of years) year = y.year;
    return year;
  };

  let section: string | null = null;
  let carried: number | null = null;
  for (const measure of doc.measures) {
    if (!measure.chapterId || background.has(measure.chapterId)) continue;
    const container = measure.sectionId ?? measure.chapterId;
    if (container !== section) {
      section = container;
      carried = null;
    }
    const eIdOf = (id: string) => id.slice(doc.plan.id.length + 1);
    const needsYear = reporting.has(measure.chapterId);
    const tasks = tasksByMeasure.get(measure.id);
    if (tasks) {
      let year: number | null = carried;
      // Text before the first task (the lead sentence) may set the year too.
      year = scanYears(norm.text.slice(measure.source.start, tasks[0].source.start), year);
      for (const task of tasks) year = scan(task.source.start, task.source.end, year, { taskId: task.id, measureId: null, eId: eIdOf(task.id) }, { n: 0 }, needsYear);
      carried = year;
    } else {
      carried = scan(measure.source.start, measure.source.end, carried, { taskId: null, measureId: measure.id, eId: eIdOf(measure.id) }, { n: 0 }, needsYear);
    }
  }
  for (const box of doc.boxes.filter((b) => TARGET_BOXES.has(b.kind))) {
    const year = /十四五/.test(box.title) ? 2025 : null;
    for (const task of doc.tasks.filter((t) => t.boxId === box.id)) {
      scan(task.source.start, task.source.end, year, { taskId: task.id, measureId: null, eId: task.id.slice(doc.plan.id.length + 1) }, { n: 0 });
    }
  }
  return targets;
}

function scanYears(text: string, year: number | null): number | null {
  for (const y of yearsIn(text)) year = y.year;
  return year;
}
