/**
 * Page furniture: what a PDF prints on every page and an extraction leaves between the lines of
 * the text — page numbers (`— 8 —`, `- 8 -`, `第8页`, `第 8 页 共 50 页`, `8/50`, bare numbers)
 * and running titles. Found by form (page numbers) and by repetition (running titles: a short
 * line that recurs next to page numbers, or recurs at page-like intervals where there are none).
 * Works on the canonical view of each line (full-width digits are digits).
 */

export type FurnitureKind = 'page_number' | 'running_title';

const PAGE_NUMBER_FORMS = [
  /^[—–\-－~·•]+\s*\d[\d\s]*[—–\-－~·•]+$/,
  /^第\s*\d[\d\s]*页(?:\s*[，,/]?\s*共\s*\d[\d\s]*页)?$/,
  /^\d[\d\s]*\/\s*\d[\d\s]*$/,
  /^[pP]age\s*\d+$/,
];
const BARE_NUMBER = /^\d{1,3}$/;
/** A running title is a line, not a paragraph. */
const MAX_TITLE_LENGTH = 40;
const MIN_REPEATS = 3;
/** Without page numbers, a running title recurs at least this many times, this far apart. */
const MIN_REPEATS_ALONE = 5;
const MIN_PAGE_GAP = 15;

/** Line indices (0-based) that are page furniture, with their kind. `lines` are canonical. */
export function findPageFurniture(lines: string[]): Map<number, FurnitureKind> {
  const found = new Map<number, FurnitureKind>();
  const trimmed = lines.map((l) => l.trim());
  const bare: number[] = [];
  trimmed.forEach((t, i) => {
    if (t === '' || t.includes('\t')) return;
    if (PAGE_NUMBER_FORMS.some((re) => re.test(t))) found.set(i, 'page_number');
    else if (BARE_NUMBER.test(t)) bare.push(i);
  });
  // A lone number is a page number only where the text has several of them.
  if (bare.length >= MIN_REPEATS) for (const i of bare) found.set(i, 'page_number');

  const nearPageNumber = (i: number): boolean => {
    for (const step of [-1, 1]) {
      let j = i + step;
      while (j >= 0 && j < trimmed.length && (trimmed[j] === '' || (found.get(j) === 'running_title'))) j += step;
      if (found.get(j) === 'page_number') return true;
    }
    return false;
  };
  const byKey = new Map<string, number[]>();
  trimmed.forEach((t, i) => {
    if (t === '' || found.has(i) || t.includes('\t') || t.length > MAX_TITLE_LENGTH) return;
    const key = t.replace(/[\d\s]+/g, '');
    if (key.length < 2) return;
    byKey.set(key, [...(byKey.get(key) ?? []), i]);
  });
  const hasPageNumbers = [...found.values()].includes('page_number');
  for (const indices of byKey.values()) {
    if (indices.length < MIN_REPEATS) continue;
    const near = indices.filter(nearPageNumber);
    if (hasPageNumbers && near.length * 2 >= indices.length) {
      // The first occurrence away from any page number is the title page's own line: kept.
      for (const i of indices) if (i !== indices[0] || near.includes(i)) found.set(i, 'running_title');
      continue;
    }
    const gaps = indices.slice(1).map((i, k) => i - indices[k]);
    if (!hasPageNumbers && indices.length >= MIN_REPEATS_ALONE && Math.min(...gaps) >= MIN_PAGE_GAP) {
      for (const i of indices.slice(1)) found.set(i, 'running_title');
    }
  }
  return found;
}
