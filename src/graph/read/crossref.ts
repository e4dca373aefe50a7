import { z } from 'zod';
import { integer, rowShape, type Decoded } from '../decode';
import { int, type GraphClient } from '../graph-client';
import { byDirection, cutWindow, withinBounds, type KeyColumn, type KeysetWindow, type WindowRows } from './keyset';
import { DistrictRow } from './rows';

/** Districts that share tasks with a place, with how many tasks each shares, most first. */
export const SHARING_DISTRICTS = `
MATCH (p:Entity {id: $id})<-[:MENTIONS]-(t:Task)-[:MENTIONS]->(o:District)
WHERE o <> p AND ($planId IS NULL OR t.planId = $planId)
WITH o, count(DISTINCT t) AS shared
RETURN o {.*} AS district, shared
ORDER BY shared DESC, o.code
LIMIT $limit`;

const SharingDistrictRow = rowShape('SharingDistrict', z.object({ district: DistrictRow, shared: integer }));
export type SharingDistrictRow = Decoded<typeof SharingDistrictRow>;

export async function sharingDistricts(client: GraphClient, id: string, planId: string | null, limit: number): Promise<SharingDistrictRow[]> {
  return client.readRows(SHARING_DISTRICTS, { id, planId, limit: int(limit) }, SharingDistrictRow);
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

/**
 * A page of the districts that share tasks with a place. Every count is an aggregate over the
 * place's tasks, so the whole (short) list is counted and the window cut from it.
 */
export const SHARING_DISTRICTS_PAGE = byDirection((direction) => `
MATCH (p:Entity {id: $id})<-[:MENTIONS]-(t:Task)-[:MENTIONS]->(o:District)
WHERE o <> p AND ($planId IS NULL OR t.planId = $planId)
WITH o, count(DISTINCT t) AS shared
ORDER BY shared DESC, o.id
WITH collect({district: o {.*}, shared: shared}) AS ranked
RETURN size(ranked) AS total, ${direction === 'backward' ? 'reverse' : ''}([x IN ranked WHERE ${withinBounds(SHARING_KEY)}])[0..$limit] AS page`);

const SharingPageRow = rowShape('SharingDistrictPage', z.object({ total: integer, page: z.array(z.object({ district: DistrictRow, shared: integer })) }));

export async function sharingDistrictsPage(client: GraphClient, id: string, planId: string | null, window: KeysetWindow<SharingKey>): Promise<WindowRows<SharingDistrictRow> & { total: number }> {
  const key = (k: SharingKey | null) => k && { shared: int(k.shared), id: k.id };
  const params = { id, planId, limit: int(window.limit + 1), after: key(window.after), before: key(window.before) };
  const [row] = await client.readRows(SHARING_DISTRICTS_PAGE[window.direction], params, SharingPageRow);
  return { ...cutWindow(row?.page ?? [], window), total: row?.total ?? 0 };
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
