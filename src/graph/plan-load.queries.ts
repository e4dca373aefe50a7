import { z } from 'zod';
import type { PlanLabel, PlanRelType } from '../ingest/to-graph';
import { integer, rowShape } from './decode';

/**
 * The Cypher of a plan load. Labels and relationship types come from the fixed lists of
 * to-graph.ts, never from input; every value is a parameter.
 */

export const PLAN_CHECKSUM = `MATCH (p:Plan {id: $planId}) RETURN p.contentChecksum AS checksum, p.parserVersion AS parserVersion`;
/** Plans loaded before the checksum covered curated links have neither: they are rewritten. */
export const PlanChecksumRow = rowShape('PlanChecksum', z.object({ checksum: z.string().nullable(), parserVersion: integer.nullable() }));

export const UPSERT_PLAN = `
MERGE (p:Entity {id: $plan.id})
WITH p, coalesce(p.revision, 0) AS revision
SET p = $plan, p:Plan, p.revision = revision + 1, p.loadedAt = toString(datetime())`;

export const UPSERT_PLACES = `
UNWIND $rows AS r
MERGE (n:Entity {id: r.id})
SET n = r, n:Place
FOREACH (_ IN CASE WHEN r.kind IN ['district', 'county', 'autonomous_county'] THEN [1] ELSE [] END | SET n:District)
FOREACH (_ IN CASE WHEN r.kind = 'functional_zone' THEN [1] ELSE [] END | SET n:Zone)
FOREACH (_ IN CASE WHEN r.kind = 'region' THEN [1] ELSE [] END | SET n:Region)
FOREACH (_ IN CASE WHEN r.kind = 'outside' THEN [1] ELSE [] END | SET n:OutsidePlace)
FOREACH (_ IN CASE WHEN r.kind IN ['province', 'prefecture', 'county_level'] THEN [1] ELSE [] END | SET n:Division)`;

export const LINK_PLACES_WITHIN = `
UNWIND $rows AS r
MATCH (a:Entity {id: r.from})
MATCH (b:Entity {id: r.to})
MERGE (a)-[:WITHIN]->(b)`;

export const LINK_ZONE_OVERLAPS = `
UNWIND $rows AS r
MATCH (a:Entity {id: r.from})
MATCH (b:Entity {id: r.to})
MERGE (a)-[x:OVERLAPS]->(b)
SET x = r.props`;

export const UPSERT_BODIES = `
UNWIND $rows AS r
MERGE (n:Entity {id: r.id})
SET n += r, n:Body
WITH n, r WHERE r.governs IS NOT NULL
MATCH (p:Entity {id: r.governs})
MERGE (n)-[:GOVERNS]->(p)`;

export const upsertNodes = (label: PlanLabel): string => `
UNWIND $rows AS r
MERGE (n:Entity {id: r.id})
SET n = r, n:${label}`;

/** Structural relationships of the plan are rebuilt on each load; monitoring records are other types. */
export const DELETE_PLAN_RELS = (types: readonly PlanRelType[]): string => `
MATCH (n:Entity {planId: $planId})-[r:${types.join('|')}]->()
DELETE r`;

export const createRels = (type: PlanRelType): string => `
UNWIND $rows AS r
MATCH (a:Entity {id: r.from})
MATCH (b:Entity {id: r.to})
CREATE (a)-[x:${type}]->(b)
SET x = r.props`;

/**
 * Nodes of the plan that the new text no longer has. A node that carries monitoring records
 * (reports on a task, observations of an indicator) is kept and marked retired, so that no
 * record is lost and the loss is reported; everything else goes.
 */
export const RETIRE_STALE_TASKS = `
MATCH (n:Entity {planId: $planId})
WHERE NOT n.id IN $ids AND EXISTS { (n)<-[:ABOUT]-(:Record) }
SET n.retired = true
RETURN n.id AS id`;
export const RetiredRow = rowShape('RetiredNode', z.object({ id: z.string() }));

/** A node that comes back in a later text is no longer retired (SET n = r drops the flag). */
export const DELETE_STALE = `
MATCH (n:Entity {planId: $planId})
WHERE NOT n.id IN $ids AND NOT n:Plan AND NOT coalesce(n.retired, false)
DETACH DELETE n
RETURN count(*) AS deleted`;
export const DeletedRow = rowShape('DeletedNodes', z.object({ deleted: integer }));

/** The version of the plans' structure: response caches drop what was computed from an older one. */
export const BUMP_GRAPH_VERSION = `
MERGE (v:GraphVersion {id: 'structure'})
SET v.version = coalesce(v.version, 0) + 1, v.updatedAt = toString(datetime())
RETURN v.version AS version`;
export const GraphVersionRow = rowShape('GraphVersion', z.object({ version: integer }));

export const COUNT_PLAN = `
MATCH (n:Entity {planId: $planId})
WITH count(n) AS nodes
OPTIONAL MATCH (:Entity {planId: $planId})-[r]->()
RETURN nodes, count(r) AS relationships`;
export const PlanCountRow = rowShape('PlanCount', z.object({ nodes: integer, relationships: integer }));
