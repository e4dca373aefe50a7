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
  return attachNotes(text, out);
}

/** A parenthetical note alone (（负责部门：商务部）, （牵头单位：…）). */
const NOTE = /^[（(][^（()）]*[）)]$/;

/**
 * A note in parentheses after a full stop (…试点。（负责部门：商务部）) belongs to the sentence
 * before it: it names who is responsible or where it applies, it says nothing by itself.
 */
function attachNotes(text: string, sentences: Sentence[]): Sentence[] {
  const out: Sentence[] = [];
  for (const s of sentences) {
    const prev = out[out.length - 1];
    if (prev && NOTE.test(s.text)) out[out.length - 1] = { text: text.slice(prev.start, s.end), start: prev.start, end: s.end };
    else out.push(s);
  }
  return out;
}

/**
 * The lead sentence of a paragraph: a short first sentence without commas that names the
 * measure (深化户籍制度改革。), followed by more text. Returns its length including 。, or 0.
 */
export function leadSentenceLength(text: string, convention: LeadTitles = 'any'): number {
  const m = /^([^，。；：！？,;:]{2,40}?)。/.exec(text);
  if (!m) return 0;
  if (convention === 'marked' && !POINT_MARK.test(text)) return 0;
  const after = text.slice(m[0].length).trim();
  // A sentence followed only by its note (…试点。（负责部门：商务部）) is the text, not a title.
  return after !== '' && !NOTE.test(after) ? m[0].length : 0;
}

/** How a plan marks the titles of its paragraphs: any short first sentence, or only marked points. */
export type LeadTitles = 'any' | 'marked';

/** A point's mark at the start of a paragraph: 1. 1、 （1） (1) ——. */
const POINT_MARK = /^\s*(?:\d+\s*[.．、]|[（(][一二三四五六七八九十\d]+[)）]|——)/;

/**
 * A plan that marks every titled point (1.经济实力跨步提升。…, ——坚持系统观念。…) names its
 * points only so: an unmarked short first sentence there is a sentence of the text
 * (建立…动态调整机制。锚定…), not a title. 'marked' when at least ten paragraphs open with a
 * title and nine in ten of those are marked; a plan that titles without marks (the seed) gets 'any'.
 */
export function leadTitleConvention(paragraphs: string[]): LeadTitles {
  const titled = paragraphs.filter((p) => leadSentenceLength(p.trimStart()) > 0);
  const marked = titled.filter((p) => POINT_MARK.test(p)).length;
  return titled.length >= 10 && marked * 10 >= titled.length * 9 ? 'marked' : 'any';
}
