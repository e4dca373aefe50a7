import { RowDecodeError } from '../graph/decode';

/**
 * A value the schema promises (non-null) and the graph must hold: its absence is a broken graph,
 * reported like a row that fails its shape (masked for the client, logged with the node's id),
 * never answered as a null that would void the parent.
 */
export function present<T>(value: T | null | undefined, type: string, field: string, id: string): T {
  if (value === null || value === undefined) throw new RowDecodeError(type, field, `${id} has no ${field}`);
  return value;
}
