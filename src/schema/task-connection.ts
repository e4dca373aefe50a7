import { badInput } from '../errors/app-error';
import type { TaskPage, TaskPageArgs as ReadArgs } from '../graph/read/task-pages';
import { DEFAULT_PAGE_SIZE, type PageArgs, type TaskPageArgs } from './args/page.args';
import type { Context } from './context';
import { decodeTaskCursor, taskCursor } from './cursor';
import type { TaskConnection } from './types/connections.type';
import type { Link } from './types/link.type';

/** The page size a request may ask for: at most the operator's GRAPHQL_MAX_PAGE_SIZE. */
export function pageSize(args: PageArgs, ctx: Context): number {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (first > ctx.limits.maxPageSize) {
    throw badInput(`first must be at most ${ctx.limits.maxPageSize}`, 'first');
  }
  return first;
}

export function readArgs(args: TaskPageArgs, ctx: Context): ReadArgs {
  return { limit: pageSize(args, ctx), after: decodeTaskCursor(args.after), planId: args.planId ?? null, basis: args.basis ?? null };
}

export function toTaskConnection(page: TaskPage, hasPreviousPage: boolean): TaskConnection {
  const edges = page.rows.map((r) => ({ cursor: taskCursor(r.node), node: r.node, link: r.link as unknown as Link }));
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
