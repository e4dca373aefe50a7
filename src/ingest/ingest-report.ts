import type { PlanDocument } from './document';
import type { NormalisedText } from './normalise';

/**
 * What ingestion made of a file, kept on the plan (Plan.ingestReport) and printed by the CLI:
 * the counts of what it found, how it read the layout, and every doubt it has, with its line in
 * the file. `npm run ingest -- --strict` refuses a plan whose report has warnings.
 */

export type WarningKind = 'numbering' | 'contents' | 'fragment' | 'unknown_heading' | 'box' | 'table_row' | 'structure' | 'target';

export interface IngestWarning {
  line: number;
  kind: WarningKind;
  message: string;
}

export interface IngestReport {
  file: string;
  counts: {
    parts: number;
    chapters: number;
    sections: number;
    measures: number;
    boxes: number;
    tasks: number;
    directiveTasks: number;
    descriptiveTasks: number;
    indicators: number;
    targets: number;
    projects: number;
    pilotZones: number;
    placeLinks: number;
    linkedPlaces: number;
  };
  layout: {
    /** The width (ems) the file is hard-wrapped at, when it is. */
    wrapWidth: number | null;
    /** Lines of the file joined to the line before (wraps and page ends). */
    joinedLines: number;
    /** Lines left out as page numbers and running titles. */
    furnitureLines: number;
  };
  warnings: IngestWarning[];
}

const SENTENCE_END = /[。！？；：…][”’」』）)]*$/;
/** The note that may follow a full stop (…试点。（负责部门：商务部）): the sentence ended before it. */
const TRAILING_NOTE = /[（(][^（()）]*[）)]$/;
const HEADING_LIKE = /^[^。，；！？：]{2,30}$/;

function kindOf(message: string): WarningKind {
  if (message.startsWith('numbering:')) return 'numbering';
  if (/contents say/.test(message)) return 'contents';
  if (/table row/.test(message)) return 'table_row';
  if (/^box /.test(message)) return 'box';
  if (/target/.test(message)) return 'target';
  return 'structure';
}

export function buildIngestReport(doc: PlanDocument, norm: NormalisedText): IngestReport {
  const warnings: IngestWarning[] = doc.warnings.map((w) => ({ line: w.line, kind: kindOf(w.message), message: w.message }));
  // A task that ends no sentence is a piece of one: a wrap or a page end was not joined.
  // (A short line without sentence marks is reported once, as an unknown heading, below.)
  const headingLike = new Set(doc.measures.filter((m) => HEADING_LIKE.test(m.text.trim())).map((m) => m.id));
  for (const t of doc.tasks) {
    if (t.kind === 'sentence' && !SENTENCE_END.test(t.text.trim().replace(TRAILING_NOTE, '')) && !headingLike.has(t.measureId!)) {
      warnings.push({ line: t.source.endLine, kind: 'fragment', message: `a sentence that does not end: "${t.text.slice(-20)}" (${t.id})` });
    }
  }
  // A short line without sentence marks, read as a paragraph: a heading of a form the grammar does not know?
  for (const m of doc.measures) {
    if (m.chapterId && HEADING_LIKE.test(m.text.trim())) {
      warnings.push({ line: m.source.line, kind: 'unknown_heading', message: `a short line without sentence marks read as a paragraph: "${m.text.trim()}"` });
    }
  }
  warnings.sort((a, b) => a.line - b.line);
  const places = new Set(doc.tasks.flatMap((t) => t.places.map((p) => p.placeId)));
  return {
    file: doc.plan.sourceFile,
    counts: {
      parts: doc.parts.length,
      chapters: doc.chapters.length,
      sections: doc.sections.length,
      measures: doc.measures.length,
      boxes: doc.boxes.length,
      tasks: doc.tasks.length,
      directiveTasks: doc.tasks.filter((t) => t.mood === 'directive').length,
      descriptiveTasks: doc.tasks.filter((t) => t.mood === 'descriptive').length,
      indicators: doc.indicators.length,
      targets: doc.targets.length,
      projects: doc.projects.length,
      pilotZones: doc.pilotZones.length,
      placeLinks: doc.tasks.reduce((n, t) => n + t.places.length, 0),
      linkedPlaces: places.size,
    },
    layout: { wrapWidth: norm.wrapWidth, joinedLines: norm.joinedLines.length, furnitureLines: norm.furniture.length },
    warnings,
  };
}

/** `file:line: kind: message`, one a line, as compilers print. */
export function formatWarnings(report: IngestReport): string[] {
  return report.warnings.map((w) => `${report.file}:${w.line}: ${w.kind}: ${w.message}`);
}
