/**
 * Stage 1: normalise. From the decoded file to the text every offset of the graph points into.
 *
 * What changes, and nothing else: a byte-order mark is dropped, line ends become "\n",
 * trailing spaces and tabs of each line are dropped, and a paragraph broken by a page end
 * ("...和《重" / blank line / "庆市...") is joined into one line. Every other character is kept
 * verbatim, so a quote is always `text.slice(start, end)` and reads as the source does.
 */

export interface NormalisedText {
  text: string;
  /** Start offset in `text` of each chunk, ascending, and the original line it came from. */
  chunkStarts: number[];
  chunkLines: number[];
  /** Original line numbers where a page-broken paragraph was joined to the line before. */
  joinedLines: number[];
}

/** Sentence-final or closing punctuation: a line that ends with one is not broken mid-sentence. */
const LINE_END_PUNCTUATION = /[。！？；：”’」』）)》…．.]$/;
const HEADING = /^(第[一二三四五六七八九十百]+[章节]|专栏\s*\d+|[一二三四五六七八九十]+、|目\s*录|序号\t)/;
/** A page end only breaks full lines; a short line without punctuation is a title. */
const MIN_BROKEN_LINE_LENGTH = 20;

function isBrokenLine(line: string): boolean {
  return (
    line.length >= MIN_BROKEN_LINE_LENGTH &&
    !LINE_END_PUNCTUATION.test(line) &&
    !HEADING.test(line) &&
    !line.includes('\t') &&
    !line.includes('.....')
  );
}

function canContinue(line: string): boolean {
  return line.length > 0 && !HEADING.test(line) && !line.includes('\t');
}

export function normalise(decoded: string): NormalisedText {
  const lines = decoded
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t\u3000]+$/, ''));
  let text = '';
  const chunkStarts: number[] = [];
  const chunkLines: number[] = [];
  const joinedLines: number[] = [];
  let i = 0;
  while (i < lines.length) {
    if (i > 0) text += '\n';
    chunkStarts.push(text.length);
    chunkLines.push(i + 1);
    text += lines[i];
    let current = lines[i];
    let next = i + 1;
    // Join while the line is cut mid-sentence, one or more blank lines follow, then a continuation.
    while (isBrokenLine(current)) {
      let j = next;
      while (j < lines.length && lines[j] === '') j++;
      if (j === next || j >= lines.length || !canContinue(lines[j])) break;
      chunkStarts.push(text.length);
      chunkLines.push(j + 1);
      joinedLines.push(j + 1);
      text += lines[j];
      current = lines[j];
      next = j + 1;
    }
    i = next;
  }
  return { text, chunkStarts, chunkLines, joinedLines };
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
