import type { ExportNode, ExportRelationship } from '../graph/read/plan-export';

/**
 * The one sheet a spreadsheet user needs: every task of the plan with its plan, chapter, section,
 * measure (or box), verbatim text, places and responsible bodies joined in, so that nobody has to
 * join three files by id. Lists (places, bodies) hold one item per line of the cell; the
 * evidence columns line up with them, line by line.
 *
 * Bodies come from the task's own RESPONSIBLE links (basis text: the task names the body;
 * derived: the task names a district, whose government delivers it) and from its measure's
 * (basis curated: an analyst assigned it by remit), as the API's Task.bodyLinks gives them.
 */

export const TASK_SHEET_COLUMNS = [
  'task_id',
  'plan_id',
  'plan_title',
  'chapter_number',
  'chapter_title',
  'section_number',
  'section_title',
  'measure_id',
  'measure_title',
  'box_number',
  'box_title',
  'kind',
  'text',
  'source_line',
  'source_start',
  'source_end',
  'places',
  'place_evidence',
  'bodies',
  'body_evidence',
] as const;

export type TaskSheetRow = Record<(typeof TASK_SHEET_COLUMNS)[number], string | number | string[] | null>;

/** What each column holds, for the bundle's README. */
export const TASK_SHEET_NOTES: Record<(typeof TASK_SHEET_COLUMNS)[number], string> = {
  task_id: 'stable id of the task (`<plan>/<eId>`), the same as in the API and /explorer#source/<id>',
  plan_id: 'the plan',
  plan_title: 'its title',
  chapter_number: '第N章',
  chapter_title: 'title of the chapter as the body of the text gives it',
  section_number: '第N节 (empty where the chapter has no sections)',
  section_title: 'title of the section',
  measure_id: 'the paragraph the sentence belongs to (empty for box entries)',
  measure_title: 'its lead sentence, e.g. 深化户籍制度改革',
  box_number: '专栏N, for box entries',
  box_title: 'title of the box',
  kind: 'sentence, or the kind of box entry (indicator, positioning, project, ...)',
  text: 'the task verbatim: this is the quote',
  source_line: 'line of the original file where the task starts',
  source_start: 'offset of the task in the plan text (UTF-16 code units)',
  source_end: 'end offset, exclusive',
  places: 'places the task names, one per line: `name [basis]` (text: named in the task; gazetteer: a locality in the place)',
  place_evidence: 'for each line of `places`: the words of the task that name the place, or the rationale',
  bodies: 'responsible bodies, one per line: `name [basis/role]` (text: named in the task; derived: the government of a district the task names; curated: assigned by remit, not in the text)',
  body_evidence: 'for each line of `bodies`: the quote (text, derived) or the rationale (curated)',
};

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function byId(nodes: ExportNode[]): Map<string, ExportNode> {
  return new Map(nodes.map((n) => [n.id, n]));
}

function linksFrom(rels: ExportRelationship[], type: string): Map<string, ExportRelationship[]> {
  const out = new Map<string, ExportRelationship[]>();
  for (const r of rels) if (r.type === type) out.set(r.from, [...(out.get(r.from) ?? []), r]);
  return out;
}

const ROLE_ORDER: Record<string, number> = { lead: 0, named: 1, deliver: 2 };

export function taskSheet(graph: { nodes: ExportNode[]; relationships: ExportRelationship[] }, planId: string): TaskSheetRow[] {
  const nodes = byId(graph.nodes);
  const plan = nodes.get(planId);
  const responsible = linksFrom(graph.relationships, 'RESPONSIBLE');
  const mentions = linksFrom(graph.relationships, 'MENTIONS');
  const prop = (id: unknown, key: string): unknown => (typeof id === 'string' ? nodes.get(id)?.properties[key] : undefined);
  const tasks = graph.nodes
    .filter((n) => n.labels.includes('Task') && n.properties.planId === planId)
    .sort((a, b) => Number(a.properties.sourceStart) - Number(b.properties.sourceStart));
  return tasks.map((t) => {
    const p = t.properties;
    const bodyLinks = [...(responsible.get(t.id) ?? []), ...(typeof p.measureId === 'string' ? (responsible.get(p.measureId) ?? []) : [])].sort(
      (a, b) => (ROLE_ORDER[String(a.properties.role)] ?? 3) - (ROLE_ORDER[String(b.properties.role)] ?? 3) || a.to.localeCompare(b.to),
    );
    const placeLinks = mentions.get(t.id) ?? [];
    return {
      task_id: t.id,
      plan_id: planId,
      plan_title: str(plan?.properties.title),
      chapter_number: str(prop(p.chapterId, 'number')),
      chapter_title: str(prop(p.chapterId, 'title')),
      section_number: str(prop(p.sectionId, 'number')),
      section_title: str(prop(p.sectionId, 'title')),
      measure_id: str(p.measureId),
      measure_title: str(prop(p.measureId, 'title')),
      box_number: str(prop(p.boxId, 'number')),
      box_title: str(prop(p.boxId, 'title')),
      kind: str(p.kind),
      text: str(p.text),
      source_line: str(p.sourceLine),
      source_start: str(p.sourceStart),
      source_end: str(p.sourceEnd),
      places: placeLinks.map((r) => `${String(prop(r.to, 'name') ?? r.to)} [${String(r.properties.basis)}]`),
      place_evidence: placeLinks.map((r) => String(r.properties.quote ?? r.properties.rationale ?? '')),
      bodies: bodyLinks.map((r) => `${String(prop(r.to, 'name') ?? r.to)} [${String(r.properties.basis)}/${String(r.properties.role ?? '')}]`),
      body_evidence: bodyLinks.map((r) => String((r.properties.basis === 'curated' ? r.properties.rationale : r.properties.quote) ?? r.properties.rationale ?? '')),
    };
  });
}
