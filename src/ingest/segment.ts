import type { NormalisedText } from './normalise';
import { lineAt } from './normalise';
import { matchHeading, PREAMBLE_MARKER, trailingHeadingAt, type HeadingMatch } from './heading-grammar';
import { chineseNumeral } from './chinese-numeral';
import { SLASHED_RECORD } from './line-breaks';

/**
 * Stage 2: segment. Cuts the normalised text (its canonical view) into blocks, one per line
 * or per heading fused into a line, and says what each one is, without yet building the
 * hierarchy.
 *
 * The plan's scheme of divisions is read off its headings: with 第X章 the divisions are parts
 * (第X篇, when present), chapters and sections (第X节), and a `一、` line is a group inside a
 * box; without 第X章, the top-level `一、` headings are the chapters and the `（一）` items their
 * sections. `1.` and `(1)` points are paragraphs (measures) in both.
 *
 * Before the body (its first top-level heading that is not a line of the contents) come, in
 * this order and each optional: the front matter (the notice of issue, the cover), the table of
 * contents (from 目录, or a run of heading lines with page numbers, up to the body's first
 * heading), the title (short lines without sentence marks) and the preamble (序言/前言, or the
 * prose right before the body).
 */

export type BlockKind =
  | 'front' // the notice of issue, the cover
  | 'toc'
  | 'title' // the plan's title lines before the preamble or the body
  | 'preamble' // the 序言/前言 marker line
  | 'part'
  | 'chapter'
  | 'section'
  | 'box'
  | 'group' // 一、同城化先行区 inside a box
  | 'row' // a tab-separated table row
  | 'paragraph'
  | 'closing' // the signature after the body: issuer, date, （此件公开发布）
  | 'back' // back matter after the body: 名词解释, 附件, 附录 (kept in the text, no measures)
  | 'cell'; // a line of a table written one cell per line (序号 / 指标名称 / …)

export interface Block {
  kind: BlockKind;
  text: string;
  start: number;
  end: number;
  line: number;
  /** For part, chapter, section, box and group headings: number and title. */
  number?: number;
  title?: string;
  /** A paragraph cut from its heading's line: the heading took its title, its first sentence is text. */
  afterFusedHeading?: boolean;
}

export type DivisionScheme = 'chapters' | 'top-level';

/** 一 .. 九十九 as written in headings. */
export function chineseNumber(s: string): number {
  return chineseNumeral(s);
}

const GROUP_TITLE = /^[^。，：]{1,20}$/;
const TOC_START = /^目[\s\u3000]*录/;
const DOT_LEADER = /[.．…·]{3,}|\.{2,}\s*\d+\s*$/;
const PAGE_REF = /^（\d[\d\s]*）$|^\d{1,3}$|[\s.．…·]\d{1,3}$|（\d[\d\s]{0,4}）$/;
const DATE_LINE = /^\d[\d\s]*年(\s*\d[\d\s]*月(\s*\d[\d\s]*日)?)?$/;
const INNER_DIVISION = /第\s*[一二三四五六七八九十百零〇两\d]+\s*[篇章节]/g;
/** The heading of back matter: a glossary or an annex ends the body. */
const BACK_MATTER = /^(?:名词解释|附件\s*\d*|附录|附表\s*\d*)$/;
/** The first cell of a table's header row, when the table is written one cell per line. */
const TABLE_HEADER_CELL = /^(?:序号|编号)$/;
/** A note of publication after the signature: （此件公开发布）, （此件发至县级）. */
const PUBLICATION_NOTE = /^[（(]此件[^）)]{1,12}[）)]$/;

interface Line {
  text: string;
  start: number;
}

export function divisionScheme(lines: { text: string }[]): DivisionScheme | null {
  const levels = new Set(lines.map((l) => matchHeading(l.text)?.level));
  if (levels.has('chapter')) return 'chapters';
  if (levels.has('top')) return 'top-level';
  return null;
}

function isTocLike(t: string): boolean {
  const h = matchHeading(t);
  if (TOC_START.test(t) || DOT_LEADER.test(t) || /^（\d[\d\s]*）$/.test(t)) return true;
  if ((t.match(INNER_DIVISION) ?? []).length >= 2) return true;
  return h !== null && h.level !== 'point' && h.level !== 'sub' && (PAGE_REF.test(t) || h.rest.length <= 40);
}

