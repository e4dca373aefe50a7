import { PLAN_LABELS, PLAN_REL_TYPES, type GraphRows, type Props, type RelRow } from '../ingest/to-graph';
import { decodeRecords } from './decode';
import type { GraphClient, WriteTx } from './graph-client';
import { withIntegers } from './integer-properties';
import * as Q from './plan-load.queries';

/**
 * Writes a plan into the graph in one transaction: upserts by id (MERGE), rebuilds the plan's
 * structural relationships, removes what the text no longer has. Atomic: if anything fails,
 * the transaction rolls back and the previous version of the plan stays as it was.
 */

/** Rows per UNWIND statement: large enough to amortise a round trip, small enough for memory. */
const BATCH = 5_000;

/** Bumped when the parser's output changes for the same text, so that a re-ingest rewrites. */
export const PARSER_VERSION = 5;

export interface LoadResult {
  planId: string;
  skipped: boolean;
  nodes: number;
  relationships: number;
  deleted: number;
  /** Nodes the text no longer has but that carry monitoring records: kept, marked retired. */
  retired: string[];
  graphVersion: number | null;
}

export interface LoadOptions {
  /** Rewrite even when the stored plan has the same checksum. */
  force?: boolean;
  /** Called after each step, for progress bars. */
  onStep?: (step: string, done: number, total: number) => void;
}

/** Node rows and relationship rows as the driver must get them: integer properties as integers. */
const nodeParams = (rows: Props[]) => rows.map(withIntegers);
const relParams = (rows: RelRow[]) => rows.map((r) => ({ from: r.from, to: r.to, props: withIntegers(r.props) }));

async function unwind(tx: WriteTx, cypher: string, rows: unknown[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await tx.run(cypher, { rows: rows.slice(i, i + BATCH) });
  }
}

export async function writePlan(client: GraphClient, rows: GraphRows, options: LoadOptions = {}): Promise<LoadResult> {
  const planId = rows.planId;
  if (!options.force) {
    const [stored] = await client.ingestRows(Q.PLAN_CHECKSUM, { planId }, Q.PlanChecksumRow);
    if (stored && stored.checksum === rows.plan.contentChecksum && stored.parserVersion === PARSER_VERSION) {
      const [count] = await client.ingestRows(Q.COUNT_PLAN, { planId }, Q.PlanCountRow);
      return { planId, skipped: true, ...count, deleted: 0, retired: [], graphVersion: null };
    }
  }
  const steps = 6 + PLAN_LABELS.length + PLAN_REL_TYPES.length;
  let done = 0;
  const step = (name: string) => options.onStep?.(name, ++done, steps);
  return client.ingest(async (tx) => {
    done = 0;
    await tx.run(Q.UPSERT_PLAN, { plan: withIntegers({ ...rows.plan, parserVersion: PARSER_VERSION }) });
    step('plan');
    await unwind(tx, Q.UPSERT_PLACES, nodeParams(rows.places));
    await unwind(tx, Q.LINK_PLACES_WITHIN, relParams(rows.placeWithin));
    await unwind(tx, Q.LINK_ZONE_OVERLAPS, relParams(rows.zoneOverlaps));
    step('places');
    await unwind(tx, Q.UPSERT_BODIES, nodeParams(rows.bodies));
    step('bodies');
    for (const label of PLAN_LABELS) {
      await unwind(tx, Q.upsertNodes(label), nodeParams(rows.nodes[label]));
      step(label);
    }
    const ids = [rows.planId, ...PLAN_LABELS.flatMap((l) => rows.nodes[l].map((n) => String(n.id)))];
    const retired = decodeRecords(Q.RetiredRow, (await tx.run(Q.RETIRE_STALE_TASKS, { planId, ids })).records);
    const [deleted] = decodeRecords(Q.DeletedRow, (await tx.run(Q.DELETE_STALE, { planId, ids })).records);
    step('stale');
    await tx.run(Q.DELETE_PLAN_RELS(PLAN_REL_TYPES), { planId });
    for (const type of PLAN_REL_TYPES) {
      await unwind(tx, Q.createRels(type), relParams(rows.rels[type]));
      step(type);
    }
    const [version] = decodeRecords(Q.GraphVersionRow, (await tx.run(Q.BUMP_GRAPH_VERSION)).records);
    const [count] = decodeRecords(Q.PlanCountRow, (await tx.run(Q.COUNT_PLAN, { planId })).records);
    step('done');
    return {
      planId,
      skipped: false,
      nodes: count.nodes,
      relationships: count.relationships,
      deleted: deleted.deleted,
      retired: retired.map((r) => r.id),
      graphVersion: version.version,
    };
  });
}
