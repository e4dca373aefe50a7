import type { GraphClient } from '../graph/graph-client';
import type { LoadResult } from '../graph/plan-writer';
import { CURATED_LINKS_FILE, loadReferenceData, SEED_PLAN_FILE } from '../ingest/seed-data';
import { loadPlanFile } from './load-plan-file';

/** Short and readable: it prefixes every node id of the seed plan. */
export const SEED_PLAN_ID = 'cq-nup-2021-2035';

/** Loads the seed plan (with its curated responsibilities) unless the same text is already in the graph (then nothing is written). */
export async function seedPlan(client: GraphClient): Promise<LoadResult> {
  const { result } = await loadPlanFile(client, SEED_PLAN_FILE, SEED_PLAN_ID, loadReferenceData(), { curatedFile: CURATED_LINKS_FILE });
  return result;
}
