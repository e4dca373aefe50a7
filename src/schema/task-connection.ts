import type { GraphQLResolveInfo } from 'graphql';
import type { TaskPage, TaskPageArgs as ReadArgs } from '../graph/read/task-pages';
import { selectedPaths } from './selection';
import { storedProperties } from './tree-projection';
import type { TaskPageArgs } from './args/page.args';
import { pageWindow, toConnection } from './connection';
import type { Context } from './context';
import { decodeTaskCursor, taskCursor } from './cursor';
import type { TaskConnection } from './types/connections.type';

/**
 * What the graph reads for a connection of tasks: the window, the filters, whether the list is
 * counted and which task properties are read, from `selected`, the paths selected under the
 * connection (selection.ts): only an operation that selects totalCount pays for reading the whole
 * list, and a page's tasks carry what the operation selects (tree-projection.ts).
 */
export function readArgs(args: TaskPageArgs, ctx: Context, selected: ReadonlySet<string>): ReadArgs {
  return {
    ...pageWindow(args, ctx, decodeTaskCursor),
    planId: args.planId ?? null,
    basis: args.basis ?? null,
    counted: selected.has('totalCount'),
    properties: storedProperties(selected, 'edges.node.'),
    linkEvidence: selected.has('edges.link'),
  };
}

/**
 * When a page of tasks is shown with where each task stands (measure, section, chapter), those are
 * read for the whole page in one query and primed into the node loader.
 */
export async function primeTaskContext(page: TaskPage, ctx: Context, info: GraphQLResolveInfo, compiled: boolean): Promise<TaskPage> {
  // A page read by a compiled read came with what its tasks' fields select.
  if (compiled) return page;
  const paths = selectedPaths(info);
  if (paths.has('edges.node.measure') || paths.has('edges.node.section') || paths.has('edges.node.chapter')) {
    const contexts = await ctx.loaders.taskContext.loadMany(page.rows.map((r) => r.node.id));
    ctx.loaders.primeNodes(contexts.flatMap((c) => (c instanceof Error ? [] : c)));
  }
  return page;
}

export function toTaskConnection(page: TaskPage, read: ReadArgs): TaskConnection {
  return toConnection(page, read, page.totalCount, (r) => ({ cursor: taskCursor(r.node, r.link), node: r.node, link: r.link }));
}
