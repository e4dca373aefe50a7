import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { regionDistrictCounts } from '../../graph/read/crossref';
import type { DistrictRow, RegionRow } from '../../graph/read/rows';
import type { Context } from '../context';
import { DistrictTaskCount } from '../types/connections.type';
import { District } from '../types/district.type';
import { Region } from '../types/region.type';

@Resolver(() => Region)
export class RegionResolver {
  @FieldResolver(() => [District], { description: 'Its districts and counties, through sub-regions too, by code.' })
  districts(@Root() r: RegionRow, @Ctx() ctx: Context): Promise<DistrictRow[]> {
    return ctx.loaders.regionDistricts.load(r.id);
  }

  @FieldResolver(() => [Region], { description: 'Regions directly inside this one.' })
  subregions(@Root() r: RegionRow, @Ctx() ctx: Context): Promise<RegionRow[]> {
    return ctx.loaders.subregions.load(r.id);
  }

  @FieldResolver(() => Region, { nullable: true })
  async parent(@Root() r: RegionRow, @Ctx() ctx: Context): Promise<RegionRow | null> {
    return (await ctx.loaders.parentRegion.load(r.id))[0] ?? null;
  }

  @FieldResolver(() => [DistrictTaskCount], { description: 'The region’s work spread over its districts: tasks naming each, most first.' })
  async districtTaskCounts(@Root() r: RegionRow, @Arg('planId', () => String, { nullable: true }) planId: string | null, @Ctx() ctx: Context): Promise<DistrictTaskCount[]> {
    return (await regionDistrictCounts(ctx.client, r.id, planId ?? null)).map((x) => ({ district: x.district, taskCount: x.taskCount }));
  }
}
