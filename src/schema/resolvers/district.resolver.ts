import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { selectedPaths } from '../selection';
import { badInput } from '../../errors/app-error';
import { scorecardRows } from '../../graph/read/monitoring';
import { currentQuarter, quarters } from '../../monitoring/period';
import { buildScorecard } from '../../monitoring/scorecard';
import { Body } from '../types/body.type';
import { Scorecard } from '../types/monitoring.types';
import { sharingDistricts } from '../../graph/read/crossref';
import type { BodyRow, DistrictRow, NodeRow, PilotZoneRow, ProjectRow, RegionRow, TaskRow, ZoneRow } from '../../graph/read/rows';
import { SharingListArgs, SharingPageArgs } from '../args/lookup.args';
import { deprecatedFor, CROSS_REFERENCE_LIST } from '../deprecations';
import { sharingConnection } from '../sharing-connection';
import { PlanScopeArgs, TaskPageArgs } from '../args/page.args';
import type { Context } from '../context';
import { readArgs, toTaskConnection } from '../task-connection';
import { SharedDistrict, SharedDistrictConnection, TaskConnection } from '../types/connections.type';
import { District } from '../types/district.type';
import { PilotZone } from '../types/pilot-zone.type';
import { Project } from '../types/project.type';
import { Region } from '../types/region.type';
import { Task } from '../types/task.type';
import { Zone } from '../types/zone.type';
import { present } from '../present';
import { governmentIdOf } from '../../graph/read/places';
const isTask = (n: NodeRow): n is TaskRow => n.nodeType === 'Task';
const isProject = (n: NodeRow): n is ProjectRow => n.nodeType === 'Project';
const isPilotZone = (n: NodeRow): n is PilotZoneRow => n.nodeType === 'PilotZone';
const isZone = (n: NodeRow): n is ZoneRow => n.nodeType === 'Zone';

@Resolver(() => District)
export class DistrictResolver {
  @FieldResolver(() => Region, { description: 'The finest region of 一区两群 the district belongs to.' })
  async region(@Root() d: DistrictRow, @Ctx() ctx: Context): Promise<RegionRow> {
    return present((await ctx.loaders.parentRegion.load(d.id))[0] ?? null, 'District', 'region', d.id);
  }

  @FieldResolver(() => [Region], { description: 'Every region above the district, nearest first (主城新区, 主城都市区, 一区两群).' })
  regions(@Root() d: DistrictRow, @Ctx() ctx: Context): Promise<RegionRow[]> {
    return ctx.loaders.regionsAbove.load(d.id);
  }

  @FieldResolver(() => TaskConnection, { description: 'Tasks that name a region the district lies in, not the district itself.' })
  async regionTasks(@Root() d: DistrictRow, @Args() args: TaskPageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<TaskConnection> {
    const read = readArgs(args, ctx, selectedPaths(info));
    return toTaskConnection(await ctx.loaders.placeTasks('region', read).load(d.id), read);
  }

  @FieldResolver(() => [Task], { description: 'Its functional positioning entries (专栏3-5), of every plan or of one.' })
  async positioning(@Root() d: DistrictRow, @Args() { planId }: PlanScopeArgs, @Ctx() ctx: Context): Promise<TaskRow[]> {
    return (await ctx.loaders.positioning(planId ?? null).load(d.id)).map((l) => l.node).filter(isTask);
  }

  @FieldResolver(() => [Project], { description: 'Projects that lie (partly) in the district, of every plan or of one.' })
  async projects(@Root() d: DistrictRow, @Args() { planId }: PlanScopeArgs, @Ctx() ctx: Context): Promise<ProjectRow[]> {
    return (await ctx.loaders.linksTo('LOCATED_IN', null, planId ?? null).load(d.id)).map((l) => l.node).filter(isProject);
  }

  @FieldResolver(() => [PilotZone], { description: 'Pilot zones the district is a member of, of every plan or of one.' })
  async pilotZones(@Root() d: DistrictRow, @Args() { planId }: PlanScopeArgs, @Ctx() ctx: Context): Promise<PilotZoneRow[]> {
    return (await ctx.loaders.linksTo('HAS_MEMBER', null, planId ?? null).load(d.id)).map((l) => l.node).filter(isPilotZone);
  }

  @FieldResolver(() => [Zone], { description: 'Functional zones that overlap the district (curated from the gazetteer).' })
  async zones(@Root() d: DistrictRow, @Ctx() ctx: Context): Promise<ZoneRow[]> {
    return (await ctx.loaders.linksTo('OVERLAPS').load(d.id)).map((l) => l.node).filter(isZone);
  }

  @FieldResolver(() => Scorecard, { description: 'Its tasks by latest reported status as of a period (default: this quarter), and the stale ones.' })
  async scorecard(
    @Root() d: DistrictRow,
    @Arg('asOf', () => String, { nullable: true, description: '2025-Q3, 2025-H1 or 2025' }) asOf: string | null,
    @Arg('planId', () => String, { nullable: true }) planId: string | null,
    @Ctx() ctx: Context,
  ): Promise<Scorecard> {
    const period = asOf ?? currentQuarter();
    if (!quarters(period)) throw badInput('asOf must look like 2025-Q3, 2025-H1 or 2025', 'asOf');
    return buildScorecard(await scorecardRows(ctx.client, d.id, planId ?? null), period);
  }

  @FieldResolver(() => Body, { description: 'The district’s government, a body that delivers the tasks naming the district.' })
  async government(@Root() d: DistrictRow, @Ctx() ctx: Context): Promise<BodyRow> {
    return present(await ctx.loaders.nodeOf('Body', governmentIdOf(d)), 'District', 'government', d.id);
  }

  @FieldResolver(() => [SharedDistrict], {
    description: 'Districts that share tasks with this one, with the number of shared tasks, most first.',
    ...deprecatedFor('sharingDistrictsConnection', CROSS_REFERENCE_LIST),
  })
  async sharingDistricts(@Root() d: DistrictRow, @Args() args: SharingListArgs, @Ctx() ctx: Context): Promise<SharedDistrict[]> {
    const { rows } = await sharingDistricts(ctx.client, { id: d.id }, args.planId ?? null, args.first);
    return rows.map((r) => ({ district: r.district, sharedTasks: r.shared }));
  }

  @FieldResolver(() => SharedDistrictConnection, { description: 'Districts that share tasks with this one, with the number of shared tasks, most first (ties by code), paged.' })
  sharingDistrictsConnection(@Root() d: DistrictRow, @Args() args: SharingPageArgs, @Ctx() ctx: Context): Promise<SharedDistrictConnection> {
    return sharingConnection({ id: d.id }, args, ctx, 'id');
  }
}
