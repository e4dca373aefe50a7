import type { RecordRow } from '../../graph/read/rows';
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Query, Resolver, Arg, ID, Info } from 'type-graphql';
import { compileSelection } from '../compile/compile-selection';
import { planTree } from '../../graph/read/plan-tree';
import { selectedPaths } from '../selection';
import { treeRead } from '../tree-projection';
import { badInput, notFound } from '../../errors/app-error';
import { districtChapterMatrix, sharingDistricts } from '../../graph/read/crossref';
import { listPlans } from '../../graph/read/nodes';
import { SEED_PLAN_ID } from '../../load/seed-plan';
import { districts, placeByName } from '../../graph/read/places';
import type { DistrictRow, NodeRow, PlaceRow, PlanRow } from '../../graph/read/rows';
import { search } from '../../graph/read/search';
import { highlight, matchRanges, searchTerms } from '../../graph/read/search-query';
import { sharedTasks } from '../../graph/read/task-pages';
import { DistrictArgs, DistrictsArgs, NodeArgs, PlaceArgs, PlanArgs, SharingArgs, SharingPageWithArgs } from '../args/lookup.args';
import { CROSS_REFERENCE_LIST, deprecatedFor } from '../deprecations';
import { sharingConnection } from '../sharing-connection';
import { SharedTasksArgs } from '../args/shared-tasks.args';
import { SearchArgs } from '../args/search.args';
import type { Context } from '../context';
import { decodeSearchCursor, searchCursor } from '../cursor';
import { readArgs, toTaskConnection } from '../task-connection';
import { pageWindow, toConnection } from '../connection';
import { DistrictChapterMatrix, SearchConnection, SharedDistrict, SharedDistrictConnection, TaskConnection } from '../types/connections.type';
import { District } from '../types/district.type';
import { Node } from '../types/node.interface';
import { Place } from '../types/place.interface';
import { Plan } from '../types/plan.type';

/** The text a search hit matched: a node's text, or the name of a named node. */
function searchableText(n: NodeRow): string {
  if ('text' in n) return n.text;
  return 'name' in n ? n.name : '';
}

async function resolvePlace(ctx: Context, name: string, field: string): Promise<PlaceRow> {
  const place = await placeByName(ctx.client, name);
  if (!place) throw notFound('place', name, field);
  return place;
}

