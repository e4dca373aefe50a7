import { createHash } from 'node:crypto';
import type {
  BoxKind,
  BoxNode,
  ChapterNode,
  MeasureNode,
  PlanDocument,
  SectionNode,
  TaskNode,
  TocEntry,
} from './document';
import { IngestError } from './ingest-error';
import type { NormalisedText } from './normalise';
import type { Block } from './segment';
import { chineseNumber } from './segment';
import { sourceSpan } from './source-span';
import { leadSentenceLength, splitSentences } from './split-sentences';
import { BoxParser } from './parse-box';

/**
 * Stage 3: parse. Builds the hierarchy Plan -> Chapter -> Section -> Measure -> Task and the
 * boxes from the blocks. Places and bodies are left empty here; stage 4 (link) fills them.
 */

export interface ParseOptions {
  planId: string;
  sourceFile: string;
}

/** Chapters that describe rather than direct (background, overall requirements) yield no tasks. */
const NON_DIRECTIVE_CHAPTER = /背景|总体要求|发展基础|发展环境|形势/;

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
  };
  const id = (eId: string) => `${planId}/${eId}`;
  const span = (eId: string, start: number, end: number) => sourceSpan(norm, planId, id(eId), start, end);

  if (!blocks.some((b) => b.kind === 'chapter')) {
    const first = blocks[0];
    throw new IngestError(options.sourceFile, first?.line ?? 1, 1, 'no chapter heading (第一章 ...) found: this does not look like a plan text');
  }

  let chapter: ChapterNode | null = null;
  let section: SectionNode | null = null;
  let box: BoxParser | null = null;
  let measureCount = 0;
  let prefaceCount = 0;
  const titleParts: string[] = [];
  let lastTocHeading: TocEntry | null = null;

  const closeBox = () => {
    if (box) box.finish();
    box = null;
  };

  for (const block of blocks) {
    const t = block.text.trim();
    switch (block.kind) {
      case 'front': {
        readFrontMatter(doc, t);
        break;
      }
      case 'toc': {
        const entry = readTocLine(t, block.line, lastTocHeading);
        if (entry === 'page') break;
        if (entry) {
          doc.toc.push(entry);
          lastTocHeading = entry;
        }
        break;
      }
      case 'title': {
        titleParts.push(t);
        break;
      }
      case 'chapter': {
        closeBox();
        const number = block.number!;
        const eId = `chp_${number}`;
        const tocTitle = doc.toc.find((e) => e.level === 'chapter' && e.number === number)?.title ?? null;
        chapter = {
          id: id(eId),
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
        if (!chapter) throw new IngestError(options.sourceFile, block.line, 1, 'a section heading before any chapter heading');
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
        if (!chapter) throw new IngestError(options.sourceFile, block.line, 1, 'a box (专栏) before any chapter heading');
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
          addMeasure(doc, norm, span, block, null, null, `preface__para_${prefaceCount}`, prefaceCount, false);
          break;
        }
        measureCount++;
        const eId = section
          ? `chp_${chapter.number}__sec_${section.number}__para_${measureCount}`
          : `chp_${chapter.number}__para_${measureCount}`;
        addMeasure(doc, norm, span, block, chapter, section, eId, measureCount, !NON_DIRECTIVE_CHAPTER.test(chapter.title));
      }
    }
  }
  closeBox();
  doc.plan.title = titleParts.length ? titleParts.slice(0, 2).join('') : doc.chapters[0].title;
  checkNumbering(doc, options.sourceFile);
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
): void {
  const leading = block.text.length - block.text.trimStart().length;
  const start = block.start + leading;
  const text = norm.text.slice(start, block.end);
  const lead = leadSentenceLength(text);
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

function boxKind(title: string): BoxKind {
  if (/功能定位/.test(title)) return 'positioning';
  if (/试验|试点/.test(title)) return 'pilot_zones';
  if (/指标|目标/.test(title)) return 'indicators';
  if (/通道/.test(title)) return 'corridors';
  if (/交通/.test(title) && /项目/.test(title)) return 'transport_projects';
  if (/更新/.test(title)) return 'renewal_projects';
  return 'projects';
}

function readFrontMatter(doc: PlanDocument, line: string): void {
  const number = /[\u4e00-\u9fff]+发〔\d{4}〕\d+号/.exec(line);
  if (number && !doc.plan.documentNumber) doc.plan.documentNumber = number[0];
  const date = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(line);
  if (date && !doc.plan.issuedOn) {
    doc.plan.issuedOn = `${date[1]}-${date[2].padStart(2, '0')}-${date[3].padStart(2, '0')}`;
  }
  if (!doc.plan.issuer && /^[\u4e00-\u9fff]{2,20}(人民政府|委员会|办公厅)$/.test(line)) doc.plan.issuer = line;
}

/** A contents line: a heading with its page, or 'page' for a lone page number, or null. */
function readTocLine(line: string, lineNo: number, last: TocEntry | null): TocEntry | 'page' | null {
  const page = /^\((\d+)\)$/.exec(line);
  if (page) {
    if (last && last.page === null) last.page = Number(page[1]);
    return 'page';
  }
  const m = /^第([一二三四五六七八九十]+)([章节])[\s\u3000]*(.*?)[\s.．…]*(?:\((\d+)\))?$/.exec(line);
  if (!m) return null;
  const level = m[2] === '章' ? 'chapter' : 'section';
  const number = chineseNumber(m[1]);
  return {
    level,
    chapterNumber: level === 'chapter' ? number : last ? (last.level === 'chapter' ? last.number : last.chapterNumber) : 0,
    number,
    title: m[3].replace(/[\s.．…]+$/, '').trim(),
    page: m[4] ? Number(m[4]) : null,
    line: lineNo,
  };
}

/** Chapters and sections must count 1, 2, 3 ...; a gap means the text lost a heading. */
function checkNumbering(doc: PlanDocument, file: string): void {
  doc.chapters.forEach((c, i) => {
    if (c.number !== i + 1) throw new IngestError(file, c.source.line, 1, `chapter ${c.number} follows chapter ${i}: a chapter heading is missing or out of order`);
    const sections = doc.sections.filter((s) => s.chapterId === c.id);
    sections.forEach((s, k) => {
      if (s.number !== k + 1) doc.warnings.push({ line: s.source.line, message: `section ${c.number}.${s.number} is out of order` });
    });
  });
}
