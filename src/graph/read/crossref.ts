import { z } from 'zod';
import { integer, rowShape, type Decoded } from '../decode';
import { int, type GraphClient } from '../graph-client';
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
