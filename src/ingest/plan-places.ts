import { chinaDivisions, type Division } from './china-divisions';
import type { PlaceMention, PlaceRecord } from './document';
import type { Gazetteer, NamePattern } from './gazetteer';
import { PlaceLinker } from './link-places';

/**
 * The places a plan can name, read in the light of its jurisdiction (planJurisdiction):
 *
 * - every province, by full and short name (四川省, 四川);
 * - every prefecture by full name (衡水市); by short name (成都) only inside the jurisdiction;
 * - county-level divisions of the jurisdiction by full and short name (郫都区, 郫都), none
 *   elsewhere.
 * Names are strings inside unsegmented text: outside the jurisdiction a short or county name is
 * more often a word (均衡水平 holds 衡水, 相适应城市 holds 应城市, 矿区 is a mining area) than
 * a place, so only the names that stand out (provinces, full prefecture names) are read there.
 * - for a plan of Chongqing (500000), the curated gazetteer first (districts, functional zones,
 *   the regions of 一区两群, outside places, abbreviations, localities, blockers): its names win
 *   over the national ones, and the national list adds nothing inside Chongqing.
 *
 * Regions belong to the plan that defines them: a plan of another jurisdiction gets none of
 * Chongqing's. A short name that would stand for two places of equal standing links to neither.
 */

export const CHONGQING = '500000';

/**
 * Names of national programmes that hold a county's name as a word of their own: they link
 * nothing wherever a plan cites them (兴边富民行动 is read in the plans of every border province).
 */
const NATIONAL_BLOCKERS = [
  { text: '兴边富民', note: '兴边富民行动, the national programme for border areas: 富民 here is not 富民县' },
];

export function divisionRecord(d: Division): PlaceRecord {
  return { id: `place/${d.code}`, name: d.name, shortName: d.shortNames[0] ?? d.name, kind: d.level, code: d.code, regionName: null, aliases: d.shortNames.slice(1) };
}

const cache = new Map<string, PlaceLinker>();

export function placeLinkerFor(jurisdiction: string | null, curated: PlaceLinker): PlaceLinker {
  const key = jurisdiction ?? 'national';
  const hit = cache.get(key);
  if (hit && (jurisdiction !== CHONGQING || hit.gazetteer.places === curated.gazetteer.places)) return hit;
  const withCurated = jurisdiction === CHONGQING;
  const divisions = chinaDivisions().filter((d) => !(withCurated && d.provinceCode === CHONGQING));
  const inJurisdiction = (d: Division) => jurisdiction !== null && (d.provinceCode === jurisdiction || d.code === jurisdiction);
  const candidates = new Map<string, Division[]>();
  const offer = (text: string, d: Division) => candidates.set(text, [...(candidates.get(text) ?? []), d]);
  for (const d of divisions) {
    if (d.level === 'province') {
      offer(d.name, d);
      d.shortNames.forEach((s) => offer(s, d));
    } else if (d.level === 'prefecture') {
      offer(d.name, d);
      if (inJurisdiction(d)) d.shortNames.forEach((s) => offer(s, d));
    } else if (inJurisdiction(d)) {
      offer(d.name, d);
      d.shortNames.forEach((s) => offer(s, d));
    }
  }
  const patterns: NamePattern[] = withCurated ? [...curated.gazetteer.patterns] : [];
  const curatedTexts = new Set(withCurated ? curated.gazetteer.patterns.map((p) => p.text) : []);
  for (const b of NATIONAL_BLOCKERS) if (!curatedTexts.has(b.text)) patterns.push({ text: b.text, kind: 'blocker', placeIds: [], rationale: b.note });
  const rank: Record<string, number> = { province: 0, prefecture: 1, county_level: 2 };
  const records = new Map<string, PlaceRecord>();
  for (const [text, ds] of candidates) {
    if (curatedTexts.has(text)) continue;
    // Inside the jurisdiction first; then the higher level; a tie is ambiguous and links nothing.
    const local = ds.filter(inJurisdiction);
    const pool = local.length ? local : ds;
    const top = Math.min(...pool.map((d) => rank[d.level]));
    const best = [...new Map(pool.filter((d) => rank[d.level] === top).map((d) => [d.code, d])).values()];
    if (best.length !== 1) continue;
    const record = divisionRecord(best[0]);
    records.set(record.id, record);
    const own = text === best[0].name || best[0].shortNames.includes(text);
    patterns.push({ text, kind: 'name', placeIds: [record.id], rationale: own ? null : `${text} is a name of ${best[0].name}` });
  }
  const gazetteer: Gazetteer = {
    places: withCurated ? curated.gazetteer.places : [],
    patterns,
    byName: withCurated ? curated.gazetteer.byName : new Map(),
    regionMembers: withCurated ? curated.gazetteer.regionMembers : new Map(),
    zoneOverlaps: withCurated ? curated.gazetteer.zoneOverlaps : [],
    divisions: records,
  };
  const linker = new PlaceLinker(gazetteer);
  cache.set(key, linker);
  return linker;
}

/** What linkDocument needs of a linker: the names it knows and how it finds them in a text. */
export type PlaceLinking = Pick<PlaceLinker, 'gazetteer' | 'link'>;

/**
 * The linker of a plan that has no curated gazetteer, widened sentence by sentence: where a
 * sentence names a province other than the plan's jurisdiction, the short names and counties of
 * that province are read in it too, as they would be in a plan of that province (国发〔2018〕38号:
 * 支持郑州机场利用第五航权……（适用范围：河南自贸试验区） names 郑州市). Elsewhere those names
 * stay unread: outside its province a short name is more often a word than a place. Mentions of
 * the plan's own linker win where the two overlap. One per plan: it keeps the records it adds.
 */
export function provinceScopedLinker(jurisdiction: string | null, curated: PlaceLinker): PlaceLinking {
  const base = placeLinkerFor(jurisdiction, curated);
  const divisions = new Map(base.gazetteer.divisions ?? []);
  const gazetteer: Gazetteer = { ...base.gazetteer, divisions };
  const link = (text: string, offset: number): PlaceMention[] => {
    const own = base.link(text, offset);
    const found = [...own];
    const provinces = new Set(
      own.flatMap((m) => {
        const d = base.gazetteer.divisions?.get(m.placeId);
        return d?.kind === 'province' && d.code !== null && d.code !== jurisdiction ? [d.code] : [];
      }),
    );
    for (const province of provinces) {
      const scoped = placeLinkerFor(province, curated);
      for (const m of scoped.link(text, offset)) {
        const record = scoped.gazetteer.divisions?.get(m.placeId);
        const inProvince = record !== undefined && record.kind !== 'province' && record.code?.slice(0, 2) === province.slice(0, 2);
        if (!inProvince || found.some((o) => o.start < m.end && m.start < o.end)) continue;
        found.push(m);
        divisions.set(record.id, record);
      }
    }
    return found.sort((a, b) => a.start - b.start);
  };
  return { gazetteer, link };
}
