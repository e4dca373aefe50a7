import { createHash } from 'node:crypto';
import type {
  BoxKind,
  BoxNode,
  ChapterNode,
  MeasureNode,
  PartNode,
  PlanDocument,
  SourceSpan,
  SectionNode,
  TaskNode,
  TocEntry,
} from './document';
import { IngestError } from './ingest-error';
import type { NormalisedText } from './normalise';
import { ADOPTION_NOTE, type Block } from './segment';
import { contentsEntries, matchHeading } from './heading-grammar';
import { sentenceMood } from './sentence-mood';
import { compactDigits } from './parse-indicator-row';
import { sourceSpan } from './source-span';
import { leadSentenceLength, leadTitleConvention, splitSentences, type LeadTitles } from './split-sentences';
import { BoxParser } from './parse-box';

/**
 * Stage 3: parse. Builds the hierarchy Plan -> Chapter -> Section -> Measure -> Task and the
 * boxes from the blocks. Places and bodies are left empty here; stage 4 (link) fills them.
 */

export interface ParseOptions {
  planId: string;
  sourceFile: string;
}

/**
 * A chapter whose sentences mostly describe (background, situation, goals stated as outcomes)
 * yields no tasks; in a chapter that mostly directs, every sentence is a task and carries its
 * mood. Decided by the sentences themselves (sentence-mood.ts), never by the chapter's title.
 */
const MIN_DIRECTIVE_SHARE = 0.5;