@Resolver()
export class QueryResolver {
  @Query(() => Plan, { nullable: true, description: 'A plan by id; without id, the seeded plan.' })
  async plan(@Args() { id }: PlanArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<PlanRow | null> {
    // Selected down to the tasks: the plan and its whole tree in one statement (PlanResolver.chapters reads it from the loaders).
    const chapters = [...selectedPaths(info)].filter((p) => p.startsWith('chapters.')).map((p) => p.slice('chapters.'.length));
    const tree = treeRead(new Set(chapters));
    const read = tree ? await planTree(ctx.client, id ?? SEED_PLAN_ID, tree.projection, tree.withPlaces) : null;
    if (read && tree) ctx.loaders.primeTree(read.plan.id, read, tree.key);
    const plan = await ctx.loaders.node.load(id ?? SEED_PLAN_ID);
    if (plan?.nodeType === 'Plan') return plan;
    return id ? null : ((await listPlans(ctx.client))[0] ?? null);
  }

  @Query(() => [Plan])
  plans(@Ctx() ctx: Context): Promise<PlanRow[]> {
    return listPlans(ctx.client);
  }

  @Query(() => District, { nullable: true, description: 'A district or county by full name, short name (忠县, 石柱) or GB/T 2260 code.' })
  async district(@Args() { name, code }: DistrictArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<DistrictRow | null> {
    if (!name && !code) throw badInput('give name or code', 'name');
    if (name && code) {
      // Both given: they must name the same district, or the question has no answer.
      const [byName, byCode] = await Promise.all([placeByName(ctx.client, name), placeByName(ctx.client, code)]);
      if (byName?.id !== byCode?.id) throw badInput(`name "${name}" and code ${code} are not the same district`, 'code');
    }
    const place = await placeByName(ctx.client, code ?? name!, compileSelection(info, ctx));
    return place && place.nodeType === 'District' ? place : null;
  }

  @Query(() => Place, { nullable: true, description: 'Any place by name: district, county, functional zone, region (or alias such as 主城区), outside place.' })
  place(@Args() { name }: PlaceArgs, @Ctx() ctx: Context): Promise<PlaceRow | null> {
    return placeByName(ctx.client, name);
  }

  @Query(() => [District], { description: 'Districts and counties, by code; of one region when `region` is given.' })
  async districts(@Args() { region }: DistrictsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<DistrictRow[]> {
    const rows = await districts(ctx.client, region ?? null, compileSelection(info, ctx));
    if (rows === null) throw notFound('region', region!, 'region');
    return rows;
  }

  @Query(() => Node, { nullable: true, description: 'Any node by its id.' })
  async node(@Args() { id }: NodeArgs, @Ctx() ctx: Context): Promise<NodeRow | RecordRow | null> {
    return (await ctx.loaders.node.load(id)) ?? ctx.loaders.records.load(id);
  }

  @Query(() => SearchConnection, { description: 'Chinese full-text search over measures, tasks, indicators, targets and projects.' })
  async search(@Args() args: SearchArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<SearchConnection> {
    const terms = searchTerms(args.query);
    if (terms.terms.length === 0) throw badInput('query has no searchable characters', 'query');
    const window = pageWindow(args, ctx, decodeSearchCursor);
    const place = args.place ? await resolvePlace(ctx, args.place, 'place') : null;
    // Every hit is read only when the exact total is asked for; otherwise Lucene's best, one past
    // the bound, so that exactly as many hits as the bound still count as exact.
    const bound = ctx.limits.searchHitCountLimit;
    const probe = selectedPaths(info).has('totalCount') ? null : bound + 1;
    const result = await search(ctx.client, { terms, ...window, planId: args.planId ?? null, kinds: args.kinds ?? null, chapter: args.chapter ?? null, placeId: place?.id ?? null, probe });
    const connection = toConnection(result, window, result.total, (hit) => {
      const text = searchableText(hit.node);
      const ranges = matchRanges(text, terms.terms);
      return {
        cursor: searchCursor({ score: hit.score, id: hit.node.id }),
        node: { score: hit.score, text, highlight: highlight(text, ranges), matches: ranges, node: hit.node },
      };
    });
    return { ...connection, hitCount: { value: result.exact ? result.total : Math.min(result.total, bound), exact: result.exact } };
  }

  @Query(() => TaskConnection, { description: 'Tasks that name every one of the given places (e.g. 万州 and 开州).' })
  async sharedTasks(@Args() args: SharedTasksArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<TaskConnection> {
    const ids: string[] = [];
    for (const name of args.places) ids.push((await resolvePlace(ctx, name, 'places')).id);
    const read = readArgs(args, ctx, selectedPaths(info));
    return toTaskConnection(await sharedTasks(ctx.client, ids, read), read);
  }

  @Query(() => [SharedDistrict], { description: 'Districts that share tasks with a place, with counts, most first.', ...deprecatedFor('districtsSharingTasksConnection', CROSS_REFERENCE_LIST) })
  async districtsSharingTasks(@Args() args: SharingArgs, @Ctx() ctx: Context): Promise<SharedDistrict[]> {
    const { found, rows } = await sharingDistricts(ctx.client, { name: args.with }, args.planId ?? null, args.first);
    if (!found) throw notFound('place', args.with, 'with');
    return rows.map((r) => ({ district: r.district, sharedTasks: r.shared }));
  }

  @Query(() => SharedDistrictConnection, { description: 'Districts that share tasks with a place, with counts, most first (ties by code), paged.' })
  districtsSharingTasksConnection(@Args() args: SharingPageWithArgs, @Ctx() ctx: Context): Promise<SharedDistrictConnection> {
    return sharingConnection({ name: args.with }, args, ctx, 'with');
  }

  @Query(() => DistrictChapterMatrix, { description: 'Task counts per district and chapter, for heat maps (the seeded plan without planId).' })
  async districtChapterMatrix(@Arg('planId', () => ID, { nullable: true }) planId: string | null, @Ctx() ctx: Context): Promise<DistrictChapterMatrix> {
    const plan = planId ?? SEED_PLAN_ID;
    if (!plan) throw notFound('plan', planId ?? '(seeded)');
    const [cells, allDistricts, chapters] = await Promise.all([
      districtChapterMatrix(ctx.client, plan),
      districts(ctx.client, null),
      ctx.loaders.children('Chapter').load(plan),
    ]);
    const districtById = new Map((allDistricts ?? []).map((d) => [d.id, d]));
    const chapterById = new Map(chapters.map((c) => [c.id, c]));
    return {
      districts: allDistricts ?? [],
      chapters,
      cells: cells.flatMap((c) => {
        const district = districtById.get(c.districtId);
        const chapter = chapterById.get(c.chapterId);
        return district && chapter ? [{ district, chapter, taskCount: c.count }] : [];
      }),
    };
  }
}
