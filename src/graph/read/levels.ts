import { z } from 'zod';
import { decodeRow, rowShape, RowDecodeError } from '../decode';
import type { GraphClient } from '../graph-client';
import { assembleRows, type BatchRead, type NestableRead } from './batch';

/**
 * A compiled read: a root query and the batched reads below it, level by level, in ONE statement
 * (one round trip, however deep the operation). Each level is a batch (batch.ts) whose ids are
 * gathered, in Cypher, from the nodes of the level it hangs off: the property `keyProperty` of
 * every node there, each id once. So a level costs what its loader would have cost alone, and a
 * task shared by many parents is read once per level, as DataLoader would read it.
 *
 *   WITH COLLECT { CALL () { <root> } RETURN {columns} } AS l0
 *   WITH l0, COLLECT { UNWIND l0 AS row UNWIND <nodes of row> AS n WITH DISTINCT n.id AS x ... } AS i1
 *   WITH l0, i1, COLLECT { CALL (i1) { <batch 1, $ids read from i1> } RETURN {columns} } AS l1
 *   ...
 *   RETURN l0, i1, l1, ...
 *
 * Parameters of level k are passed as the map `$sk` (the root's as `$s0`).
 */

/** The root of a compiled read: any query with its parameters (not `$ids`), and the nodes of its rows. */
export type RootRead<Row> = NestableRead<Row>;

/** One level below the root; `accept` receives the ids read and the values assembled for them. */
export interface LevelStep {
  /** The level whose nodes give this level's ids: 0 is the root, k the k-th step. */
  readonly parent: number;
  readonly keyProperty: string;
  readonly read: NestableRead<unknown>;
  accept(ids: readonly string[], rows: readonly unknown[]): void;
}

/** A step whose values go to `use` (a loader's prime), typed by its batch. */
export function levelStep<Row, Value>(parent: number, keyProperty: string, batch: BatchRead<Row, Value>, use: (ids: readonly string[], values: Value[]) => void): LevelStep {
  return { parent, keyProperty, read: batch, accept: (ids, rows) => use(ids, assembleRows(batch, ids, rows)) };
}

const PROPERTY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The query with its parameters read from `$s<level>` and, for a batch, its ids from a variable. */
function nest(cypher: string, level: number, idsVariable: string | null): string {
  return cypher.replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => (name === 'ids' && idsVariable ? idsVariable : `$s${level}.${name}`));
}

const columnsMap = (columns: readonly string[]): string => `{${columns.map((c) => `${c}: ${c}`).join(', ')}}`;

/**
 * The statement of a compiled read, and for each step the column that holds its ids (steps that
 * hang off the same level by the same property share one id list).
 */
export function levelsStatement(root: RootRead<unknown>, steps: readonly LevelStep[]): { cypher: string; idColumns: string[] } {
  const reads = [root, ...steps.map((s) => s.read)];
  const lines = [`WITH COLLECT { CALL () { ${nest(root.cypher, 0, null)} } RETURN ${columnsMap(root.columns)} } AS l0`];
  const carried = ['l0'];
  const idLists = new Map<string, string>();
  const idColumns = steps.map((step, index) => {
    const k = index + 1;
    if (step.parent < 0 || step.parent >= k) throw new Error(`level ${k} hangs off level ${step.parent}, which is not above it`);
    if (!PROPERTY.test(step.keyProperty)) throw new Error(`level ${k}: ${step.keyProperty} is not a property name`);
    const source = `${step.parent}.${step.keyProperty}`;
    let ids = idLists.get(source);
    if (!ids) {
      ids = `i${k}`;
      idLists.set(source, ids);
      lines.push(`WITH ${carried.join(', ')}, COLLECT { UNWIND l${step.parent} AS row UNWIND ${reads[step.parent].nodes('row')} AS n WITH DISTINCT n.${step.keyProperty} AS x WHERE x IS NOT NULL RETURN x } AS ${ids}`);
      carried.push(ids);
    }
    lines.push(`WITH ${carried.join(', ')}, COLLECT { CALL (${ids}) { ${nest(step.read.cypher, k, ids)} } RETURN ${columnsMap(step.read.columns)} } AS l${k}`);
    carried.push(`l${k}`);
    return ids;
  });
  lines.push(`RETURN ${carried.join(', ')}`);
  return { cypher: lines.join('\n'), idColumns };
}

const Ids = rowShape('LevelIds', z.array(z.string()));

/** Runs a compiled read: the root's decoded rows; every step's values have gone to its `accept`. */
export async function readLevels<Row>(client: GraphClient, root: RootRead<Row>, steps: readonly LevelStep[]): Promise<Row[]> {
  if (steps.length === 0) return client.readRows(root.cypher, root.params, root.shape);
  const params: Record<string, unknown> = { s0: root.params };
  steps.forEach((s, i) => (params[`s${i + 1}`] = s.read.params));
  // Each column is decoded with its own shape, row by row (one conversion of the driver's values).
  const statement = levelsStatement(root, steps);
  const [columns] = await client.readColumns(statement.cypher, params);
  const rowsOf = (level: number): unknown[] => {
    const column: unknown = columns[`l${level}`];
    if (!Array.isArray(column)) throw new RowDecodeError('Levels', `l${level}`, 'is not a list');
    return column;
  };
  steps.forEach((step, i) => step.accept(decodeRow(Ids, columns[statement.idColumns[i]]), rowsOf(i + 1)));
  return rowsOf(0).map((r) => decodeRow(root.shape, r));
}
