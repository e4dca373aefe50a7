import { createHash } from 'node:crypto';
import type { PlaceMention, PlanDocument, SourceSpan } from './document';

/**
 * Stage 5: to-graph. Turns the typed document into the rows the loader writes with UNWIND:
 * one list of property maps per label and one list of {from, to, props} per relationship.
 * Pure, and deterministic: the same document gives the same rows in the same order.
 */

export type Props = Record<string, string | number | boolean | null | string[]>;
export interface RelRow {
  from: string;
  to: string;
  props: Props;
}

export interface GraphRows {
  planId: string;
  plan: Props;
  places: Props[];
  placeWithin: RelRow[];
  zoneOverlaps: RelRow[];
  bodies: Props[];
  /** label -> nodes of the plan (every one has id and planId). */
  nodes: Record<PlanLabel, Props[]>;
  /** relationship type -> rows. */
  rels: Record<PlanRelType, RelRow[]>;
}

export const PLAN_LABELS = ['Part', 'Chapter', 'Section', 'Measure', 'Box', 'Task', 'Indicator', 'Target', 'Project', 'PilotZone'] as const;
export type PlanLabel = (typeof PLAN_LABELS)[number];
export const PLAN_REL_TYPES = ['PART_OF', 'STATED_IN', 'MEASURES', 'MENTIONS', 'LOCATED_IN', 'HAS_MEMBER', 'RESPONSIBLE'] as const;
export type PlanRelType = (typeof PLAN_REL_TYPES)[number];

/**
 * Provenance as properties. The quote of a task or a measure is its text: it is not stored twice
 * (`quote` is null then and readers fall back to `text`), which halves what the reads carry.
 */
function source(s: SourceSpan, text?: string): Props {
  return { sourcePath: s.path, sourceStart: s.start, sourceEnd: s.end, sourceLine: s.line, sourceEndLine: s.endLine, quote: text === s.quote ? null : s.quote };
}

function mention(from: string, m: PlaceMention): RelRow {
  return { from, to: m.placeId, props: { basis: m.basis, quote: m.quote, start: m.start, end: m.end, rationale: m.rationale } };
}

export function placeNodeType(kind: string): 'District' | 'Zone' | 'Region' | 'OutsidePlace' | 'Division' {
  if (kind === 'functional_zone') return 'Zone';
  if (kind === 'province' || kind === 'prefecture' || kind === 'county_level') return 'Division';
  if (kind === 'region') return 'Region';
  if (kind === 'outside') return 'OutsidePlace';
  return 'District';
}