export function parsePlan(norm: NormalisedText, blocks: Block[], options: ParseOptions): PlanDocument {
  const { planId } = options;
  const doc: PlanDocument = {
    plan: {
      id: planId,
      title: '',
      documentNumber: null,
      issuer: null,
      issuedOn: null,
      sourceFile: options.sourceFile,
      checksum: createHash('sha256').update(norm.text).digest('hex'),
      textLength: norm.text.length,
    },
    text: norm.text,
    toc: [],
    parts: [],
    chapters: [],
    sections: [],
    measures: [],
    boxes: [],
    tasks: [],
    indicators: [],
    targets: [],
    projects: [],
    pilotZones: [],
    places: [],
    zoneOverlaps: [],
    bodies: [],
    curated: [],
    warnings: [],
    descriptiveChapters: [],
  };
  const id = (eId: string) => `${planId}/${eId}`;
  const span = (eId: string, start: number, end: number) => sourceSpan(norm, planId, id(eId), start, end);

  if (!blocks.some((b) => b.kind === 'chapter')) {
    const first = blocks[0];
    throw new IngestError(
      options.sourceFile,
      first?.line ?? 1,
      1,
      'no chapter heading (第一章 ...) or top-level heading (一、...) found: this does not look like a plan text',
    );
  }

  let part: PartNode | null = null;
  let chapter: ChapterNode | null = null;
  let section: SectionNode | null = null;
  let box: BoxParser | null = null;
  let measureCount = 0;
  let prefaceCount = 0;
  const titleSpans: [number, number][] = [];
  const front: string[] = [];
  let lastTocHeading: TocEntry | null = null;
  const cellTableWarnings: { line: number; cells: number }[] = [];
  let previousKind: Block['kind'] | null = null;

  const leadTitles = leadTitleConvention(blocks.filter((b) => b.kind === 'paragraph' && !b.afterFusedHeading).map((b) => b.text));
  const closeBox = () => {
    if (box) box.finish();
    box = null;
  };

  for (const block of blocks) {
    const t = block.text.trim();
    const kindBefore = previousKind;
    previousKind = block.kind;
    switch (block.kind) {
      case 'front': {
        readFrontMatter(doc, t);
        front.push(t);
        break;
      }
      case 'preamble':
        break;
      case 'closing':
        // The signature: who issued it and when; kept in the text, no measure of the body.
        readFrontMatter(doc, t);
        break;
      case 'back':
        break;
      case 'cell': {
        // A table written one cell per line: kept in the text, reported once, not read as rows.
        if (kindBefore !== 'cell') cellTableWarnings.push({ line: block.line, cells: 0 });
        cellTableWarnings[cellTableWarnings.length - 1].cells++;
        break;
      }
      case 'toc': {
        const leading = block.text.length - block.text.trimStart().length;
        for (const part of contentsEntries(t)) {
          const entry = readTocLine(part.text, block.line, lastTocHeading);
          if (entry === 'page') continue;
          if (entry) {
            entry.start = block.start + leading + part.offset;
            doc.toc.push(entry);
            lastTocHeading = entry;
          }
        }
        break;
      }
      case 'title': {
        // A document number under the title (国发〔2018〕38号) is no line of the title.
        if (DOCUMENT_NUMBER.test(compactDigits(t))) {
          readFrontMatter(doc, t);
          break;
        }
        const leading = block.text.length - block.text.trimStart().length;
        titleSpans.push([block.start + leading, block.start + leading + t.length]);
        break;
      }
      case 'part': {
        closeBox();
        const eId = `part_${block.number}`;
        part = { id: id(eId), number: block.number!, title: block.title!, source: span(eId, block.start, block.end) };
        doc.parts.push(part);
        break;
      }
      case 'chapter': {
        closeBox();
        const number = block.number!;
        const eId = `chp_${number}`;
        const tocTitle = doc.toc.find((e) => e.level === 'chapter' && e.number === number)?.title ?? null;
        chapter = {
          id: id(eId),
          partId: part?.id ?? null,
          number,
          title: block.title!,
          tocTitle: tocTitle !== null && tocTitle !== block.title ? tocTitle : null,
          source: span(eId, block.start, block.end),
        };
        if (chapter.tocTitle) doc.warnings.push({ line: block.line, message: `chapter ${number}: contents say "${tocTitle}", body says "${block.title}" (body wins)` });
        doc.chapters.push(chapter);
        section = null;
        measureCount = 0;
        break;
      }
      case 'section': {
        closeBox();
        if (!chapter) {
          doc.warnings.push({ line: block.line, message: 'a section heading before any chapter heading: read as a paragraph of the preamble' });
          prefaceCount++;
          addMeasure(doc, norm, span, block, null, null, `preface__para_${prefaceCount}`, prefaceCount, false, leadTitles);
          break;
        }
        const number = block.number!;
        const eId = `chp_${chapter.number}__sec_${number}`;
        const chapterNumber = chapter.number;
        const tocTitle = doc.toc.find((e) => e.level === 'section' && e.chapterNumber === chapterNumber && e.number === number)?.title ?? null;
        section = {
          id: id(eId),
          chapterId: chapter.id,
          number,
          title: block.title!,
          tocTitle: tocTitle !== null && tocTitle !== block.title ? tocTitle : null,
          source: span(eId, block.start, block.end),
        };
        if (section.tocTitle) doc.warnings.push({ line: block.line, message: `section ${chapter.number}.${number}: contents say "${tocTitle}", body says "${block.title}" (body wins)` });
        doc.sections.push(section);
        measureCount = 0;
        break;
      }
      case 'box': {
        closeBox();
        if (!chapter) {
          doc.warnings.push({ line: block.line, message: 'a box (专栏) before any chapter heading: read as a paragraph of the preamble' });
          prefaceCount++;
          addMeasure(doc, norm, span, block, null, null, `preface__para_${prefaceCount}`, prefaceCount, false, leadTitles);
          break;
        }
        const eId = `box_${block.number}`;
        const node: BoxNode = {
          id: id(eId),
          number: block.number!,
          title: block.title!,
          kind: boxKind(block.title!),
          chapterId: chapter.id,
          sectionId: section?.id ?? null,
          source: span(eId, block.start, block.end),
        };
        doc.boxes.push(node);
        box = new BoxParser(doc, norm, node, span);
        break;
      }
      default: {
        // group headings, table rows and paragraphs: a box takes them while they fit its form.
        if (box && box.accepts(block)) {
          box.take(block);
          break;
        }
        closeBox();
        if (block.kind === 'row') {
          doc.warnings.push({ line: block.line, message: 'a table row outside any box was read as a paragraph' });
        }
        if (!chapter) {
          prefaceCount++;
          addMeasure(doc, norm, span, block, null, null, `preface__para_${prefaceCount}`, prefaceCount, false, leadTitles);
          break;
        }
        measureCount++;
        const eId = section
          ? `chp_${chapter.number}__sec_${section.number}__para_${measureCount}`
          : `chp_${chapter.number}__para_${measureCount}`;
        addMeasure(doc, norm, span, block, chapter, section, eId, measureCount, true, leadTitles);
      }
    }
  }
  closeBox();
  for (const w of cellTableWarnings) {
    doc.warnings.push({ line: w.line, message: `a table written one cell per line (${w.cells} lines) was kept as text: its table rows are not read as indicators` });
  }
  dropTasksOfDescriptiveChapters(doc);
  const titleLines = titleSpans.slice(0, 2);
  const notice = front.map((l) => /关于印发(.+?)的通知/.exec(l)?.[1]).find((x) => x);
  doc.plan.titleSpans = titleLines;
  doc.plan.title = titleLines.length ? titleLines.map(([s, e]) => norm.text.slice(s, e)).join('') : (notice ?? doc.chapters[0].title);
  checkNumbering(doc);
  return doc;
}

