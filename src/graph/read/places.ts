import type { GraphClient } from '../graph-client';
import { z } from 'zod';
import { rowShape, type Decoded } from '../decode';
import { listBatch, valueNode, type BatchRead } from './batch';
import { readLevels, type LevelStep, type RootRead } from './levels';
import { governmentId } from '../../ingest/district-governments';
import { DistrictRow, keyed, PlaceRow, RegionRow } from './rows';
import { anyOf } from './any-of';
import { phrase } from './search-query';

/** The id of a district's government, the body ingestion writes for every district with a code. */
export const governmentIdOf = (district: DistrictRow): string => governmentId(district);

/**
 * The place a name names, as `n`: by full name, short name, alias or GB/T 2260 code; an exact
 * full name first, places of the plans' jurisdictions before outside places of the same name,
 * then by id. Each way is an index lookup: places of the whole country run to thousands, and a
 * scan of them all (an alias is in a list, which no range index holds) cost every lookup by
 * name about two milliseconds at four thousand places.
 */
export const NAMED_PLACE = `
${anyOf('n', [
  'MATCH (n:Place {name: $name})',
  'MATCH (n:Place {shortName: $name})',
  'MATCH (n:Place {code: $name})',
  "CALL db.index.fulltext.queryNodes('place_aliases', $alias) YIELD node AS n",
])}
WITH n ORDER BY CASE n.name WHEN $name THEN 0 ELSE 1 END, CASE n.kind WHEN 'outside' THEN 1 ELSE 0 END, n.id
LIMIT 1`;

/**
 * The parameters of NAMED_PLACE: the name, and the Lucene query that finds it among aliases (the
 * index place_aliases keeps each alias whole, so a quoted name matches only an alias equal to it).
 */
export const namedPlaceParams = (name: string): { name: string; alias: string } => ({ name, alias: phrase(name) });

export const PLACE_BY_NAME = `${NAMED_PLACE}
RETURN n {.*} AS value`;

/** A place given by id, or by a name read as NAMED_PLACE reads it. */
export type PlaceRef = { id: string } | { name: string };

/** Cypher that binds the place to `p` (null when there is none: the query still returns its row), and its parameters. */
export function bindPlace(ref: PlaceRef): { cypher: string; params: Record<string, unknown> } {
  if ('id' in ref) return { cypher: 'OPTIONAL MATCH (p:Entity {id: $id})', params: { id: ref.id } };
  return { cypher: `OPTIONAL CALL () { ${NAMED_PLACE} RETURN n AS p }`, params: namedPlaceParams(ref.name) };
}

const PlaceByNameRow = rowShape('PlaceByName', z.object({ value: PlaceRow }));

/** A place by name; `levels` are read below it in the same statement (levels.ts). */
export async function placeByName(client: GraphClient, name: string, levels: readonly LevelStep[] = []): Promise<PlaceRow | null> {
  const root: RootRead<Decoded<typeof PlaceByNameRow>> = { name: 'placeByName', cypher: PLACE_BY_NAME, params: namedPlaceParams(name), columns: ['value'], shape: PlaceByNameRow, nodes: valueNode };
  const [row] = await readLevels(client, root, levels);
  return row?.value ?? null;
}

/** Districts and counties (not zones) of a region, transitively; all of them when region is null. */
export const DISTRICTS = `
OPTIONAL MATCH (r:Region) WHERE r.name = $region OR $region IN coalesce(r.aliases, [])
WITH r LIMIT 1
CALL (r) {
  MATCH (d:District)
  WHERE $region IS NULL OR (r IS NOT NULL AND EXISTS { (d)-[:WITHIN*1..4]->(r) })
  WITH d ORDER BY d.code
  RETURN collect(d {.*}) AS districts
}
RETURN r IS NOT NULL AS found, districts`;

/** The districts, or null when the region is not known. One round trip. */
const DistrictsRow = rowShape('Districts', z.object({ found: z.boolean(), districts: z.array(DistrictRow) }));

export async function districts(client: GraphClient, region: string | null, levels: readonly LevelStep[] = []): Promise<DistrictRow[] | null> {
  const root: RootRead<Decoded<typeof DistrictsRow>> = { name: 'districts', cypher: DISTRICTS, params: { region }, columns: ['found', 'districts'], shape: DistrictsRow, nodes: (row) => `${row}.districts` };
  const [row] = await readLevels(client, root, levels);
  return region !== null && !row.found ? null : row.districts;
}

/** For each region id: its districts and counties, transitively. */
export const DISTRICTS_OF_REGIONS = `
UNWIND $ids AS id
MATCH (d:District)-[:WITHIN*1..4]->(:Region {id: id})
WITH id, d ORDER BY d.code
RETURN id AS key, d {.*} AS value`;

/** For each region id: its direct sub-regions. */
export const SUBREGIONS = `
UNWIND $ids AS id
MATCH (r:Region)-[:WITHIN]->(:Region {id: id})
WITH id, r ORDER BY r.name
RETURN id AS key, r {.*} AS value`;

/** For each place id: the region it sits in directly (WITHIN). */
export const PARENT_REGION = `
UNWIND $ids AS id
MATCH (:Entity {id: id})-[:WITHIN]->(r:Region)
RETURN id AS key, r {.*} AS value`;

/** For each place id: every region above it, nearest first. */
export const REGIONS_ABOVE = `
UNWIND $ids AS id
MATCH path = (:Entity {id: id})-[:WITHIN*1..4]->(r:Region)
WITH id, r ORDER BY length(path)
RETURN id AS key, r {.*} AS value`;

const KeyedDistrictRow = keyed('District', DistrictRow);
const KeyedRegionRow = keyed('Region', RegionRow);

/** For each region id, its districts (DISTRICTS_OF_REGIONS). */
export function districtBatch(cypher: string): BatchRead<Decoded<typeof KeyedDistrictRow>, DistrictRow[]> {
  return listBatch('districts', cypher, KeyedDistrictRow);
}

/** For each place id, regions (SUBREGIONS, PARENT_REGION, REGIONS_ABOVE). */
export function regionBatch(cypher: string): BatchRead<Decoded<typeof KeyedRegionRow>, RegionRow[]> {
  return listBatch('regions', cypher, KeyedRegionRow);
}
