import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { NodeRow } from '../../graph/read/rows';
import type { Context } from '../context';
import { Box } from '../types/box.type';
import { Chapter } from '../types/chapter.type';
import { Indicator } from '../types/indicator.type';
import { PilotZone } from '../types/pilot-zone.type';
import { Project } from '../types/project.type';
import { SourceSpan, sourceOf } from '../types/source-span.type';
import { Task } from '../types/task.type';

@Resolver(() => Box)
export class BoxResolver {
  @FieldResolver(() => [Task], { description: 'Its entries, each a task (table rows, positioning entries, projects, pilot zones).' })
  entries(@Root() b: NodeRow, @Ctx() ctx: Context): Promise<NodeRow[]> {
    return ctx.loaders.children('Task').load(b.id);
  }

  @FieldResolver(() => [Indicator])
  indicators(@Root() b: NodeRow, @Ctx() ctx: Context): Promise<NodeRow[]> {
    return ctx.loaders.children('Indicator').load(b.id);
  }

  @FieldResolver(() => [Project])
  projects(@Root() b: NodeRow, @Ctx() ctx: Context): Promise<NodeRow[]> {
    return ctx.loaders.children('Project').load(b.id);
  }

  @FieldResolver(() => [PilotZone])
  pilotZones(@Root() b: NodeRow, @Ctx() ctx: Context): Promise<NodeRow[]> {
    return ctx.loaders.children('PilotZone').load(b.id);
  }

  @FieldResolver(() => Chapter)
  async chapter(@Root() b: NodeRow, @Ctx() ctx: Context): Promise<NodeRow | null> {
    return ctx.loaders.node.load(b.chapterId as string);
  }

  @FieldResolver(() => SourceSpan, { description: 'The heading of the box.' })
  source(@Root() b: NodeRow): SourceSpan {
    return sourceOf(b);
  }
}
