import type { PlaceMention } from './document';
import type { Gazetteer, NamePattern } from './gazetteer';
import { LongestMatcher } from './longest-match';

/**
 * Finds the places a stretch of text names, leftmost-longest over every pattern of the
 * gazetteer: full names before short names (石柱土家族自治县 over 石柱), localities and
 * blockers before the names inside them (江北国际机场 lies in 渝北区; 成渝中线 holds no 渝中).
 * A blocker consumes its characters and links nothing.
 */
export class PlaceLinker {
  private readonly matcher: LongestMatcher<NamePattern>;

  constructor(readonly gazetteer: Gazetteer) {
    this.matcher = new LongestMatcher(gazetteer.patterns);
  }

  /** Mentions in `text`, whose first character stands at `offset` of the normalised text. */
  link(text: string, offset: number): PlaceMention[] {
    const out: PlaceMention[] = [];
    for (const { entry, index, length } of this.matcher.matches(text)) {
      const after = text.slice(index + length);
      if (entry.kind === 'name' && (namesAStreetOrSubdistrict(after) || ENTERPRISE_AFTER.test(after))) continue;
      for (const placeId of entry.placeIds) {
        out.push({
          placeId,
          basis: entry.kind === 'locality' ? 'gazetteer' : 'text',
          quote: text.slice(index, index + length),
          start: offset + index,
          end: offset + index + length,
          rationale: entry.rationale,
        });
      }
    }
    return out;
  }
}

/**
 * A place name that names a street (江苏北路, 陕西南路, 重庆南路) or one of a list of
 * subdistricts or their centres (天山、程家桥、江苏等街道): the streets of a city carry the names
 * of provinces and cities, and a district's subdistricts carry the names of its streets.
 */
const STREET_AFTER = /^(?:[东西南北中]?路|大道|大街|街(?!道)|巷|弄)/;
const SUBDISTRICT_LIST = /^(?:、[^、，。；]{1,8})*等(?:一批)?(?:街道|社区)/;

function namesAStreetOrSubdistrict(after: string): boolean {
  return STREET_AFTER.test(after) || SUBDISTRICT_LIST.test(after);
}

/** A place name that opens an enterprise's name (红塔集团, 某某股份): the firm, not the place. */
const ENTERPRISE_AFTER = /^(?:集团|股份|控股)/;

/** The distinct places of a list of mentions; the first mention of each is kept. */
export function distinctPlaces(mentions: PlaceMention[]): PlaceMention[] {
  const seen = new Set<string>();
  return mentions.filter((m) => !seen.has(m.placeId) && seen.add(m.placeId) !== undefined);
}