type SpanFn = (eId: string, start: number, end: number) => ReturnType<typeof sourceSpan>;

function addMeasure(
  doc: PlanDocument,
  norm: NormalisedText,
  span: SpanFn,
  block: Block,
  chapter: ChapterNode | null,
  section: SectionNode | null,
  eId: string,
  order: number,
  directive: boolean,
  leadTitles: LeadTitles,
): void {
  const leading = block.text.length - block.text.trimStart().length;
  const start = block.start + leading;
  const text = norm.text.slice(start, block.end);
  const lead = block.afterFusedHeading ? 0 : leadSentenceLength(text, leadTitles);
  const measure: MeasureNode = {
    id: `${doc.plan.id}/${eId}`,
    chapterId: chapter?.id ?? '',
    sectionId: section?.id ?? null,
    order,
    title: lead ? text.slice(0, lead - 1) : null,
    text,
    source: span(eId, start, block.end),
  };
  doc.measures.push(measure);
  if (!directive) return;
  let n = 0;
  for (const sentence of splitSentences(text.slice(lead))) {
    n++;
    const taskEId = `${eId}__sent_${n}`;
    const s = start + lead + sentence.start;
    const e = start + lead + sentence.end;
    const task: TaskNode = {
      id: `${doc.plan.id}/${taskEId}`,
      kind: 'sentence',
      mood: sentenceMood(sentence.text),
      text: sentence.text,
      measureId: measure.id,
      boxId: null,
      order: n,
      group: null,
      places: [],
      bodies: [],
      source: span(taskEId, s, e),
    };
    doc.tasks.push(task);
  }
}

function dropTasksOfDescriptiveChapters(doc: PlanDocument): void {
  const chapterOf = new Map(doc.measures.map((m) => [m.id, m.chapterId]));
  const share = new Map<string, { directive: number; all: number }>();
  for (const t of doc.tasks) {
    if (t.kind !== 'sentence') continue;
    const c = chapterOf.get(t.measureId!)!;
    const s = share.get(c) ?? { directive: 0, all: 0 };
    s.all++;
    if (t.mood === 'directive') s.directive++;
    share.set(c, s);
  }
  doc.descriptiveChapters = doc.chapters.filter((c) => {
    const s = share.get(c.id);
    return s !== undefined && s.directive < MIN_DIRECTIVE_SHARE * s.all;
  }).map((c) => c.id);
  const descriptive = new Set(doc.descriptiveChapters);
  doc.tasks = doc.tasks.filter((t) => t.kind !== 'sentence' || !descriptive.has(chapterOf.get(t.measureId!)!));
}

function boxKind(title: string): BoxKind {
  if (/功能定位/.test(title)) return 'positioning';
  if (/试验|试点/.test(title)) return 'pilot_zones';
  if (/指标|目标/.test(title)) return 'indicators';
  if (/通道/.test(title)) return 'corridors';
  if (/交通/.test(title) && /项目/.test(title)) return 'transport_projects';
  if (/更新/.test(title)) return 'renewal_projects';
  return 'projects';
}