/** The issuer's name on a line of its own (重庆市人民政府) is front matter, not the title. */
const ISSUER_LINE = /^(?:[\u4e00-\u9fff]{2,20}(?:人民政府|人民政府办公厅|委员会|办公厅|国务院|中共中央)|国务院|国务院办公厅|中共中央|中共中央办公厅)$/;

/** A note of adoption under the title: （2001年2月16日云南省第九届人民代表大会第四次会议通过）. */
export const ADOPTION_NOTE = /^[（(]\s*(\d[\d\s]*)年([\d\s]+)月([\d\s]+)日\s*([^（()）]*?)\s*(?:通过|批准)[）)]$/;

function isTitleLike(t: string): boolean {
  return t.length <= 40 && !/[。，；！？\t]|：$/.test(t) && !DATE_LINE.test(t) && !ISSUER_LINE.test(t) && !ADOPTION_NOTE.test(t) && !SLASHED_RECORD.test(t) && matchHeading(t) === null;
}

export function segment(norm: NormalisedText): Block[] {
  const lines: Line[] = [];
  let pos = 0;
  for (const text of norm.text.split('\n')) {
    if (text.trim() !== '') lines.push({ text, start: pos });
    pos += text.length + 1;
  }
  const scheme = divisionScheme(lines);
  const firstLevel = (h: HeadingMatch | null): boolean => {
    if (!h) return false;
    if (scheme === 'top-level') return h.level === 'top';
    return h.level === 'part' || h.level === 'chapter';
  };
  const headings = lines.map((l) => matchHeading(l.text));
  const body = bodyStart(lines, headings, firstLevel);
  const toc = tocRange(lines, headings, firstLevel, body);
  const block = (l: Line, kind: BlockKind, extra: Partial<Block> = {}): Block => ({
    kind,
    text: l.text,
    start: l.start,
    end: l.start + l.text.length,
    line: lineAt(norm, l.start),
    ...extra,
  });

  const out: Block[] = [];
  // Before the body: front matter, contents, title, preamble.
  const preBody = lines.slice(0, body);
  const afterToc = toc ? toc.end : 0;
  const marker = preBody.findIndex((l, i) => i >= afterToc && PREAMBLE_MARKER.test(l.text.trim()));
  let preambleStart: number;
  if (marker >= 0) {
    preambleStart = marker;
  } else {
    preambleStart = body;
    while (preambleStart > afterToc && !isTitleLike(preBody[preambleStart - 1].text.trim())) preambleStart--;
  }
  let titleStart = preambleStart;
  while (titleStart > afterToc && preambleStart - titleStart < 3 && isTitleLike(preBody[titleStart - 1].text.trim())) titleStart--;
  // No title between the contents and the body: the title stands before the contents.
  let coverTitle = { start: 0, end: 0 };
  if (toc && titleStart === preambleStart) {
    // A note of adoption may stand between the title and the contents.
    let end = toc.start;
    while (end > 0 && ADOPTION_NOTE.test(preBody[end - 1].text.trim())) end--;
    let start = end;
    while (start > 0 && end - start < 3 && isTitleLike(preBody[start - 1].text.trim())) start--;
    coverTitle = { start, end };
  }
  preBody.forEach((l, i) => {
    if (toc && i >= toc.start && i < toc.end) out.push(block(l, 'toc'));
    else if (i >= coverTitle.start && i < coverTitle.end) out.push(block(l, 'title'));
    else if (i < titleStart) out.push(block(l, 'front'));
    else if (i < preambleStart) out.push(block(l, 'title'));
    else if (i === marker) out.push(block(l, 'preamble'));
    else out.push(block(l, 'paragraph'));
  });

  const closing = closingStart(lines, body);
  const back = lines.findIndex((l, i) => i > body && i < closing && BACK_MATTER.test(l.text.trim()));
  const bodyEnd = back >= 0 ? back : closing;
  const bodyLines = lines.slice(body, bodyEnd);
  const cells = cellTables(bodyLines);
  for (let i = 0; i < bodyLines.length; i++) {
    if (cells.has(i)) {
      out.push(block(bodyLines[i], 'cell'));
      continue;
    }
    const blocks = bodyBlocks(bodyLines[i], scheme!, block);
    const last = blocks[blocks.length - 1];
    const next = bodyLines[i + 1];
    // 第一章 on a line of its own, its title on the next.
    if (isDivision(last.kind) && last.title === '' && next && isTitleLike(next.text.trim())) {
      const title = next.text.trim();
      last.title = title;
      last.end = next.start + next.text.trimEnd().length;
      last.text = norm.text.slice(last.start, last.end);
      i++;
    }
    out.push(...blocks);
  }
  for (const l of lines.slice(bodyEnd, closing)) out.push(block(l, 'back'));
  for (const l of lines.slice(closing)) out.push(block(l, 'closing'));
  return out;
}

