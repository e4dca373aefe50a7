import { opensBlock, trailingHeadingAt } from './heading-grammar';

/**
 * When does a line of the source continue on the next one? The evidence, in order:
 *
 * - a heading or a marker (第三章, 专栏2, （一）, 1.) opens a block: never a continuation;
 * - table rows (tabs) stand alone;
 * - a line that does not end a sentence continues, when the paragraph so far is prose (at least
 *   MIN_PROSE characters), ends with a mark that cannot end a line (，、“《（) or leaves a bracket
 *   open. A short line that ends no sentence is a title line (重庆市人民政府, (2021—2035 年));
 * - a line that ends a sentence ends its paragraph, unless the text is hard-wrapped at a width
 *   and the line fills it: then the break is the wrap's. (A paragraph whose last line happens to
 *   fill the width exactly is read as going on: nothing in the layout tells the two apart, and a
 *   guess from the next line's words — a short lead sentence? — was wrong as often as right.)
 *
 * - a line that ends with a heading run onto its last sentence (…保障。第四节增进民族团结) ends
 *   there: the heading's title is no prose to continue;
 * - a note in brackets alone on its line (（2001年2月16日…会议通过）) and a record of fields
 *   between slashes (a newspaper's dateline 云南日报 / 2001年 / 02月 / …) stand alone, unless the
 *   wrap cut them.
 *
 * Across blank lines (a page end in a text that puts one paragraph on a line) only a long line
 * cut mid-sentence continues, into a line that is not a heading.
 */

const SENTENCE_END = /[。！？；：…][”’」』）》\]】]*$/;
const CANNOT_END_LINE = /[，、“‘「『（《【—]$/;
const MIN_PROSE = 20;
const BRACKETED_NOTE = /^[（(][^（()）]{2,60}[）)]$/;
/** A record of fields between slashes: a newspaper's dateline (云南日报 / 2001年 / 02月 / 20日 / 第A01版 /). */
export const SLASHED_RECORD = /^[^，。；！？]*(?:\/[^，。；！？/]*){3,}$/;

const standsAlone = (line: string): boolean => BRACKETED_NOTE.test(line) || SLASHED_RECORD.test(line);

export function endsSentence(line: string): boolean {
  return SENTENCE_END.test(line.trimEnd());
}

function openBrackets(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '（' || c === '《' || c === '“' || c === '【') depth++;
    else if ((c === '）' || c === '》' || c === '”' || c === '】') && depth > 0) depth--;
  }
  return depth > 0;
}

/** Width in ems: CJK and full-width characters 1, ASCII 0.5. */
export function emWidth(line: string): number {
  let w = 0;
  for (const c of line) w += c.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return w;
}

/**
 * The width at which the text is hard-wrapped, or null: the width that a large share of the
 * lines reach (within an em and a half: a CJK character cannot be split, and a closing mark
 * may not open a line). A text that puts each paragraph on one line has none.
 */
export function detectWrapWidth(lines: string[]): number | null {
  const widths = lines.filter((l) => l.trim() !== '' && !l.includes('\t')).map((l) => Math.ceil(emWidth(l.trim())));
  if (widths.length < 20) return null;
  const count = new Map<number, number>();
  for (const w of widths) count.set(w, (count.get(w) ?? 0) + 1);
  let best: number | null = null;
  let bestCount = 0;
  for (const w of count.keys()) {
    if (w < 12) continue;
    const n = (count.get(w - 1) ?? 0) + (count.get(w) ?? 0) + (count.get(w + 1) ?? 0);
    if (n > bestCount || (n === bestCount && best !== null && w > best)) {
      best = w;
      bestCount = n;
    }
  }
  return best !== null && bestCount >= 0.3 * widths.length ? best : null;
}

export interface BreakContext {
  wrapWidth: number | null;
}

/** Whether `line` (ending the paragraph so far, `paragraph`) continues on the adjacent `next`. */
export function continuesOnNextLine(paragraph: string, line: string, next: string, ctx: BreakContext): boolean {
  const t = line.trim();
  const n = next.trim();
  if (n === '' || t.includes('\t') || n.includes('\t') || opensBlock(n)) return false;
  const full = ctx.wrapWidth !== null && emWidth(t) >= ctx.wrapWidth - 1.5;
  if (opensBlock(t)) return full; // a heading continues only where the wrap cut it
  if (trailingHeadingAt(t) !== null) return false;
  if (!full && (standsAlone(t) || standsAlone(n))) return false;
  if (!endsSentence(t)) {
    return full || paragraph.trim().length >= MIN_PROSE || CANNOT_END_LINE.test(t) || openBrackets(paragraph);
  }
  return full;
}

/** Whether `line`, followed by blank lines, continues on `next` (a page end mid-sentence). */
export function continuesAcrossBlank(line: string, next: string): boolean {
  const t = line.trim();
  return (
    t.length >= MIN_PROSE &&
    !endsSentence(t) &&
    !/[”’」』）)》…．.]$/.test(t) &&
    !opensBlock(t) &&
    !t.includes('\t') &&
    !t.includes('.....') &&
    next.trim() !== '' &&
    !opensBlock(next) &&
    !next.includes('\t')
  );
}