function readFrontMatter(doc: PlanDocument, raw: string): void {
  const line = compactDigits(raw);
  const number = DOCUMENT_NUMBER.exec(line);
  if (number && !doc.plan.documentNumber) doc.plan.documentNumber = number[0];
  const date = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(line);
  if (date && !doc.plan.issuedOn) doc.plan.issuedOn = isoDate(date[1], date[2], date[3]);
  if (!doc.plan.issuer && /^(?:[\u4e00-\u9fff]{2,20}(人民政府|委员会|办公厅)|国务院|中共中央)$/.test(line)) doc.plan.issuer = line;
  // Adopted by a congress: the note under the title gives the date and who adopted it.
  const adopted = ADOPTION_NOTE.exec(line);
  if (adopted) {
    doc.plan.issuedOn ??= isoDate(adopted[1], adopted[2], adopted[3]);
    if (adopted[4]) doc.plan.issuer ??= adopted[4];
  }
}

/** 2001, 2, 16 (digits as the text writes them, OCR spaces removed) → 2001-02-16. */
const isoDate = (year: string, month: string, day: string): string => {
  const digits = (s: string, width: number) => s.replace(/\s+/g, '').padStart(width, '0');
  return `${digits(year, 4)}-${digits(month, 2)}-${digits(day, 2)}`;
};

const DOCUMENT_NUMBER = /[\u4e00-\u9fff]+[发函]〔\d{4}〕\d+号/;

/** A contents line: a heading with its page, or 'page' for a lone page number, or null. */
function readTocLine(line: string, lineNo: number, last: TocEntry | null): TocEntry | 'page' | null {
  const page = /^（(\d[\d\s]*)）$/.exec(line);
  if (page) {
    if (last && last.page === null) last.page = Number(page[1].replace(/\s+/g, ''));
    return 'page';
  }
  const h = matchHeading(line);
  if (!h) return null;
  const levels: Partial<Record<string, TocEntry['level']>> = { part: 'part', chapter: 'chapter', section: 'section', top: 'chapter', item: 'section' };
  const level = levels[h.level];
  if (!level) return null;
  const pageRef = /[\s.．…·]*(?:（(\d[\d\s]*)）|(\d+))?$/.exec(h.rest)!;
  const lastChapter = last ? (last.level === 'chapter' ? last.number : last.chapterNumber) : 0;
  return {
    level,
    chapterNumber: level === 'section' ? lastChapter : h.number,
    number: h.number,
    title: h.rest.slice(0, pageRef.index).replace(/[\s.．…·]+$/, '').trim(),
    page: pageRef[1] ?? pageRef[2] ? Number((pageRef[1] ?? pageRef[2]).replace(/\s+/g, '')) : null,
    line: lineNo,
  };
}

/**
 * Parts, chapters and the sections of a chapter count 1, 2, 3 ...; a gap or a disorder means the
 * text lost or misplaced a heading. It is a warning at the heading: the rest of the plan is read.
 */
function checkNumbering(doc: PlanDocument): void {
  const check = (label: string, nodes: { number: number; source: SourceSpan }[], firstExpected: number[] = [1]) => {
    nodes.forEach((n, i) => {
      const expected = i === 0 ? firstExpected : [nodes[i - 1].number + 1];
      if (!expected.includes(n.number)) {
        const after = i === 0 ? 'at the start' : `after ${label} ${nodes[i - 1].number}`;
        doc.warnings.push({ line: n.source.line, message: `numbering: ${label} ${n.number} ${after} (expected ${expected[0]}): a heading is missing or out of order` });
      }
    });
  };
  check('part', doc.parts);
  check('chapter', doc.chapters);
  // Sections count from 1 in each chapter, or on from the chapter before (（三） in 二、 of an opinion).
  let previous = 0;
  for (const c of doc.chapters) {
    const sections = doc.sections.filter((s) => s.chapterId === c.id);
    check(`section of chapter ${c.number}:`, sections, [1, previous + 1]);
    if (sections.length) previous = sections[sections.length - 1].number;
  }
}
