/**
 * Keyset windows: a page of an ordered list is the rows strictly between two keys (either may be
 * open), read from one end. Reading forward takes the first rows after `after`; reading backward
 * takes the last rows before `before`. Every page query reads one row more than the page: that row
 * only says there is more in the reading direction. Nothing is skipped by offset.
 */

export type Direction = 'forward' | 'backward';

export interface KeysetWindow<Key> {
  /** Rows in the page (0 reads only whether there is any). */
  limit: number;
  direction: Direction;
  after: Key | null;
  before: Key | null;
}

/** One column of a list's key: the Cypher expression, its name in the key map, its sort order. */
export interface KeyColumn {
  expr: string;
  field: string;
  descending?: boolean;
}

/**
 * Cypher: the key `left` gives lies strictly after (or before) the key `right` gives, in the
 * list's order, column by column.
 */
function strictly(columns: readonly KeyColumn[], left: (c: KeyColumn) => string, right: (c: KeyColumn) => string, after: boolean): string {
  const compare = (i: number): string => {
    const c = columns[i];
    const op = after === !c.descending ? '>' : '<';
    const [l, r] = [left(c), right(c)];
    if (i === columns.length - 1) return `${l} ${op} ${r}`;
    return `(${l} ${op} ${r} OR (${l} = ${r} AND ${compare(i + 1)}))`;
  };
  return compare(0);
}

/**
 * Cypher: the row lies strictly on the given side of the key in `$after` or `$before` (a map with
 * one entry per column), or that parameter is null.
 */
function beyond(columns: readonly KeyColumn[], side: 'after' | 'before'): string {
  return `($${side} IS NULL OR ${strictly(columns, (c) => c.expr, (c) => `$${side}.${c.field}`, side === 'after')})`;
}

/**
 * Cypher: map `a` comes before map `b` in reading order (the list's order forward, its reverse
 * backward); both hold the key's columns under their `field` names.
 */
export function readsBefore(columns: readonly KeyColumn[], a: string, b: string, direction: Direction): string {
  return strictly(columns, (c) => `${a}.${c.field}`, (c) => `${b}.${c.field}`, direction === 'backward');
}

/** Cypher: the row lies inside the window's bounds. */
export const withinBounds = (columns: readonly KeyColumn[]): string => `${beyond(columns, 'after')} AND ${beyond(columns, 'before')}`;

/** Cypher sort items in reading order: the list's order forward, its reverse backward. */
export function readingOrder(columns: readonly KeyColumn[], direction: Direction): string {
  return columns.map((c) => `${c.expr}${(direction === 'backward') === !c.descending ? ' DESC' : ''}`).join(', ');
}

/** A query text for each reading direction. */
export type ByDirection = Readonly<Record<Direction, string>>;

export const byDirection = (build: (direction: Direction) => string): ByDirection => ({ forward: build('forward'), backward: build('backward') });

/** The rows of a page in list order, and whether the list goes on in the reading direction. */
export interface WindowRows<Row> {
  rows: Row[];
  more: boolean;
}

/**
 * Cuts what a page query read (up to `limit + 1` rows in reading order) into the page, in the
 * list's order whichever way it was read.
 */
export function cutWindow<Row>(read: readonly Row[], window: Pick<KeysetWindow<unknown>, 'limit' | 'direction'>): WindowRows<Row> {
  const rows = read.slice(0, window.limit);
  return { rows: window.direction === 'backward' ? rows.reverse() : rows, more: read.length > window.limit };
}
