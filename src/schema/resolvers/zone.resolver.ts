import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { NodeRow } from '../../graph/read/rows';
import type { Context } from '../context';
import { District } from '../types/district.type';
import { Region } from '../types/region.type';
import { Zone } from '../types/zone.type';

@Resolver(() => Zone)
export class ZoneResolver {
  @FieldResolver(() => [District], { description: 'Districts whose area the zone overlaps (curated in the gazetteer, basis gazetteer).' })
  async districts(@Root() z: NodeRow, @Ctx() ctx: Context): Promise<NodeRow[]> {
    return (await ctx.loaders.linksOf('OVERLAPS').load(z.id)).map((l) => l.node);
  }

  @FieldResolver(() => Region, { nullable: true })
  async region(@Root() z: NodeRow, @Ctx() ctx: Context): Promise<NodeRow | null> {
    return (await ctx.loaders.parentRegion.load(z.id))[0] ?? null;
  }
}
