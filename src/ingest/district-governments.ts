import type { BodyMention, BodyRecord, PlaceMention, PlaceRecord } from './document';

/**
 * Districts' governments are bodies too: the plan gives tasks to 区县政府 (第九章第二节: 各区政府
 * 要…抓好贯彻落实). A task that names a district is delivered by that district's government: a
 * rule, so such links say basis `derived`, quote the district's name and state the rule.
 */

const DISTRICT_KINDS = new Set(['district', 'county', 'autonomous_county']);

export const governmentId = (place: Pick<PlaceRecord, 'code'>): string => `body/gov/${place.code}`;

export function districtGovernments(places: PlaceRecord[]): BodyRecord[] {
  return places
    .filter((p) => DISTRICT_KINDS.has(p.kind) && p.code)
    .map((p) => ({ id: governmentId(p), name: `${p.name}人民政府`, kind: 'government', fullName: `重庆市${p.name}人民政府`, remit: null, governs: p.id }));
}

export function deliveringGovernments(mentions: PlaceMention[], placesById: Map<string, PlaceRecord>): BodyMention[] {
  return mentions.flatMap((m) => {
    const place = placesById.get(m.placeId);
    if (!place || !DISTRICT_KINDS.has(place.kind) || !place.code) return [];
    return [
      {
        bodyId: governmentId(place),
        basis: 'derived' as const,
        role: 'deliver' as const,
        quote: m.quote,
        start: m.start,
        end: m.end,
        rationale: `the task names ${place.name} (${m.quote}); a district's government delivers the plan's tasks in its area (区县政府, 第九章第二节)`,
      },
    ];
  });
}
