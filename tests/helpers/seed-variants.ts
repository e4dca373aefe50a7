/**
 * Re-extractions of the seed plan, as other tools or settings would give the same PDF: built
 * here from the seed file by simple string operations (nothing from src/), so that a test can
 * ask whether ingestion reads the same plan out of a different layout.
 */

export interface VariantOptions {
  /** Hard-wrap every line of prose at this many ems (CJK 1, ASCII 0.5); no blank lines. */
  width?: number;
  /** A page number (— 8 —, - 8 -, 第8页 in turn) and a running title every `pageLines` lines. */
  pageLines?: number;
  /** Leave out the table of contents (目 录 up to the title before the preamble). */
  dropToc?: boolean;
  /** Swap the widths of ，：；（）！？% (full to half, half to full). */
  swapPunctuation?: boolean;
  /** Put a space between the digits of every number (1 2 %, 2 0 2 5 年). */
  spaceDigits?: boolean;
}

export const RUNNING_TITLE = '重庆市新型城镇化规划（2021—2035年）';
const PAGE_FORMS = [(n: number) => `— ${n} —`, (n: number) => `- ${n} -`, (n: number) => `第${n}页`];
const SWAP: Record<string, string> = {
  '，': ',', ',': '，', '：': ':', ':': '：', '；': ';', ';': '；', '（': '(', '(': '（', '）': ')', ')': '）',
  '！': '!', '!': '！', '？': '?', '?': '？', '％': '%', '%': '％',
};
/** Marks that a typesetter never puts at the start of a line (kinsoku): they stay on the line before. */
const NO_LINE_START = new Set([...'，。、；：！？）》”’,.;:!?)%％']);

const em = (c: string) => (c.charCodeAt(0) < 0x2000 ? 0.5 : 1);

function wrap(line: string, width: number): string[] {
  const pieces: string[] = [];
  let current = '';
  let w = 0;
  for (const c of line) {
    if (w + em(c) > width && current !== '' && !NO_LINE_START.has(c)) {
      pieces.push(current);
      current = '';
      w = 0;
    }
    current += c;
    w += em(c);
  }
  if (current !== '') pieces.push(current);
  // A paragraph whose last line fills the width exactly, ending a sentence, reads like a wrap
  // to anyone (ingestion reads it so, a known limit): typeset the last line a little short.
  const last = pieces[pieces.length - 1];
  if (last.length > 4 && [...last].reduce((w, c) => w + em(c), 0) > width - 3) {
    let cut = last.length - 2;
    while (cut > 1 && NO_LINE_START.has(last[cut])) cut--;
    pieces.splice(pieces.length - 1, 1, last.slice(0, cut), last.slice(cut));
  }
  return pieces;
}

export function seedVariant(seed: string, options: VariantOptions): string {
  let lines = seed.split('\n');
  if (options.dropToc) {
    const toc = lines.indexOf('目 录');
    const titleAfter = lines.findIndex((l, i) => i > toc && l === '重庆市新型城镇化规划');
    lines = [...lines.slice(0, toc), ...lines.slice(titleAfter)];
  }
  if (options.swapPunctuation) lines = lines.map((l) => [...l].map((c) => SWAP[c] ?? c).join(''));
  if (options.spaceDigits) lines = lines.map((l) => l.replace(/\d(?=\d)/g, '$& '));
  if (options.width) {
    const width = options.width;
    lines = lines.filter((l) => l.trim() !== '').flatMap((l) => (l.includes('\t') ? [l] : wrap(l, width)));
  }
  if (options.pageLines) {
    const out: string[] = [];
    let page = 1;
    lines.forEach((l, i) => {
      out.push(l);
      if ((i + 1) % options.pageLines! === 0 && i + 1 < lines.length) {
        out.push(PAGE_FORMS[page % PAGE_FORMS.length](page), RUNNING_TITLE);
        page++;
      }
    });
    lines = out;
  }
  return lines.join('\n');
}

/**
 * Removes what a variant inserts into the words: one width per mark, and no spaces (a wrap
 * drops the space it falls on, as extractions do; spaces inside numbers are OCR noise).
 */
export function withoutNoise(s: string): string {
  const full: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '!': '！', '?': '？', '％': '%' };
  return [...s].map((c) => full[c] ?? c).join('').replace(/\s+/g, '');
}
