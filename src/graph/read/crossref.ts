import { z } from 'zod';
import { integer, rowShape } from '../decode';
import { int, type GraphClient } from '../graph-client';
import { cutWindow, withinBounds, type Direction, type KeyColumn, type KeysetWindow, type WindowRows } from './keyset';
import { planTasksLinkedTo, sparseLinksParam } from './plan-seek';
import { bindPlace, type PlaceRef } from './places';
import { DistrictRow } from './rows';

/**
 * The tasks that name the place bound to `p`: of every plan; or of one plan, from the place's
 * links when it has few, else from the plan's tasks (plan-seek.ts).
 */
const tasksNaming = (planId: string | null): string =>
  planId === null
    ? `MATCH (p)<-[:MENTIONS]-(t:Task) RETURN t`
    : planTasksLinkedTo('p', 'MENTIONS').map((tasks) => `${tasks} RETURN t`).join('\n    UNION\n    ');

/**
 * Districts that share tasks with the place bound to `p` (bindPlace), with how many tasks each
 * shares, most first, ties by `tie`: the whole list as `ranked`. The counts are aggregates over
 * the place's tasks, so the (short) list is always counted whole and pages are cut from it.
 */
const rankedSharing = (tie: string, planId: string | null) => `
WITH p, COLLECT {
  CALL (p) { ${tasksNaming(planId)} }
  MATCH (t)-[:MENTIONS]->(o:District)
  WHERE o <> p
  WITH o, count(DISTINCT t) AS shared
  ORDER BY shared DESC, ${tie}
  RETURN {district: o {.*}, shared: shared}
} AS ranked`;

const SharingDistrict = z.object({ district: DistrictRow, shared: integer });
export type SharingDistrictRow = z.output<typeof SharingDistrict>;
const SharingListRow = rowShape('SharingDistricts', z.object({ found: z.boolean(), rows: z.array(SharingDistrict) }));

/** The statement of sharingDistricts and its parameters (for it, and for profiling it). */
export function sharingStatement(place: PlaceRef, planId: string | null, limit: number): { cypher: string; params: Record<string, unknown> } {
  const bind = bindPlace(place);
  return {
    cypher: `${bind.cypher}${rankedSharing('o.code', planId)}\nRETURN p IS NOT NULL AS found, ranked[0..$limit] AS rows`,
    params: { ...bind.params, planId, limit: int(limit), ...sparseLinksParam() },
  };
}

/** The first `limit` districts sharing tasks with a place, ties by code; found is false when the place is unknown. */
export async function sharingDistricts(client: GraphClient, place: PlaceRef, planId: string | null, limit: number): Promise<{ found: boolean; rows: SharingDistrictRow[] }> {
  const statement = sharingStatement(place, planId, limit);
  const [row] = await client.readRows(statement.cypher, statement.params, SharingListRow);
  return row;
}

/** A sharing district's place in the list: most shared tasks first, ties by id (its code). */
export interface SharingKey {
  shared: number;
  id: string;
}
const SHARING_KEY: readonly KeyColumn[] = [
  { expr: 'x.shared', field: 'shared', descending: true },
  { expr: 'x.district.id', field: 'id' },
];

const pageOf = (direction: Direction) =>
  `RETURN p IS NOT NULL AS found, size(ranked) AS total, ${direction === 'backward' ? 'reverse' : ''}([x IN ranked WHERE ${withinBounds(SHARING_KEY)}])[0..$limit] AS page`;

const SharingPageRow = rowShape('SharingDistrictPage', z.object({ found: z.boolean(), total: integer, page: z.array(SharingDistrict) }));

/** A page of the districts that share tasks with a place, in one statement with the place's lookup. */
export async function sharingDistrictsPage(client: GraphClient, place: PlaceRef, planId: string | null, window: KeysetWindow<SharingKey>): Promise<WindowRows<SharingDistrictRow> & { total: number; found: boolean }> {
  const key = (k: SharingKey | null) => k && { shared: int(k.shared), id: k.id };
  const bind = bindPlace(place);
  const cypher = `${bind.cypher}${rankedSharing('o.id', planId)}\n${pageOf(window.direction)}`;
  const params = { ...bind.params, planId, limit: int(window.limit + 1), after: key(window.after), before: key(window.before), ...sparseLinksParam() };
  const [row] = await client.readRows(cypher, params, SharingPageRow);
  return { ...cutWindow(row.page, window), total: row.total, found: row.found };
}

/** Task counts per district and chapter of one plan (a district's own tasks only). */
export const DISTRICT_CHAPTER_MATRIX = `
MATCH (t:Task {planId: $planId})-[:MENTIONS]->(d:District)
WHERE t.chapterId IS NOT NULL
RETURN d.id AS districtId, t.chapterId AS chapterId, count(DISTINCT t) AS count`;

const MatrixCellRow = rowShape('DistrictChapterCell', z.object({ districtId: z.string(), chapterId: z.string(), count: integer }));

export async function districtChapterMatrix(client: GraphClient, planId: string): Promise<{ districtId: string; chapterId: string; count: number }[]> {
  return client.readRows(DISTRICT_CHAPTER_MATRIX, { planId }, MatrixCellRow);
}

/** For each district of a region: how many tasks name it. */
export const REGION_DISTRICT_COUNTS = `
MATCH (r:Region {id: $id})
MATCH (d:District)-[:WITHIN*1..4]->(r)
RETURN d {.*} AS district, COUNT { (d)<-[:MENTIONS]-(t:Task) WHERE $planId IS NULL OR t.planId = $planId } AS taskCount
ORDER BY taskCount DESC, d.code`;

const RegionDistrictCountRow = rowShape('RegionDistrictCount', z.object({ district: DistrictRow, taskCount: integer }));

export async function regionDistrictCounts(client: GraphClient, id: string, planId: string | null): Promise<{ district: DistrictRow; taskCount: number }[]> {
  return client.readRows(REGION_DISTRICT_COUNTS, { id, planId }, RegionDistrictCountRow);
}
