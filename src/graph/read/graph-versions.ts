import { z } from 'zod';
import { integer, rowShape } from '../decode';
import type { GraphClient } from '../graph-client';

/**
 * The versions the response cache keys on: `structure` moves with every plan load, `records`
 * with every monitoring write (both bumped inside the writing transaction), so a replica that
 * reads them knows at once whether what it cached is still true.
 */
export interface GraphVersions {
  structure: number;
  records: number;
}

export const GRAPH_VERSIONS = `
OPTIONAL MATCH (s:GraphVersion {id: 'structure'})
OPTIONAL MATCH (r:GraphVersion {id: 'records'})
RETURN coalesce(s.version, 0) AS structure, coalesce(r.version, 0) AS records`;

const GraphVersionsRow = rowShape('GraphVersions', z.object({ structure: integer, records: integer }));

export async function graphVersions(client: GraphClient): Promise<GraphVersions> {
  const [row] = await client.readRows(GRAPH_VERSIONS, {}, GraphVersionsRow);
  return row;
}
