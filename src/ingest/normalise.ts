import { canonicalText } from './canonical-text';
import { continuesAcrossBlank, continuesOnNextLine, detectWrapWidth } from './line-breaks';
import { findPageFurniture, type FurnitureKind } from './page-furniture';

/**
 * Stage 1: normalise. From the decoded file to the text that the API serves (`Plan.text`) and
 * that every offset of the graph points into.
 *
 * How the served text relates to the file: a byte-order mark is dropped, line ends become
 * "\n", trailing spaces and tabs of each line are dropped, lines of page furniture (page
 * numbers, running titles) are left out, and a paragraph that the file breaks over several
 * lines (hard wraps at any width, page ends) is joined into one line, the pieces put side by
 * side with nothing added or removed between them. Every other character is kept verbatim, so
 * a quote is always `text.slice(start, end)` and reads as the source does; `lineAt` gives the
 * line of the file that any offset comes from (the original numbering, furniture included).
 *
 * `canonical` is the same text with the two widths of each punctuation mark and digit made one
 * (see canonical-text.ts): the stages match on it, and quote `text`.
 */

export interface NormalisedText {
  text: string;
  /** `canonicalText(text)`: same length, offsets shared. */
  canonical: string;
  /** Start offset in `text` of each chunk, ascending, and the original line it came from. */
  chunkStarts: number[];
  chunkLines: number[];
  /** Original line numbers where a broken paragraph was joined to the line before. */
  joinedLines: number[];
  /** Lines of the file left out as page furniture. */
  furniture: { line: number; kind: FurnitureKind; text: string }[];
  /** The width (in ems) at which the file is hard-wrapped, when it is. */
  wrapWidth: number | null;
}

export function normalise(decoded: string): NormalisedText {
  const lines = decoded
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t\u3000]+$/, ''));
  const canon = lines.map(canonicalText);
  const furnitureAt = findPageFurniture(canon);
  const furniture = [...furnitureAt.entries()].sort((a, b) => a[0] - b[0]).map(([i, kind]) => ({ line: i + 1, kind, text: lines[i] }));
  const kept = lines.map((_, i) => i).filter((i) => !furnitureAt.has(i));
  const wrapWidth = detectWrapWidth(kept.map((i) => canon[i]));

  let text = '';
  const chunkStarts: number[] = [];
  const chunkLines: number[] = [];
  const joinedLines: number[] = [];
  let k = 0;
  while (k < kept.length) {
    if (k > 0) text += '\n';
    let i = kept[k];
    chunkStarts.push(text.length);
    chunkLines.push(i + 1);
    text += lines[i];
    let paragraph = canon[i];
    k++;
    while (k < kept.length && canon[i].trim() !== '') {
      let j = k;
      while (j < kept.length && canon[kept[j]].trim() === '') j++;
      if (j >= kept.length) break;
      const next = kept[j];
      const joins = j === k ? continuesOnNextLine(paragraph, canon[i], canon[next], { wrapWidth }) : continuesAcrossBlank(canon[i], canon[next]);
      if (!joins) break;
      chunkStarts.push(text.length);
      chunkLines.push(next + 1);
      joinedLines.push(next + 1);
      // Leading spaces of a wrapped piece are layout (indentation), not text.
      const piece = j === k ? lines[next].replace(/^[ \u3000]+/, '') : lines[next];
      const dropped = lines[next].length - piece.length;
      if (dropped > 0) chunkStarts[chunkStarts.length - 1] = text.length;
      text += piece;
      paragraph += canon[next];
      i = next;
      k = j + 1;
    }
  }
  return { text, canonical: canonicalText(text), chunkStarts, chunkLines, joinedLines, furniture, wrapWidth };
}

/** The original 1-based line of an offset of the normalised text. */
export function lineAt(norm: NormalisedText, offset: number): number {
  let lo = 0;
  let hi = norm.chunkStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (norm.chunkStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  // Within a chunk, offsets advance over one original line only (chunks never span a "\n").
  return norm.chunkLines[lo];
}
