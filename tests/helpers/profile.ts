import neo4j, { type Driver, type ProfiledPlan, type Record as Neo4jRecord } from 'neo4j-driver';

/** Neo4j's own count of a plan's work: database hits of every operator. */
const hitsOf = (p: ProfiledPlan): number => p.dbHits + p.children.reduce((sum, c) => sum + hitsOf(c), 0);

/**
 * The rows the deepest operator of a kind received from below (e.g. what an aggregation counted);
 * null when the plan has none. Operators fused into their parent report no rows of their own.
 */
export function rowsInto(p: ProfiledPlan, operator: string): number | null {
  for (const child of p.children) {
    const deeper = rowsInto(child, operator);
    if (deeper !== null) return deeper;
  }
  return p.operatorType.split('@')[0] === operator ? p.children.reduce((sum, c) => sum + c.rows, 0) : null;
}

/**
 * Runs a read statement under PROFILE: its records, the database hits it took, and the plan. For
 * tests that hold a read to the same work however many plans are loaded.
 */
export async function profiledRead(driver: Driver, cypher: string, params: Record<string, unknown>): Promise<{ records: Neo4jRecord[]; hits: number; plan: ProfiledPlan }> {
  const result = await driver.executeQuery(`PROFILE ${cypher}`, params, { routing: neo4j.routing.READ });
  const profile = result.summary.profile;
  if (profile === false) throw new Error('PROFILE gave no plan');
  return { records: result.records, hits: hitsOf(profile), plan: profile };
}
