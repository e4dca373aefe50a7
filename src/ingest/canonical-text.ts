/**
 * A view of the text in which the two widths of a punctuation mark, and of a digit, are one
 * character. The view has exactly the length of the text, character for character, so an
 * offset found in it is an offset of the text: stages match on the view and quote the text.
 *
 * Marks become full width (，：；（）！？), digits and the percent sign half width. A comma, colon
 * or full stop between two digits is left alone: 1,000, 8:30 and 2.45 are numbers, not prose.
 */

const TO_FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '!': '！', '?': '？' };
const TO_HALF: Record<string, string> = { '％': '%', '．': '.' };
const BETWEEN_DIGITS = new Set([',', ':', '．', '.']);

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/** The canonical view of `text`; `canonicalText(t).length === t.length` always. */
export function canonicalText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const code = c.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) {
      out += String.fromCharCode(code - 0xff10 + 0x30);
      continue;
    }
    if (BETWEEN_DIGITS.has(c) && isDigitAt(text, i - 1) && isDigitAt(text, i + 1)) {
      out += c === '．' ? '.' : c;
      continue;
    }
    out += TO_FULL[c] ?? (c === '．' ? c : TO_HALF[c]) ?? c;
  }
  return out;
}
