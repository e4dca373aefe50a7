/**
 * Rows as the read layer returns them: the node's own properties (see src/ingest/to-graph.ts)
 * as plain values. `nodeType` names the GraphQL type; source* fields carry provenance.
 */
export interface NodeRow {
  id: string;
  nodeType: string;
  planId?: string;
  [property: string]: unknown;
}

/** The properties of a link (MENTIONS, LOCATED_IN, HAS_MEMBER, RESPONSIBLE, OVERLAPS). */
export interface LinkRow {
  basis: string;
  quote?: string | null;
  start?: number | null;
  end?: number | null;
  rationale?: string | null;
  role?: string | null;
}

export interface LinkedRow {
  node: NodeRow;
  link: LinkRow;
}

/** Groups rows of `{ key, value }` into a list per key, in the order of `keys` (DataLoader's contract). */
export function groupByKey<T>(keys: readonly string[], rows: { key: string; value: T }[]): T[][] {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(r.key);
    if (list) list.push(r.value);
    else map.set(r.key, [r.value]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

/** Projection that leaves out a plan's full text (fetched only by the source view). */
export const NODE_PROJECTION = `n {.*, text: CASE WHEN n:Plan THEN null ELSE n.text END}`;