export function toGraph(doc: PlanDocument): GraphRows {
  const planId = doc.plan.id;
  const nodes = Object.fromEntries(PLAN_LABELS.map((l) => [l, [] as Props[]])) as Record<PlanLabel, Props[]>;
  const rels = Object.fromEntries(PLAN_REL_TYPES.map((t) => [t, [] as RelRow[]])) as Record<PlanRelType, RelRow[]>;
  // nodeType names the GraphQL type of the node, so that Node and Place resolve without a label lookup.
  const base = (nodeType: PlanLabel, id: string, s: SourceSpan, text?: string): Props => ({ id, planId, nodeType, ...source(s, text) });
  const partOf = (from: string, to: string) => rels.PART_OF.push({ from, to, props: {} });

  // Chapters hang off the plan whatever its parts (chapter numbers run on through the parts);
  // a part lists its chapters, and a chapter names its part.
  for (const p of doc.parts) {
    const chapterIds = doc.chapters.filter((c) => c.partId === p.id).map((c) => c.id);
    nodes.Part.push({ ...base('Part', p.id, p.source), number: p.number, title: p.title, chapterIds });
    partOf(p.id, planId);
  }
  for (const c of doc.chapters) {
    nodes.Chapter.push({ ...base('Chapter', c.id, c.source), number: c.number, title: c.title, tocTitle: c.tocTitle, ...(c.partId ? { partId: c.partId } : {}) });
    partOf(c.id, planId);
  }
  for (const s of doc.sections) {
    nodes.Section.push({ ...base('Section', s.id, s.source), number: s.number, title: s.title, tocTitle: s.tocTitle, chapterId: s.chapterId });
    partOf(s.id, s.chapterId);
  }
  for (const m of doc.measures) {
    nodes.Measure.push({ ...base('Measure', m.id, m.source, m.text), title: m.title, text: m.text, order: m.order, chapterId: m.chapterId || null, sectionId: m.sectionId });
    partOf(m.id, m.sectionId ?? (m.chapterId || planId));
  }
  for (const b of doc.boxes) {
    nodes.Box.push({ ...base('Box', b.id, b.source), number: b.number, title: b.title, kind: b.kind, chapterId: b.chapterId, sectionId: b.sectionId });
    partOf(b.id, b.sectionId ?? b.chapterId);
  }
  // Tasks carry their chapter and section, so that counts per chapter need no traversal.
  const container = new Map<string, { chapterId: string | null; sectionId: string | null }>([
    ...doc.measures.map((m) => [m.id, { chapterId: m.chapterId || null, sectionId: m.sectionId }] as const),
    ...doc.boxes.map((b) => [b.id, { chapterId: b.chapterId, sectionId: b.sectionId }] as const),
  ]);
  for (const t of doc.tasks) {
    const where = container.get((t.measureId ?? t.boxId)!) ?? { chapterId: null, sectionId: null };
    nodes.Task.push({ ...base('Task', t.id, t.source, t.text), kind: t.kind, mood: t.mood, text: t.text, order: t.order, group: t.group, measureId: t.measureId, boxId: t.boxId, ...where });
    partOf(t.id, (t.measureId ?? t.boxId)!);
    for (const m of t.places) rels.MENTIONS.push(mention(t.id, m));
    // Text links are role `named`; derived links (a district's government) are role `deliver`
    // and carry the rule they were derived by as their rationale.
    for (const b of t.bodies) {
      // Role and rationale as the linker gave them: a derived link (deliver) must not read as text (named).
      rels.RESPONSIBLE.push({ from: t.id, to: b.bodyId, props: { basis: b.basis, role: b.role, quote: b.quote, start: b.start, end: b.end, rationale: b.rationale } });
    }
  }
  for (const i of doc.indicators) {
    nodes.Indicator.push({ ...base('Indicator', i.id, i.source),
      number: i.number,
      name: i.name,
      unit: i.unit,
      baseline: i.baseline,
      baselineYear: i.baselineYear,
      target: i.target,
      targetText: i.targetText,
      targetComparator: i.targetComparator,
      targetYear: i.targetYear,
      attribute: i.attribute,
      boxId: i.boxId,
    });
    partOf(i.id, i.boxId);
    rels.STATED_IN.push({ from: i.id, to: i.taskId, props: {} });
  }
  for (const t of doc.targets) {
    nodes.Target.push({ ...base('Target', t.id, t.source), text: t.text, value: t.value, unit: t.unit, comparator: t.comparator, year: t.year });
    rels.STATED_IN.push({ from: t.id, to: (t.taskId ?? t.measureId)!, props: {} });
    if (t.indicatorId) rels.MEASURES.push({ from: t.id, to: t.indicatorId, props: {} });
  }
  for (const p of doc.projects) {
    nodes.Project.push({ ...base('Project', p.id, p.source), name: p.name, kind: p.kind, category: p.category, areaKm2: p.areaKm2, boxId: p.boxId });
    partOf(p.id, p.boxId);
    rels.STATED_IN.push({ from: p.id, to: p.taskId, props: {} });
    for (const m of p.places) rels.LOCATED_IN.push(mention(p.id, m));
  }
  for (const z of doc.pilotZones) {
    nodes.PilotZone.push({ ...base('PilotZone', z.id, z.source), name: z.name, areaKm2: z.areaKm2, focus: z.focus, boxId: z.boxId });
    partOf(z.id, z.boxId);
    rels.STATED_IN.push({ from: z.id, to: z.taskId, props: {} });
    for (const m of z.members) rels.HAS_MEMBER.push(mention(z.id, m));
  }
  for (const c of doc.curated) {
    rels.RESPONSIBLE.push({ from: c.measureId, to: c.bodyId, props: { basis: c.basis, role: c.role, quote: null, start: null, end: null, rationale: c.rationale } });
  }
  const byName = new Map(doc.places.map((p) => [p.name, p.id]));
  return {
    planId,
    plan: {
      id: planId,
      planId,
      nodeType: 'Plan',
      title: doc.plan.title,
      documentNumber: doc.plan.documentNumber,
      issuer: doc.plan.issuer,
      issuedOn: doc.plan.issuedOn,
      sourceFile: doc.plan.sourceFile.split('/').pop() ?? doc.plan.sourceFile,
      checksum: doc.plan.checksum,
      // What the load compares to skip an unchanged plan: the text and its curated links.
      contentChecksum: createHash('sha256').update(doc.plan.checksum).update(JSON.stringify(doc.curated)).digest('hex'),
      textLength: doc.plan.textLength,
      text: doc.text,
      jurisdiction: doc.plan.jurisdiction ?? null,
      // Regions belong to the plan whose gazetteer defines them (一区两群 for Chongqing's plans).
      regionRoots: doc.places.filter((p) => p.kind === 'region' && p.regionName === null).map((p) => p.id),
      ingestReport: doc.report ? JSON.stringify({ ...doc.report, file: doc.plan.sourceFile.split('/').pop() }) : null,
    },
    places: doc.places.map((p) => ({ id: p.id, nodeType: placeNodeType(p.kind), name: p.name, shortName: p.shortName, kind: p.kind, code: p.code, regionName: p.regionName, aliases: p.aliases })),
    placeWithin: doc.places
      .filter((p) => p.regionName && byName.has(p.regionName))
      .map((p) => ({ from: p.id, to: byName.get(p.regionName!)!, props: {} })),
    zoneOverlaps: doc.zoneOverlaps.map((z) => ({ from: z.zoneId, to: z.districtId, props: { basis: 'gazetteer', rationale: z.note } })),
    bodies: doc.bodies.map((b) => ({ id: b.id, nodeType: 'Body', name: b.name, kind: b.kind, fullName: b.fullName ?? null, remit: b.remit ?? null, governs: b.governs ?? null })),
    nodes,
    rels,
  };
}
