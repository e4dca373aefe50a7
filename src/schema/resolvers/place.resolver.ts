import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { selectedPaths } from '../selection';
import type { PlaceRow } from '../../graph/read/rows';
import { TaskPageArgs } from '../args/page.args';
import type { Context } from '../context';
import { primeTaskContext, readArgs, toTaskConnection } from '../task-connection';
import { TaskConnection } from '../types/connections.type';
import { Place } from '../types/place.interface';
import { deprecatedFor, KIND_CLASH } from '../deprecations';

@Resolver(() => Place)
export class PlaceResolver {
  @FieldResolver(() => String, deprecatedFor('placeKind', KIND_CLASH))
  kind(@Root() place: PlaceRow): string {
    return place.kind;
  }

  @FieldResolver(() => TaskConnection, {
    description: 'Tasks whose text names this place itself (sentences and box entries), each once, in text order. A district’s list does not include tasks that only name its region: see District.regionTasks.',
  })
  async tasks(@Root() place: PlaceRow, @Args() args: TaskPageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<TaskConnection> {
    const read = readArgs(args, ctx, selectedPaths(info));
    const loader = ctx.loaders.placeTasks('own', read);
    const page = await loader.load(place.id);
    return toTaskConnection(await primeTaskContext(page, ctx, info, ctx.loaders.holds(loader, place.id)), read);
  }
}
