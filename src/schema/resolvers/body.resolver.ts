import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { BODIES } from '../../graph/read/responsibilities';
import type { NodeRow } from '../../graph/read/rows';
import { TaskPageArgs } from '../args/page.args';
import type { Context } from '../context';
import { readArgs, toTaskConnection } from '../task-connection';
import { Body } from '../types/body.type';
import { TaskConnection } from '../types/connections.type';
import { District } from '../types/district.type';
import { Measure } from '../types/measure.type';
import { Int } from 'type-graphql';

@Resolver(() => Body)
export class BodyResolver {
  @Query(() => [Body], { description: 'Every responsible body, those leading most measures first.' })
  async bodies(@Ctx() ctx: Context): Promise<NodeRow[]> {
    return (await ctx.client.readRows<{ value: NodeRow }>(BODIES)).map((r) => r.value);
  }

  @Query(() => Body, { nullable: true, description: 'A body by id (body/…) or by name (市发展改革委, 忠县人民政府, 区县政府).' })
  async body(@Arg('id', () => String) idOrName: string, @Ctx() ctx: Context): Promise<NodeRow | null> {
    const [row] = await ctx.client.readRows<{ value: NodeRow }>(`MATCH (b:Body) WHERE b.id = $v OR b.name = $v OR b.fullName = $v RETURN b {.*} AS value LIMIT 1`, { v: idOrName });
    return row?.value ?? null;
  }

  @FieldResolver(() => TaskConnection, {
    description:
      'The body’s portfolio: tasks it is responsible for, in text order. Each edge’s link gives the basis (text, derived or curated), the role (lead, support, named, deliver) and the quote or rationale.',
  })
  async tasks(
    @Root() b: NodeRow,
    @Args() args: TaskPageArgs,
    @Arg('role', () => String, { nullable: true, description: 'lead | support | named | deliver' }) role: string | null,
    @Ctx() ctx: Context,
  ): Promise<TaskConnection> {
    const read = readArgs(args, ctx);
    return toTaskConnection(await ctx.loaders.bodyTasks({ ...read, role: role ?? null }).load(b.id), read.after !== null);
  }

  @FieldResolver(() => [Measure], { description: 'Measures curated to the body, with the given role (default lead).' })
  async measures(@Root() b: NodeRow, @Arg('role', () => String, { nullable: true }) role: string | null, @Ctx() ctx: Context): Promise<NodeRow[]> {
    const rows = await ctx.loaders.linksTo('RESPONSIBLE', 'curated').load(b.id);
    return rows.filter((r) => r.node.nodeType === 'Measure' && r.link.role === (role ?? 'lead')).map((r) => r.node);
  }

  @FieldResolver(() => Int, { description: 'How many measures the body leads (curated).' })
  leads(@Root() b: NodeRow, @Ctx() ctx: Context): Promise<number> | number {
    if (typeof b.leads === 'number') return b.leads;
    return this.measures(b, 'lead', ctx).then((m) => m.length);
  }

  @FieldResolver(() => District, { nullable: true, description: 'For a district government: the district it governs.' })
  async governs(@Root() b: NodeRow, @Ctx() ctx: Context): Promise<NodeRow | null> {
    return b.governs ? ctx.loaders.node.load(b.governs as string) : null;
  }
}
