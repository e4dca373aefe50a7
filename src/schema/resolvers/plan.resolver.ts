import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { planTree } from '../../graph/read/plan-tree';
import { projectionKey, treeProjection } from '../tree-projection';
import { selectedPaths } from '../selection';
import { planText } from '../../graph/read/nodes';
import type { NodeRow } from '../../graph/read/rows';
import type { Context } from '../context';
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
  async chapters(@Root() p: NodeRow, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<NodeRow[]> {
    // Reading down to the tasks: fetch the whole tree in one query rather than one per level.
    const paths = selectedPaths(info);
    if (!paths.has('sections.measures.tasks')) return ctx.loaders.children('Chapter').load(p.id);
    const projection = treeProjection(paths);
    const tree = await planTree(ctx.client, p.id, projection, paths.has('sections.measures.tasks.places'));
    if (!tree) return [];
    // The rows hold only the selected properties: they go to loaders of their own projection,
    // which only this subtree reads (see Loaders.primeTree), never to the shared node loader.
    return ctx.loaders.primeTree(p.id, tree, projectionKey(projection));
  }

  @FieldResolver(() => [Measure], { description: 'Paragraphs before the first chapter (the preamble).' })
  preface(@Root() p: NodeRow, @Ctx() ctx: Context): Promise<NodeRow[]> {
    return ctx.loaders.children('Measure').load(p.id);
  }

  @FieldResolver(() => [Box])
  boxes(@Root() p: NodeRow, @Ctx() ctx: Context): Promise<NodeRow[]> {
    return ctx.loaders.planMembers('Box').load(p.id);
  }

  @FieldResolver(() => [Indicator])
  indicators(@Root() p: NodeRow, @Ctx() ctx: Context): Promise<NodeRow[]> {
    return ctx.loaders.planMembers('Indicator').load(p.id);
  }

  @FieldResolver(() => [Target])
  targets(@Root() p: NodeRow, @Ctx() ctx: Context): Promise<NodeRow[]> {
    return ctx.loaders.planMembers('Target').load(p.id);
  }

  @FieldResolver(() => [Project])
  projects(@Root() p: NodeRow, @Ctx() ctx: Context): Promise<NodeRow[]> {
    return ctx.loaders.planMembers('Project').load(p.id);
  }

  @FieldResolver(() => [PilotZone])
  pilotZones(@Root() p: NodeRow, @Ctx() ctx: Context): Promise<NodeRow[]> {
    return ctx.loaders.planMembers('PilotZone').load(p.id);
  }

  @FieldResolver(() => [Region], { description: 'The regions of the spatial pattern (一区两群 and its parts).' })
  async regions(@Root() p: NodeRow, @Ctx() ctx: Context): Promise<NodeRow[]> {
    // Regions belong to the plan that defines them: a plan of another jurisdiction has none of these.
    const roots = Array.isArray(p.regionRoots) ? p.regionRoots.filter((x): x is string => typeof x === 'string') : [];
    const tops = (await ctx.loaders.node.loadMany(roots)).filter((r): r is NodeRow => r !== null && !(r instanceof Error));
    const collect = async (r: NodeRow): Promise<NodeRow[]> => [r, ...(await Promise.all((await ctx.loaders.subregions.load(r.id)).map(collect))).flat()];
    return (await Promise.all(tops.map(collect))).flat();
  }

  @FieldResolver(() => String, { description: 'The whole normalised text that every source offset points into.' })
  async text(@Root() p: NodeRow, @Ctx() ctx: Context): Promise<string> {
    return (await planText(ctx.client, p.id)) ?? '';
  }
}
