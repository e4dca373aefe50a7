import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { planTree } from '../../graph/read/plan-tree';
import { treeRead } from '../tree-projection';
import { selectedPaths } from '../selection';
import { planText } from '../../graph/read/nodes';
import type { BoxRow, ChapterRow, IndicatorRow, PilotZoneRow, PlanRow, ProjectRow, RegionRow, TargetRow } from '../../graph/read/rows';
import type { Context } from '../context';
import type { MeasureRoot } from '../loaders';
import { Box } from '../types/box.type';
import { Chapter } from '../types/chapter.type';
import { Indicator } from '../types/indicator.type';
import { Measure } from '../types/measure.type';
import { PilotZone } from '../types/pilot-zone.type';
import { Plan } from '../types/plan.type';
import { Project } from '../types/project.type';
import { Region } from '../types/region.type';
import { Target } from '../types/target.type';

@Resolver(() => Plan)
export class PlanResolver {
  @FieldResolver(() => [Chapter])
  async chapters(@Root() p: PlanRow, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ChapterRow[]> {
    // Reading down to the tasks: fetch the whole tree in one query rather than one per level
    // (Query.plan may have read it already, with the plan).
    const tree = treeRead(selectedPaths(info));
    if (!tree) return ctx.loaders.children('Chapter').load(p.id);
    const primed = ctx.loaders.children('Chapter', tree.key);
    if (ctx.loaders.holds(primed, p.id)) return ctx.loaders.read(primed, p.id);
    const read = await planTree(ctx.client, p.id, tree.projection, tree.withPlaces);
    if (!read) return [];
    // The rows hold only the selected properties: they go to loaders of their own projection,
    // which only this subtree reads (see Loaders.primeTree), never to the shared node loader.
    return ctx.loaders.primeTree(p.id, read, tree.key);
  }

  @FieldResolver(() => [Measure], { description: 'Paragraphs before the first chapter (the preamble).' })
  preface(@Root() p: PlanRow, @Ctx() ctx: Context): Promise<MeasureRoot[]> {
    return ctx.loaders.children('Measure').load(p.id);
  }

  @FieldResolver(() => [Box])
  boxes(@Root() p: PlanRow, @Ctx() ctx: Context): Promise<BoxRow[]> {
    return ctx.loaders.planMembers('Box').load(p.id);
  }

  @FieldResolver(() => [Indicator])
  indicators(@Root() p: PlanRow, @Ctx() ctx: Context): Promise<IndicatorRow[]> {
    return ctx.loaders.planMembers('Indicator').load(p.id);
  }

  @FieldResolver(() => [Target])
  targets(@Root() p: PlanRow, @Ctx() ctx: Context): Promise<TargetRow[]> {
    return ctx.loaders.planMembers('Target').load(p.id);
  }

  @FieldResolver(() => [Project])
  projects(@Root() p: PlanRow, @Ctx() ctx: Context): Promise<ProjectRow[]> {
    return ctx.loaders.planMembers('Project').load(p.id);
  }

  @FieldResolver(() => [PilotZone])
  pilotZones(@Root() p: PlanRow, @Ctx() ctx: Context): Promise<PilotZoneRow[]> {
    return ctx.loaders.planMembers('PilotZone').load(p.id);
  }

  @FieldResolver(() => [Region], { description: 'The regions of the spatial pattern (一区两群 and its parts).' })
  async regions(@Root() p: PlanRow, @Ctx() ctx: Context): Promise<RegionRow[]> {
    // Regions belong to the plan that defines them: a plan of another jurisdiction has none of these.
    const tops = (await Promise.all(p.regionRoots.map((id) => ctx.loaders.nodeOf('Region', id)))).filter((r): r is RegionRow => r !== null);
    const collect = async (r: RegionRow): Promise<RegionRow[]> => [r, ...(await Promise.all((await ctx.loaders.subregions.load(r.id)).map(collect))).flat()];
    return (await Promise.all(tops.map(collect))).flat();
  }

  @FieldResolver(() => String, { description: 'The whole normalised text that every source offset points into.' })
  async text(@Root() p: PlanRow, @Ctx() ctx: Context): Promise<string> {
    return (await planText(ctx.client, p.id)) ?? '';
  }
}
