import { createHash } from 'node:crypto';
import type { PlanDocument, SourceSpan } from './document';
import type { NormalisedText } from './normalise';

/**
 * The stages parse the canonical view (one width per punctuation mark and digit); what the
 * graph stores must be the served text itself. The view has the text's length, so every
 * offset holds: this puts back, at the same offsets, the characters of the served text into
 * every quote, text and name of the document.
 */
export function restoreServedText(doc: PlanDocument, norm: NormalisedText): PlanDocument {
  const served = norm.text;
  const canonical = norm.canonical;
  const slice = (start: number, end: number) => served.slice(start, end);
  /** The served form of `value`, found in the canonical text within [from, to). */
  const within = (value: string, from: number, to: number = canonical.length): string => {
    if (value === '') return value;
    const at = canonical.indexOf(value, from);
    return at >= 0 && at + value.length <= to ? served.slice(at, at + value.length) : value;
  };
  const requote = (s: SourceSpan) => {
    s.quote = slice(s.start, s.end);
  };

  doc.text = served;
  doc.plan.checksum = createHash('sha256').update(served).digest('hex');
  doc.plan.textLength = served.length;
  if (doc.plan.titleSpans) doc.plan.title = doc.plan.titleSpans.map(([s, e]) => slice(s, e)).join('');
  const tocServed = new Map<string, string>();
  for (const e of doc.toc) {
    if (e.start === undefined) continue;
    const title = within(e.title, e.start);
    tocServed.set(e.title, title);
    e.title = title;
  }
  for (const n of [...doc.parts, ...doc.chapters, ...doc.sections]) {
    n.title = within(n.title, n.source.start, n.source.end);
    requote(n.source);
  }
  for (const c of [...doc.chapters, ...doc.sections]) if (c.tocTitle) c.tocTitle = tocServed.get(c.tocTitle) ?? c.tocTitle;
  for (const m of doc.measures) {
    requote(m.source);
    m.text = m.source.quote;
    if (m.title !== null) m.title = slice(m.source.start, m.source.start + m.title.length);
  }
  for (const b of doc.boxes) {
    b.title = within(b.title, b.source.start, b.source.end);
    requote(b.source);
  }
  for (const t of doc.tasks) {
    requote(t.source);
    t.text = t.source.quote;
    if (t.group !== null && t.boxId) {
      const box = doc.boxes.find((b) => b.id === t.boxId);
      if (box) t.group = within(t.group, box.source.start, t.source.start);
    }
    for (const m of t.places) m.quote = slice(m.start, m.end);
    for (const b of t.bodies) b.quote = slice(b.start, b.end);
  }
  for (const i of doc.indicators) {
    i.name = within(i.name, i.source.start, i.source.end);
    if (i.unit !== null) i.unit = within(i.unit, i.source.start, i.source.end);
    i.targetText = within(i.targetText, i.source.start, i.source.end);
    requote(i.source);
  }
  for (const t of doc.targets) {
    requote(t.source);
    t.text = t.source.quote;
    t.unit = within(t.unit, t.source.start, t.source.end);
  }
  for (const p of doc.projects) {
    p.name = within(p.name, p.source.start, p.source.end);
    const task = doc.tasks.find((t) => t.id === p.taskId);
    if (p.category !== null && task) p.category = within(p.category, task.source.start, task.source.end);
    requote(p.source);
    for (const m of p.places) m.quote = slice(m.start, m.end);
  }
  for (const z of doc.pilotZones) {
    z.name = within(z.name, z.source.start, z.source.end);
    if (z.focus !== null) z.focus = within(z.focus, z.source.start, z.source.end);
    requote(z.source);
    for (const m of z.members) m.quote = slice(m.start, m.end);
  }
  return doc;
}
