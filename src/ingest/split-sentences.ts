/** A sentence of a paragraph, with offsets relative to the paragraph's own start. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

const TERMINATOR = /[。！？]/;
const CLOSERS = /[”’」』）)]/;

/**
 * Splits Chinese prose after 。！？ (with any closing quote that follows), never inside
 * parentheses (quotes are not tracked: an unbalanced quote of the extraction would swallow the rest). Leading spaces of a sentence are not part of it.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let depth = 0;
  let start = 0;
  const push = (end: number) => {
    let s = start;
    while (s < end && /\s/.test(text[s])) s++;
    if (end > s) out.push({ text: text.slice(s, end), start: s, end });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '（' || c === '(') depth++;
    else if ((c === '）' || c === ')') && depth > 0) depth--;
    else if (depth === 0 && TERMINATOR.test(c)) {
      let end = i + 1;
      while (end < text.length && CLOSERS.test(text[end])) end++;
      push(end);
      i = end - 1;
    }
  }
  push(text.length);
  return out;
}

/**
 * The lead sentence of a paragraph: a short first sentence without commas that names the
 * measure (深化户籍制度改革。), followed by more text. Returns its length including 。, or 0.
 */
export function leadSentenceLength(text: string): number {
  const m = /^([^，。；：！？,;:]{2,40}?)。/.exec(text);
  if (!m) return 0;
  return text.length > m[0].length ? m[0].length : 0;
}
