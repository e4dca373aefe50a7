import { chineseNumeral } from './chinese-numeral';

/**
 * The headings of the genre (national, provincial and municipal plans, opinions, proposals),
 * read from the start of a line of the canonical view:
 *
 *   part     第一篇 …          chapter  第一章 …          section  第一节 …
 *   top      一、…             item     （一）…           point    1. … / 1、…      sub  (1) …
 *   box      专栏1 … / 专栏一 … / 表1 …
 *   toc      目录               preamble 序言 / 前言 / 引言
 *
 * Which of top/item/point is a division and which is a paragraph marker depends on the plan
 * (segment decides); this module only recognises the forms.
 */

export type HeadingLevel = 'part' | 'chapter' | 'section' | 'top' | 'item' | 'point' | 'sub' | 'box';

export interface HeadingMatch {
  level: HeadingLevel;
  number: number;
  /** What follows the marker on the line, trimmed (title, or title and text when fused). */
  rest: string;
  /** Offset of `rest` in the line. */
  restStart: number;
  /** Length of the marker including the spaces after it. */
  markerLength: number;
}

const NUMERAL = '[一二三四五六七八九十百零〇两]+';
const FORMS: [HeadingLevel, RegExp][] = [
  ['part', new RegExp(`^第\\s*(${NUMERAL}|\\d+)\\s*篇[\\s\\u3000]*`)],
  ['chapter', new RegExp(`^第\\s*(${NUMERAL}|\\d+)\\s*章[\\s\\u3000]*`)],
  ['section', new RegExp(`^第\\s*(${NUMERAL}|\\d+)\\s*节[\\s\\u3000]*`)],
  ['box', /^专栏\s*(\d[\d\s]*|[一二三四五六七八九十]+)(?![\d.])[\s\u3000：]*/],
  ['box', /^表\s*(\d{1,2})(?![\d.])[\s\u3000]+/],
  ['top', new RegExp(`^(${NUMERAL})、[\\s\\u3000]*`)],
  ['item', new RegExp(`^（(${NUMERAL})）[\\s\\u3000]*`)],
  ['point', /^(\d{1,2})(?:[.．](?!\d)|、)[\s\u3000]*/],
  ['sub', /^（(\d{1,2})）[\s\u3000]*/],
];

export function matchHeading(line: string): HeadingMatch | null {
  const leading = line.length - line.trimStart().length;
  const t = line.slice(leading);
  for (const [level, re] of FORMS) {
    const m = re.exec(t);
    if (!m) continue;
    const number = chineseNumeral(m[1]);
    if (!Number.isFinite(number)) continue;
    const restRaw = t.slice(m[0].length);
    const rest = restRaw.trim();
    return { level, number, rest, restStart: leading + m[0].length, markerLength: m[0].length };
  }
  return null;
}

/** 目录 alone, or run into what follows it in a dense layout (目录序言, 目录 第一章 …). */
export const TOC_MARKER = /^目[\s\u3000]*录(?:$|[\s\u3000]|(?=序言|前言|引言|第\s*[一二三四五六七八九十\d]))/;
export const PREAMBLE_MARKER = /^(序言|前言|引言)$/;

/** A line that opens a new block whatever its neighbours: a heading or a marker. */
export function opensBlock(line: string): boolean {
  const t = line.trim();
  return matchHeading(t) !== null || TOC_MARKER.test(t) || PREAMBLE_MARKER.test(t);
}

const DIVISION_MARKER = /第\s*[一二三四五六七八九十百零〇两\d]+\s*[篇章节]/g;

/**
 * The entries of a contents line that a dense layout runs together (第一章…第二章…第二篇…,
 * 第二十六章保障计划全面落实序言): split before every division marker, and a preamble marker
 * that ends the line is an entry of its own. Offsets are into `line`.
 */
export function contentsEntries(line: string): { text: string; offset: number }[] {
  const cuts = [0];
  for (const m of line.matchAll(DIVISION_MARKER)) if (m.index! > 0) cuts.push(m.index!);
  const preamble = /(?:序言|前言|引言)$/.exec(line);
  if (preamble && preamble.index > 0 && matchHeading(line.slice(cuts[cuts.length - 1])) !== null) cuts.push(preamble.index);
  return cuts.map((at, i) => ({ text: line.slice(at, cuts[i + 1] ?? line.length).trim(), offset: at })).filter((e) => e.text !== '');
}

/**
 * A division heading that a layout ran onto the end of a paragraph line, after its last
 * sentence (…提供人才保障。第四节增进民族团结): the offset where the heading starts, or null.
 * Only a short title with no sentence mark of its own counts, so prose that mentions a
 * chapter (见第三章) is never cut.
 */
export function trailingHeadingAt(line: string): number | null {
  const m = /[。！？][\s\u3000]*(第\s*[一二三四五六七八九十百零〇两\d]+\s*[篇章节][^。，；：！？、\s\u3000]{2,30})[\s\u3000]*$/.exec(line);
  return m ? line.lastIndexOf(m[1]) : null;
}