/**
 * Tables that an extraction wrote one cell per line: a header cell 序号 alone on its line, the
 * cells after it (short lines, no full stop, no heading) up to the next heading or prose, and the
 * caption on the line before it when it is title-like. Indices into the body's lines.
 */
function cellTables(body: Line[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < body.length; i++) {
    if (!TABLE_HEADER_CELL.test(body[i].text.trim())) continue;
    if (i > 0 && isTitleLike(body[i - 1].text.trim())) out.add(i - 1);
    let j = i;
    while (j < body.length) {
      const t = body[j].text.trim();
      if (t.length > 40 || /[。！？；]/.test(t) || (j > i && matchHeading(t) !== null && !/^\d+$/.test(t))) break;
      out.add(j++);
    }
    i = j - 1;
  }
  return out;
}

/**
 * Index of the signature that closes a document issued by itself (国务院 / 2018年11月7日 /
 * （此件公开发布）): the last lines of the text when they are only issuer, date and note lines
 * and hold a date. The body ends before them; without such lines it runs to the end.
 */
function closingStart(lines: Line[], body: number): number {
  let at = lines.length;
  while (at > body) {
    const t = lines[at - 1].text.trim();
    if (!(ISSUER_LINE.test(t) || DATE_LINE.test(t) || PUBLICATION_NOTE.test(t))) break;
    at--;
  }
  return lines.slice(at).some((l) => DATE_LINE.test(l.text.trim())) ? at : lines.length;
}

/** Index of the body's first line: the first top-level heading that is not a contents line. */
function bodyStart(lines: Line[], headings: (HeadingMatch | null)[], firstLevel: (h: HeadingMatch | null) => boolean): number {
  const top = lines.map((_, i) => i).filter((i) => firstLevel(headings[i]));
  if (top.length === 0) return lines.length;
  const first = top[0];
  const number = headings[first]!.number;
  const level = headings[first]!.level;
  const again = top.find((i) => i > first && headings[i]!.level === level && headings[i]!.number === number);
  if (again === undefined) return first;
  // The first occurrence is the contents' when it carries a page number or dot leader, or when
  // no prose follows it before the next top-level heading.
  const t = lines[first].text.trim();
  const next = top.find((i) => i > first) ?? again;
  const contents = DOT_LEADER.test(t) || PAGE_REF.test(t) || lines.slice(first + 1, next).every((l) => isTocLike(l.text.trim()));
  return contents ? again : first;
}

function tocRange(lines: Line[], headings: (HeadingMatch | null)[], firstLevel: (h: HeadingMatch | null) => boolean, body: number): { start: number; end: number } | null {
  const marker = lines.findIndex((l, i) => i < body && TOC_START.test(l.text.trim()));
  let start = marker;
  if (start < 0) {
    const firstTop = lines.findIndex((_, i) => i < body && firstLevel(headings[i]));
    if (firstTop < 0) return null;
    start = firstTop;
  }
  let end = start + 1;
  while (end < body && isTocLike(lines[end].text.trim())) end++;
  return { start, end };
}

