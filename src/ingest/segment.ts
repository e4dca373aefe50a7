import type { NormalisedText } from './normalise';
import { lineAt } from './normalise';

/**
 * Stage 2: segment. Cuts the normalised text into blocks (one per non-empty line) and says
 * what each one is, without yet building the hierarchy. The table of contents is told from
 * the body here: it runs from 目录 to the line before the body's first chapter heading, which
 * is the last 第一章 of the text.
 */

export type BlockKind =
  | 'front' // before the table of contents: the notice of issue, the cover
  | 'toc'
  | 'title' // a short line without punctuation between the contents and the first chapter
  | 'chapter'
  | 'section'
  | 'box'
  | 'group' // 一、同城化先行区 inside a box
  | 'row' // a tab-separated table row
  | 'paragraph';

export interface Block {
  kind: BlockKind;
  text: string;
  start: number;
  end: number;
  line: number;
  /** For chapter, section, box and group headings: number and title. */
  number?: number;
  title?: string;
}

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 一 .. 九十九 as written in headings. */
export function chineseNumber(s: string): number {
  if (s.length === 1) return DIGITS[s] ?? NaN;
  const ten = s.indexOf('十');
  if (ten < 0) return NaN;
  const tens = ten === 0 ? 1 : DIGITS[s[0]];
  const units = ten === s.length - 1 ? 0 : DIGITS[s[ten + 1]];
  return tens * 10 + units;
}

export const CHAPTER_HEADING = /^第([一二三四五六七八九十]+)章[\s\u3000]*(.+?)$/;
export const SECTION_HEADING = /^第([一二三四五六七八九十]+)节[\s\u3000]*(.+?)$/;
export const BOX_HEADING = /^专栏\s*(\d+)\s*(.+)$/;
const GROUP_HEADING = /^([一二三四五六七八九十]+)、([^。，：]{1,20})$/;
const TOC_HEADING = /^目[\s\u3000]*录$/;

export function segment(norm: NormalisedText): Block[] {
  const lines: { text: string; start: number }[] = [];
  let pos = 0;
  for (const text of norm.text.split('\n')) {
    if (text.trim() !== '') lines.push({ text, start: pos });
    pos += text.length + 1;
  }
  const tocIndex = lines.findIndex((l) => TOC_HEADING.test(l.text.trim()));
  let bodyIndex = -1;
  lines.forEach((l, i) => {
    if (/^第一章/.test(l.text.trim())) bodyIndex = i;
  });
  return lines.map((l, i): Block => {
    const block: Block = { kind: 'paragraph', text: l.text, start: l.start, end: l.start + l.text.length, line: lineAt(norm, l.start) };
    const t = l.text.trim();
    if (bodyIndex < 0 || i < bodyIndex) {
      if (tocIndex >= 0 && i >= tocIndex && (i === tocIndex || isTocLine(t))) return { ...block, kind: 'toc' };
      if (tocIndex >= 0 && i > tocIndex) return { ...block, kind: isTitleLine(t) ? 'title' : 'paragraph' };
      return { ...block, kind: 'front' };
    }
    let m = CHAPTER_HEADING.exec(t);
    if (m) return { ...block, kind: 'chapter', number: chineseNumber(m[1]), title: m[2].trim() };
    m = SECTION_HEADING.exec(t);
    if (m) return { ...block, kind: 'section', number: chineseNumber(m[1]), title: m[2].trim() };
    m = BOX_HEADING.exec(t);
    if (m) return { ...block, kind: 'box', number: Number(m[1]), title: m[2].trim() };
    m = GROUP_HEADING.exec(t);
    if (m) return { ...block, kind: 'group', number: chineseNumber(m[1]), title: m[2].trim() };
    if (l.text.includes('\t')) return { ...block, kind: 'row' };
    return block;
  });
}

/** Lines of a table of contents: headings with dots or page numbers, or a lone page number. */
function isTocLine(t: string): boolean {
  return /^\(\d+\)$/.test(t) || /^第[一二三四五六七八九十]+[章节]/.test(t) || /\.{3,}/.test(t);
}

function isTitleLine(t: string): boolean {
  return t.length <= 30 && !/[。，；]/.test(t);
}
