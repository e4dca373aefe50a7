import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { compileSelection } from '../compile/compile-selection';
import { selectedPaths } from '../selection';
import { bodyByIdOrName, listBodies, type BodyWithCountsRow } from '../../graph/read/responsibilities';
import type { BodyRow, DistrictRow, MeasureRow, NodeRow } from '../../graph/read/rows';
import { LINK_ROLES } from '../../graph/read/values';
import { linkRoleArgument } from '../args/link-role';
import { TaskPageArgs } from '../args/page.args';
import type { Context } from '../context';
import type { MaybePromise } from '../maybe-promise';
import { readArgs, toTaskConnection } from '../task-connection';
import { Body } from '../types/body.type';
import { TaskConnection } from '../types/connections.type';
import { District } from '../types/district.type';
import { Measure } from '../types/measure.type';
import { Int } from 'type-graphql';
import { deprecatedFor, KIND_CLASH } from '../deprecations';

const isMeasure = (n: NodeRow): n is MeasureRow => n.nodeType === 'Measure';

/** A body as its resolvers get it: from bodies() with its counts, or from anywhere else without. */
type BodyRoot = BodyRow | BodyWithCountsRow;

@Resolver(() => Body)
export class BodyResolver {
  @Query(() => [Body], { description: 'Every responsible body, those leading most measures first.' })
  bodies(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<BodyWithCountsRow[]> {
    return listBodies(ctx.client, compileSelection(info, ctx));
  }

  @Query(() => Body, { nullable: true, description: 'A body by id (body/…) or by name (市发展改革委, 忠县人民政府, 区县政府).' })
  body(@Arg('id', () => String) idOrName: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<BodyRow | null> {
    return bodyByIdOrName(ctx.client, idOrName, compileSelection(info, ctx));
  }

  @FieldResolver(() => TaskConnection, {
    description:
      'The body’s portfolio: tasks it is responsible for, in text order. Each edge’s link gives the basis (text, derived or curated), the role (lead, support, named, deliver) and the quote or rationale.',
  })
  async tasks(
    @Root() b: BodyRoot,
    @Args() args: TaskPageArgs,
    @Arg('role', () => String, { nullable: true, description: LINK_ROLES.join(' | ') }) role: string | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TaskConnection> {
    const wanted = linkRoleArgument(role);
    const read = readArgs(args, ctx, selectedPaths(info));
    return toTaskConnection(await ctx.loaders.bodyTasks({ ...read, role: wanted }).load(b.id), read);
  }

  @FieldResolver(() => [Measure], { description: 'Measures curated to the body, with the given role (default lead).' })
  async measures(@Root() b: BodyRoot, @Arg('role', () => String, { nullable: true }) role: string | null, @Ctx() ctx: Context): Promise<MeasureRow[]> {
    const rows = await ctx.loaders.linksTo('RESPONSIBLE', 'curated').load(b.id);
    return rows.filter((r) => r.link.role === (role ?? 'lead')).map((r) => r.node).filter(isMeasure);
  }

  @FieldResolver(() => Int, { description: 'How many measures the body leads (curated).' })
  leads(@Root() b: BodyRoot, @Ctx() ctx: Context): Promise<number> | number {
    if ('leads' in b) return b.leads;
    return this.measures(b, 'lead', ctx).then((m) => m.length);
  }

  @FieldResolver(() => String, deprecatedFor('bodyKind', KIND_CLASH))
  kind(@Root() b: BodyRoot): string {
    return b.kind;
  }

  @FieldResolver(() => District, { nullable: true, description: 'For a district government: the district it governs.' })
  governs(@Root() b: BodyRoot, @Ctx() ctx: Context): MaybePromise<DistrictRow | null> {
    return ctx.loaders.nodeOf('District', b.governs);
  }
}
