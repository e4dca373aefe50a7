import type { PlaceKind, PlaceRecord } from './document';

/**
 * The places of the plan and every way the text names them, built from the reference CSV
 * (districts, counties, functional zones and their plan region) and seed/gazetteer.json
 * (regions, outside places, abbreviations, localities, blockers). Pure: inputs are strings.
 */

export interface GazetteerData {
  regions: { name: string; parent: string | null; aliases: string[]; note: string }[];
  outside: { name: string; aliases: string[] }[];
  abbreviations: { text: string; places: string[]; note: string }[];
  localities: { name: string; district: string; note: string }[];
  blockers: { text: string; note: string }[];
  /** Functional zones and the districts whose area they overlap (curated, with a note). */
  zones: { name: string; districts: string[]; note: string }[];
}

export type PatternKind = 'name' | 'abbreviation' | 'locality' | 'blocker';

/** A string of the text that, where it stands, names these places (none for a blocker). */
export interface NamePattern {
  text: string;
  kind: PatternKind;
  placeIds: string[];
  rationale: string | null;
}

export interface Gazetteer {
  places: PlaceRecord[];
  patterns: NamePattern[];
  /** Short name, full name or alias -> place id. */
  byName: Map<string, string>;
  /** region name -> the districts and zones inside it (transitively). */
  regionMembers: Map<string, string[]>;
  /** Functional zone id -> the districts it overlaps, with the note that says why. */
  zoneOverlaps: { zoneId: string; districtId: string; note: string }[];
  /** Divisions of China the patterns may name beyond `places` (written only where mentioned). */
  divisions?: Map<string, PlaceRecord>;
}

const DISTRICT_KINDS = new Set(['district', 'county', 'autonomous_county', 'functional_zone']);

export function placeId(record: { code: string | null; name: string; kind: PlaceKind }): string {
  if (record.code) return `place/${record.code}`;
  return record.kind === 'outside' ? `place/outside/${record.name}` : `place/${record.name}`;
}

export function parseDistrictCsv(csv: string): PlaceRecord[] {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0].split(',');
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`districts CSV: missing column "${name}"`);
    return i;
  };
  const [code, name, short, kind, region] = ['code', 'name', 'short_name', 'kind', 'plan_region'].map(col);
  return lines.slice(1).map((line, i) => {
    const cells = line.split(',');
    if (!DISTRICT_KINDS.has(cells[kind])) throw new Error(`districts CSV line ${i + 2}: unknown kind "${cells[kind]}"`);
    const record = {
      id: '',
      code: cells[code] || null,
      name: cells[name],
      shortName: cells[short] || cells[name],
      kind: cells[kind] as PlaceKind,
      regionName: cells[region] || null,
      aliases: [] as string[],
    };
    return { ...record, id: placeId(record) };
  });
}

export function buildGazetteer(districtsCsv: string, data: GazetteerData): Gazetteer {
  const districts = parseDistrictCsv(districtsCsv);
  const regions: PlaceRecord[] = data.regions.map((r) => ({
    id: placeId({ code: null, name: r.name, kind: 'region' }),
    code: null,
    name: r.name,
    shortName: r.name,
    kind: 'region',
    regionName: r.parent,
    aliases: r.aliases.map((a) => a.replace(/[“”]/g, '')),
  }));
  const outside: PlaceRecord[] = data.outside.map((o) => ({
    id: placeId({ code: null, name: o.name, kind: 'outside' }),
    code: null,
    name: o.name,
    shortName: o.name,
    kind: 'outside',
    regionName: null,
    aliases: o.aliases,
  }));
  const places = [...districts, ...regions, ...outside];
  const byName = new Map<string, string>();
  const patterns: NamePattern[] = [];
  const addName = (text: string, id: string) => {
    byName.set(text, id);
    patterns.push({ text, kind: 'name', placeIds: [id], rationale: null });
  };
  for (const p of districts) {
    addName(p.name, p.id);
    if (p.shortName !== p.name && p.shortName.length >= 2) addName(p.shortName, p.id);
  }
  for (const r of data.regions) {
    const id = placeId({ code: null, name: r.name, kind: 'region' });
    addName(r.name, id);
    for (const a of r.aliases) {
      byName.set(a.replace(/[“”]/g, ''), id);
      patterns.push({ text: a, kind: 'name', placeIds: [id], rationale: `${a} is the text's name for ${r.name}` });
    }
  }
  for (const o of data.outside) {
    const id = placeId({ code: null, name: o.name, kind: 'outside' });
    addName(o.name, id);
    for (const a of o.aliases) addName(a, id);
  }
  const resolve = (name: string, where: string): string => {
    const id = byName.get(name);
    if (!id) throw new Error(`gazetteer: ${where} names "${name}", which is no known place`);
    return id;
  };
  for (const a of data.abbreviations) {
    patterns.push({ text: a.text, kind: 'abbreviation', placeIds: a.places.map((p) => resolve(p, `abbreviation ${a.text}`)), rationale: `abbreviation: ${a.note}` });
  }
  for (const l of data.localities) {
    patterns.push({ text: l.name, kind: 'locality', placeIds: [resolve(l.district, `locality ${l.name}`)], rationale: l.note });
  }
  for (const b of data.blockers) patterns.push({ text: b.text, kind: 'blocker', placeIds: [], rationale: b.note });

  const regionMembers = new Map<string, string[]>();
  const children = (region: string): string[] => [
    ...districts.filter((d) => d.regionName === region).map((d) => d.id),
    ...data.regions.filter((r) => r.parent === region).flatMap((r) => children(r.name)),
  ];
  for (const r of data.regions) regionMembers.set(r.name, children(r.name));
  const zoneOverlaps = (data.zones ?? []).flatMap((z) =>
    z.districts.map((d) => ({ zoneId: resolve(z.name, `zone ${z.name}`), districtId: resolve(d, `zone ${z.name}`), note: z.note })),
  );
  return { places, patterns, byName, regionMembers, zoneOverlaps };
}
