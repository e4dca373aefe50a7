/**
 * Turns what a user typed into a Lucene query for the CJK full-text index, so that no input can
 * break the query syntax. Every term becomes a quoted phrase (the cjk analyzer cuts Han text into
 * bigrams; a phrase keeps them in order, which is what a Chinese reader means), and terms are
 * ANDed, each matched in the text and the name. "a whole quoted query" is one phrase. Single
 * characters cannot match bigrams: they are returned apart and matched with CONTAINS.
 */

export interface SearchTerms {
  /** Lucene query over the phrases of two characters or more, or null when there are none. */
  lucene: string | null;
  /** Terms of one character, matched by substring. */
  singles: string[];
  /** Every term as typed (after cleaning), for highlighting. */
  terms: string[];
}

// Control characters, and the characters Lucene gives meaning to inside a phrase.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** The stored properties a user's phrase is matched in (the index also holds planId, for scoping). */
const SEARCHED_FIELDS = ['text', 'name'];

/** A phrase for Lucene's query syntax: quoted, with the two characters a phrase gives meaning escaped. */
export const phrase = (text: string): string => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** One phrase matched in every searched property: `(text:"…" OR name:"…")`. */
const inSearchedFields = (text: string): string => `(${SEARCHED_FIELDS.map((f) => `${f}:${phrase(text)}`).join(' OR ')})`;

/**
 * The stop words of Lucene's CJKAnalyzer (its default stop set): a plan id made of these alone
 * would analyse to no token at all, and a phrase of no token matches nothing.
 */
const ANALYZER_STOP_WORDS = new Set(
  'a and are as at be but by for if in into is it no not of on or s such t that the their then there these they this to was will with www'.split(' '),
);

/** The shape ingestion gives every plan id (src/load/load-plan-file.ts). */
const PLAN_ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * The Lucene query restricted to one plan's nodes: `planId:"…"^0` must match, and its boost of 0
 * adds nothing to a hit's score, so hits score exactly as in a search over every plan. Lucene
 * reads a phrase of the id's tokens, so ids that share a run of tokens can both match: the
 * statement still checks `n.planId = $planId` exactly; the clause only narrows what Lucene yields.
 * Null when the id cannot be a stored plan's or would analyse to nothing (then the statement's own
 * check is the only filter, as before).
 */
export function withinPlan(lucene: string, planId: string): string | null {
  if (!PLAN_ID.test(planId)) return null;
  if (planId.split('-').every((token) => token === '' || ANALYZER_STOP_WORDS.has(token))) return null;
  return `(${lucene}) AND planId:${phrase(planId)}^0`;
}

export function searchTerms(input: string): SearchTerms {
  const cleaned = input.replace(CONTROL, ' ').trim();
  const quoted = /^"(.+)"$/.exec(cleaned);
  const raw = quoted ? [quoted[1]] : cleaned.split(/\s+/);
  const terms = raw.map((t) => t.replace(/"/g, '').trim()).filter((t) => t.length > 0);
  const phrases = terms.filter((t) => [...t].length > 1);
  const singles = terms.filter((t) => [...t].length === 1);
  return {
    lucene: phrases.length ? phrases.map(inSearchedFields).join(' AND ') : null,
    singles,
    terms,
  };
}

export interface TextRange {
  start: number;
  end: number;
}

/** Where the terms occur in a text, sorted, not overlapping. */
export function matchRanges(text: string, terms: string[]): TextRange[] {
  const ranges: TextRange[] = [];
  for (const term of terms) {
    if (!term) continue;
    let at = text.indexOf(term);
    while (at >= 0) {
      ranges.push({ start: at, end: at + term.length });
      at = text.indexOf(term, at + term.length);
    }
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: TextRange[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start < last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A snippet around the first match with every match in <em>, HTML-escaped; without a match (the
 * full-text index can match words the literal ranges do not), the opening of the text.
 */
export function highlight(text: string, ranges: TextRange[], before = 30, length = 120): string {
  const from = ranges.length === 0 ? 0 : Math.max(0, ranges[0].start - before);
  const to = Math.min(text.length, from + length);
  let out = from > 0 ? '…' : '';
  let pos = from;
  for (const r of ranges) {
    if (r.start >= to) break;
    if (r.end <= from) continue;
    out += escapeHtml(text.slice(pos, Math.max(pos, r.start)));
    out += `<em>${escapeHtml(text.slice(Math.max(pos, r.start), Math.min(r.end, to)))}</em>`;
    pos = Math.min(r.end, to);
  }
  out += escapeHtml(text.slice(pos, to));
  if (to < text.length) out += '…';
  return out;
}
