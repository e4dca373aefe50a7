import { decodeRow, type RowShape } from '../decode';
import type { GraphClient } from '../graph-client';
import { groupByKey } from './rows';

/**
 * A batched read: one query over a list of ids, whose rows are assembled into one value per id
 * (DataLoader's contract). A loader runs it alone (runBatch); a compiled read (levels.ts) runs
 * several in one statement, each level's ids taken from the nodes of the level above.
 *
 * Contract of `cypher`, which levels.ts relies on when it nests the query:
 * - it reads its ids from `$ids` and every other input from a parameter named in `params`;
 * - `$` appears nowhere else in it (parameters are renamed textually);
 * - it returns exactly `columns`.
 */
/** A query that a compiled read can nest: its text, inputs, columns, row shape and where its nodes are. */
export interface NestableRead<Row> {
  readonly name: string;
  readonly cypher: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly columns: readonly string[];
  readonly shape: RowShape<Row>;
  /** Cypher: the node maps one row holds, as a list, given the row as a map of its columns named `row`. */
  nodes(row: string): string;
}

export interface BatchRead<Row, Value> extends NestableRead<Row> {
  /** The value of each id, in the order of `ids`, from the decoded rows. */
  assemble(ids: readonly string[], rows: Row[]): Value[];
}

/** Runs a batch alone: one round trip for all the ids. */
export async function runBatch<Row, Value>(client: GraphClient, batch: BatchRead<Row, Value>, ids: readonly string[]): Promise<Value[]> {
  return batch.assemble(ids, await client.readRows(batch.cypher, { ...batch.params, ids }, batch.shape));
}

/** Decodes rows read by a compiled statement (plain maps of the batch's columns) and assembles them. */
export function assembleRows<Row, Value>(batch: BatchRead<Row, Value>, ids: readonly string[], rows: readonly unknown[]): Value[] {
  return batch.assemble(ids, rows.map((r) => decodeRow(batch.shape, r)));
}

/** `nodes` of batches whose rows carry one node in `value`. */
export const valueNode = (row: string): string => `[${row}.value]`;
/** `nodes` of batches whose rows carry a node with its link in `value` ({node, link}). */
export const linkedNode = (row: string): string => `[${row}.value.node]`;

/** `assemble` of batches with at most one row per id: its value, or null. */
export function oneEach<Value>(ids: readonly string[], rows: { key: string; value: Value }[]): (Value | null)[] {
  const map = new Map(rows.map((r) => [r.key, r.value]));
  return ids.map((id) => map.get(id) ?? null);
}

/** The rows most batches return (`RETURN id AS key, … AS value`). */
export interface Keyed<V> {
  key: string;
  value: V;
}

/** A batch of `{ key, value }` rows whose values form a list per id; by default each value is one node. */
export function listBatch<V>(name: string, cypher: string, shape: RowShape<Keyed<V>>, params: Record<string, unknown> = {}, nodes: (row: string) => string = valueNode): BatchRead<Keyed<V>, V[]> {
  return { name, cypher, params, columns: ['key', 'value'], shape, nodes, assemble: groupByKey };
}

/** A batch of at most one `{ key, value }` row per id, whose value is one node (or null). */
export function oneBatch<V>(name: string, cypher: string, shape: RowShape<Keyed<V>>): BatchRead<Keyed<V>, V | null> {
  return { name, cypher, params: {}, columns: ['key', 'value'], shape, nodes: valueNode, assemble: oneEach };
}
