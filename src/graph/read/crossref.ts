import { int, type GraphClient } from '../graph-client';
import type { NodeRow } from './rows';

/** Districts that share tasks with a place, with how many tasks each shares, most first. */
export const SHARING_DISTRICTS = `
MATCH (p:Entity {id: $id})<-[:MENTIONS]-(t:Task)-[:MENTIONS]->(o:District)
WHERE o <> p AND ($planId IS NULL OR t.planId = $planId)
WITH o, count(DISTINCT t) AS shared
RETURN o {.*} AS district, shared
ORDER BY shared DESC, o.code
LIMIT $limit`;

export async function sharingDistricts(client: GraphClient, id: string, planId: string | null, limit: number): Promise<{ district: NodeRow; shared: number }[]> {
  return client.readRows(SHARING_DISTRICTS, { id, planId, limit: int(limit) });
}

/** Task counts per district and chapter of one plan (a district's own tasks only). */
export const DISTRICT_CHAPTER_MATRIX = `
MATCH (t:Task {planId: $planId})-[:MENTIONS]->(d:District)
WHERE t.chapterId IS NOT NULL
RETURN d.id AS districtId, t.chapterId AS chapterId, count(DISTINCT t) AS count`;

export async function districtChapterMatrix(client: GraphClient, planId: string): Promise<{ districtId: string; chapterId: string; count: number }[]> {
  return client.readRows(DISTRICT_CHAPTER_MATRIX, { planId });
}

/** For each district of a region: how many tasks name it. */
export const REGION_DISTRICT_COUNTS = `
MATCH (r:Region {id: $id})
MATCH (d:District)-[:WITHIN*1..4]->(r)
RETURN d {.*} AS district, COUNT { (d)<-[:MENTIONS]-(t:Task) WHERE $planId IS NULL OR t.planId = $planId } AS taskCount
ORDER BY taskCount DESC, d.code`;

export async function regionDistrictCounts(client: GraphClient, id: string, planId: string | null): Promise<{ district: NodeRow; taskCount: number }[]> {
  return client.readRows(REGION_DISTRICT_COUNTS, { id, planId });
}