/** The blocks of one line of the body: a heading, a heading fused with more, or a paragraph. */
function bodyBlocks(l: Line, scheme: DivisionScheme, block: (l: Line, kind: BlockKind, extra?: Partial<Block>) => Block): Block[] {
  const t = l.text.trim();
  if (l.text.includes('\t')) {
    const h = matchHeading(t);
    if (h?.level === 'box') return [block(l, 'box', { number: h.number, title: h.rest.replace(/\t/g, ' ').trim() })];
    return [block(l, 'row')];
  }
  const h = matchHeading(l.text);
  const trailing = scheme === 'chapters' ? trailingHeadingAt(l.text) : null;
  if (!h && trailing !== null) {
    // A heading run onto the end of a paragraph line: the paragraph, then the heading.
    const head: Line = { text: l.text.slice(0, trailing).trimEnd(), start: l.start };
    const tail: Line = { text: l.text.slice(trailing), start: l.start + trailing };
    return [block(head, 'paragraph'), ...bodyBlocks(tail, scheme, block)];
  }
  if (!h) return [block(l, 'paragraph')];
  const kind = headingKind(h, scheme);
  if (kind === 'box') return [block(l, 'box', { number: h.number, title: h.rest })];
  if (kind === 'group') return GROUP_TITLE.test(h.rest) ? [block(l, 'group', { number: h.number, title: h.rest })] : [block(l, 'paragraph')];
  if (kind === 'paragraph') return [block(l, 'paragraph')];
  // A division heading; the rest of the line may hold another heading or the first paragraph.
  const rest = h.rest;
  const restAt = l.start + l.text.indexOf(rest, h.restStart);
  INNER_DIVISION.lastIndex = 0;
  let inner: RegExpExecArray | null;
  while ((inner = INNER_DIVISION.exec(rest)) !== null) {
    if (inner.index === 0) continue;
    const title = rest.slice(0, inner.index).trim();
    const head: Line = { text: l.text.slice(0, restAt - l.start + inner.index).trimEnd(), start: l.start };
    const tail: Line = { text: rest.slice(inner.index), start: restAt + inner.index };
    return [block(head, kind, { number: h.number, title }), ...bodyBlocks(tail, scheme, block)];
  }
  const fused = fusedParagraph(rest, kind);
  if (fused !== null) {
    const head: Line = { text: l.text.slice(0, restAt - l.start + fused.titleEnd), start: l.start };
    const tail: Line = { text: rest.slice(fused.textStart), start: restAt + fused.textStart };
    return [block(head, kind, { number: h.number, title: rest.slice(0, fused.titleEnd).replace(/。$/, '') }), block(tail, 'paragraph', { afterFusedHeading: true })];
  }
  return [block(l, kind, { number: h.number, title: rest.replace(/。$/, '') })];
}

function isDivision(kind: BlockKind): boolean {
  return kind === 'part' || kind === 'chapter' || kind === 'section';
}

function headingKind(h: HeadingMatch, scheme: DivisionScheme): BlockKind {
  if (h.level === 'box') return 'box';
  if (scheme === 'chapters') {
    if (h.level === 'part' || h.level === 'chapter' || h.level === 'section') return h.level;
    if (h.level === 'top') return 'group';
    return 'paragraph';
  }
  if (h.level === 'top') return 'chapter';
  if (h.level === 'item') return 'section';
  if (h.level === 'part') return 'part';
  return 'paragraph';
}

/**
 * A heading whose title runs into the text: `第一节 指导思想 以习近平…。` (a space ends the
 * title) or `（一）指导思想。以习近平…` (a lead sentence is the title). Null when the rest is
 * a title alone.
 */
function fusedParagraph(rest: string, kind: BlockKind): { titleEnd: number; textStart: number } | null {
  if (!/[。，；！？]/.test(rest)) return null;
  // A space ends the title only before text: 积极扩大就业 ， 完善社会保障制度 is one title.
  const space = /^([^\s\u3000。，；：！？]{2,30})[\s\u3000]+(?=[^\s\u3000。，；：！？、])/.exec(rest);
  if (space) return { titleEnd: space[1].length, textStart: space[0].length };
  if (kind !== 'section') return null;
  const lead = /^([^，。；：！？]{2,40}?)。/.exec(rest);
  const after = lead ? rest.slice(lead[0].length).trim() : '';
  if (lead && after !== '' && !NOTE_ONLY.test(after)) return { titleEnd: lead[0].length, textStart: lead[0].length };
  // An item of prose with no title of its own (（三）将…下放至自贸试验区。（负责部门：…）): the
  // whole item is its paragraph. A lone title with its full stop (（二）发展目标。) stays a title.
  if (lead && after === '') return null;
  return { titleEnd: 0, textStart: 0 };
}

/** A parenthetical note alone (（负责部门：住房城乡建设部）): it ends a sentence, it is no text of its own. */
const NOTE_ONLY = /^[（(][^（()）]*[）)]$/;
