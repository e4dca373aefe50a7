import type { Comparator, PlanDocument, TargetNode } from './document';
import type { NormalisedText } from './normalise';
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

const QUANTITY =
  /(?<![A-Za-z0-9_.{\-])(\d+(?:\.\d+)?)\s*((?:万|亿)?(?:%|平方米|平方公里|公里|人|个|座|条|户|小时|分钟))(\s*(?:以上|以下|以内|左右))?/g;
const YEAR = /到\s*(\d{4})\s*年/g;
const TARGET_BOXES = new Set(['renewal_projects']);

function comparatorOf(before: string, suffix: string | undefined): Comparator {
  const s = (suffix ?? '').trim();
  if (s === '以上') return '>=';
  if (s === '以下' || s === '以内') return '<=';
  if (s === '左右') return 'about';
  if (/约\s*$/.test(before)) return 'about';
  if (/超过\s*$/.test(before)) return '>';
  if (/(降至|降到|控制在|不超过)\s*$/.test(before)) return '<=';
  if (/(达到|达|提高到|提升到|不低于)\s*$/.test(before)) return '>=';
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
  const indicatorNames = doc.indicators.map((i) => ({ id: i.id, name: i.name.replace(/[“”"]/g, '') }));
  const tasksByMeasure = new Map<string, typeof doc.tasks>();
  for (const t of doc.tasks) if (t.measureId) tasksByMeasure.set(t.measureId, [...(tasksByMeasure.get(t.measureId) ?? []), t]);

  const scan = (start: number, end: number, yearCarried: number | null, owner: { taskId: string | null; measureId: string | null; eId: string }, counter: { n: number }) => {
    const text = norm.text.slice(start, end);
    let year = yearCarried;
    const years = [...text.matchAll(YEAR)].map((m) => ({ at: m.index!, year: Number(m[1]) }));
    for (const m of text.matchAll(QUANTITY)) {
      const at = m.index!;
      for (const y of years) if (y.at < at) year = y.year;
      const before = text.slice(Math.max(0, at - 6), at);
      const context = text.slice(Math.max(0, at - 24), at).replace(/[“”"]/g, '');
      const indicator = indicatorNames.find((i) => context.includes(i.name));
      counter.n++;
      const eId = `${owner.eId}__tgt_${counter.n}`;
      const quoteEnd = start + at + m[0].length;
      targets.push({
        id: `${doc.plan.id}/${eId}`,
        taskId: owner.taskId,
        measureId: owner.measureId,
        indicatorId: indicator?.id ?? null,
        text: norm.text.slice(start + at, quoteEnd),
        value: Number(m[1]),
        unit: m[2],
        comparator: comparatorOf(before, m[3]),
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
    const tasks = tasksByMeasure.get(measure.id);
    if (tasks) {
      let year: number | null = carried;
      // Text before the first task (the lead sentence) may set the year too.
      year = scanYears(norm.text.slice(measure.source.start, tasks[0].source.start), year);
      for (const task of tasks) year = scan(task.source.start, task.source.end, year, { taskId: task.id, measureId: null, eId: eIdOf(task.id) }, { n: 0 });
      carried = year;
    } else {
      carried = scan(measure.source.start, measure.source.end, carried, { taskId: null, measureId: measure.id, eId: eIdOf(measure.id) }, { n: 0 });
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
  for (const m of text.matchAll(YEAR)) year = Number(m[1]);
  return year;
}
