const DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * The value of a numeral as headings and prose write it: 一 .. 九十九, 一百零五, 十二, and the
 * digit-by-digit form (二〇三五); ASCII and full-width digits too. NaN for anything else.
 */
export function chineseNumeral(s: string): number {
  const t = s.replace(/\s+/g, '').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30));
  if (/^\d+$/.test(t)) return Number(t);
  if (t === '' || ![...t].every((c) => c in DIGITS || c in UNITS)) return NaN;
  if (![...t].some((c) => c in UNITS)) return Number([...t].map((c) => DIGITS[c]).join(''));
  let total = 0;
  let digit: number | null = null;
  for (const c of t) {
    if (c in DIGITS) {
      digit = DIGITS[c];
    } else {
      total += (digit ?? 1) * UNITS[c];
      digit = null;
    }
  }
  return total + (digit ?? 0);
}
