import type { GraphClient } from '../graph-client';
import { groupByKey, type NodeRow } from './rows';

/** The labels whose nodes hang off a parent through PART_OF (fixed list: never from input). */
export type ChildLabel = 'Part' | 'Chapter' | 'Section' | 'Measure' | 'Task' | 'Box' | 'Indicator' | 'Project' | 'PilotZone';

/** Direct children of each parent, in text order. */
export const childrenOf = (label: ChildLabel): string => `
UNWIND $ids AS id
MATCH (n:${label})-[:PART_OF]->(:Entity {id: id})
WITH id, n ORDER BY n.sourceStart
RETURN id AS key, n {.*} AS value`;

/** Every node of a label in each plan, in text order. */
export const planMembers = (label: ChildLabel | 'Target'): string => `
UNWIND $ids AS id
MATCH (n:Entity {planId: id}) WHERE n:${label}
WITH id, n ORDER BY n.sourceStart
RETURN id AS key, n {.*} AS value`;

/** All measures of each chapter, its sections' included, in text order. */
export const MEASURES_OF_CHAPTERS = `
UNWIND $ids AS id
MATCH (n:Measure {chapterId: id})
WITH id, n ORDER BY n.sourceStart
RETURN id AS key, n {.*} AS value`;

export async function batchRows(client: GraphClient, cypher: string, ids: readonly string[]): Promise<NodeRow[][]> {
  const rows = await client.readRows<{ key: string; value: NodeRow }>(cypher, { ids });
  return groupByKey(ids, rows);
}
