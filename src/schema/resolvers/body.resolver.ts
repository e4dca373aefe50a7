import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { NodeRow } from '../../graph/read/rows';
import { TaskPageArgs } from '../args/page.args';
import type { Context } from '../context';
import { readArgs, toTaskConnection } from '../task-connection';
import { Body } from '../types/body.type';
import { TaskConnection } from '../types/connections.type';

@Resolver(() => Body)
export class BodyResolver {
  @FieldResolver(() => TaskConnection, {
    description: 'Tasks the body is responsible for, in text order; each edge’s link says on what basis (text with quote, or curated with rationale).',
  })
  async tasks(@Root() b: NodeRow, @Args() args: TaskPageArgs, @Ctx() ctx: Context): Promise<TaskConnection> {
    const read = readArgs(args, ctx);
    // A body's links are few (tens to hundreds): they are read in one batch and cut at the cursor.
    const rows = (await ctx.loaders.linksTo('RESPONSIBLE', read.basis).load(b.id)).filter(
      (r) => r.node.nodeType === 'Task' && (!read.planId || r.node.planId === read.planId),
    );
    const after = read.after;
    const rest = after
      ? rows.filter((r) => (r.node.planId as string) > after.planId || (r.node.planId === after.planId && (r.node.sourceStart as number) > after.sourceStart))
      : rows;
    return toTaskConnection({ rows: rest.slice(0, read.limit), hasNextPage: rest.length > read.limit, totalCount: rows.length }, after !== null);
  }
}
