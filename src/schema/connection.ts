import { badInput } from '../errors/app-error';
import type { KeysetWindow, WindowRows } from '../graph/read/keyset';
import { DEFAULT_PAGE_SIZE, type PageArgs } from './args/page.args';
import type { Context } from './context';
import type { PageInfo } from './types/page-info.type';

/** Reads a cursor given in `after` or `before`; an unknown cursor is BAD_USER_INPUT on that argument. */
export type CursorDecoder<Key> = (cursor: string, argument: 'after' | 'before') => Key;

/**
 * The keyset window a connection's Relay arguments ask for: forward from `first`, backward from
 * `last` (Relay's "last edges before `before`"), the default page forward when neither is given.
 */
export function pageWindow<Key>(args: PageArgs, ctx: Context, decode: CursorDecoder<Key>): KeysetWindow<Key> {
  const first = args.first ?? null;
  const last = args.last ?? null;
  if (first !== null && last !== null) throw badInput('give first or last, not both', 'last');
  const [limit, argument] = last !== null ? [last, 'last'] : [first ?? DEFAULT_PAGE_SIZE, 'first'];
  if (limit > ctx.limits.maxPageSize) throw badInput(`${argument} must be at most ${ctx.limits.maxPageSize}`, argument);
  return {
    limit,
    direction: last !== null ? 'backward' : 'forward',
    after: args.after == null ? null : decode(args.after, 'after'),
    before: args.before == null ? null : decode(args.before, 'before'),
  };
}

/** `Total` is the list's count: a number, or null where the list was not counted (TaskPage). */
export interface Connection<Edge extends { cursor: string }, Total extends number | null = number> {
  edges: Edge[];
  pageInfo: PageInfo;
  totalCount: Total;
}

/**
 * A Relay connection from a window's rows. The side the page was read towards says whether there
 * is more there; the other side has more when the request started from a cursor on it (Relay lets
 * a server answer that without reading).
 */
export function toConnection<Row, Edge extends { cursor: string }, Total extends number | null>(page: WindowRows<Row>, window: KeysetWindow<unknown>, totalCount: Total, edge: (row: Row) => Edge): Connection<Edge, Total> {
  const edges = page.rows.map(edge);
  const forward = window.direction === 'forward';
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: forward ? page.more : window.before !== null,
      hasPreviousPage: forward ? window.after !== null : page.more,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
