import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { DistrictRow, NodeRow, RegionRow, ZoneRow } from '../../graph/read/rows';
import type { Context } from '../context';
import { District } from '../types/district.type';
import { Region } from '../types/region.type';
import { Zone } from '../types/zone.type';
import { deprecatedFor } from '../deprecations';

const isDistrict = (n: NodeRow): n is DistrictRow => n.nodeType === 'District';

@Resolver(() => Zone)
export class ZoneResolver {
  @FieldResolver(() => [District], { description: 'Districts whose area the zone overlaps (curated in the gazetteer, basis gazetteer).' })
  async districts(@Root() z: ZoneRow, @Ctx() ctx: Context): Promise<DistrictRow[]> {
    return (await ctx.loaders.linksOf('OVERLAPS').load(z.id)).map((l) => l.node).filter(isDistrict);
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The region of 一区两群 the zone lies in; null for a zone that spans regions (两江新区, 重庆高新区).' })
  async containingRegion(@Root() z: ZoneRow, @Ctx() ctx: Context): Promise<RegionRow | null> {
    return (await ctx.loaders.parentRegion.load(z.id))[0] ?? null;
  }

  @FieldResolver(() => Region, { nullable: true, ...deprecatedFor('containingRegion', 'District.region is never null, a zone’s may be, and one field name has one type across the schema.') })
  region(@Root() z: ZoneRow, @Ctx() ctx: Context): Promise<RegionRow | null> {
    return this.containingRegion(z, ctx);
  }
}
