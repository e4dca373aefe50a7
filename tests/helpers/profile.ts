import neo4j, { type Driver, type ProfiledPlan, type Record as Neo4jRecord } from 'neo4j-driver';

/** Neo4j's own count of a plan's work: database hits of every operator. */
const hitsOf = (p: ProfiledPlan): number => p.dbHits + p.children.reduce((sum, c) => sum + hitsOf(c), 0);

/**
 * Runs a read statement under PROFILE: its records, and the database hits it took. For tests that
 * hold a read to the same work however many plans are loaded.
 */
export async function profiledRead(driver: Driver, cypher: string, params: Record<string, unknown>): Promise<{ records: Neo4jRecord[]; hits: number }> {
  const result = await driver.executeQuery(`PROFILE ${cypher}`, params, { routing: neo4j.routing.READ });
  const profile = result.summary.profile;
  if (profile === false) throw new Error('PROFILE gave no plan');
  return { records: result.records, hits: hitsOf(profile) };
}
