import { badInput } from '../errors/app-error';
import type { GraphQLResolveInfo } from 'graphql';
import type { TaskPage, TaskPageArgs as ReadArgs } from '../graph/read/task-pages';
import { selectedPaths } from './selection';
import { DEFAULT_PAGE_SIZE, type PageArgs, type TaskPageArgs } from './args/page.args';
import type { Context } from './context';
import { decodeTaskCursor, taskCursor } from './cursor';
import type { TaskConnection } from './types/connections.type';

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

/**
 * When a page of tasks is shown with where each task stands (measure, section, chapter), those are
 * read for the whole page in one query and primed into the node loader.
 */
export async function primeTaskContext(page: TaskPage, ctx: Context, info: GraphQLResolveInfo): Promise<TaskPage> {
  const paths = selectedPaths(info);
  if (paths.has('edges.node.measure') || paths.has('edges.node.section') || paths.has('edges.node.chapter')) {
    const contexts = await ctx.loaders.taskContext.loadMany(page.rows.map((r) => r.node.id));
    ctx.loaders.primeNodes(contexts.flatMap((c) => (c instanceof Error ? [] : c)));
  }
  return page;
}

export function toTaskConnection(page: TaskPage, hasPreviousPage: boolean): TaskConnection {
  const edges = page.rows.map((r) => ({ cursor: taskCursor(r.node, r.link), node: r.node, link: r.link }));
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
