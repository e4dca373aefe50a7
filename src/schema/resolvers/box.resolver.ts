import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { BoxRow, ChapterRow, IndicatorRow, PilotZoneRow, ProjectRow } from '../../graph/read/rows';
import type { TaskRoot } from '../loaders';
import type { Context } from '../context';
import type { MaybePromise } from '../maybe-promise';
import { Box } from '../types/box.type';
import { Chapter } from '../types/chapter.type';
import { Indicator } from '../types/indicator.type';
import { PilotZone } from '../types/pilot-zone.type';
import { Project } from '../types/project.type';
import { SourceSpan, sourceOf } from '../types/source-span.type';
import { Task } from '../types/task.type';
import { deprecatedFor, KIND_CLASH } from '../deprecations';

@Resolver(() => Box)
export class BoxResolver {
  @FieldResolver(() => [Task], { description: 'Its entries, each a task (table rows, positioning entries, projects, pilot zones).' })
  entries(@Root() b: BoxRow, @Ctx() ctx: Context): Promise<TaskRoot[]> {
    return ctx.loaders.children('Task').load(b.id);
  }

  @FieldResolver(() => [Indicator])
  indicators(@Root() b: BoxRow, @Ctx() ctx: Context): Promise<IndicatorRow[]> {
    return ctx.loaders.children('Indicator').load(b.id);
  }

  @FieldResolver(() => [Project])
  projects(@Root() b: BoxRow, @Ctx() ctx: Context): Promise<ProjectRow[]> {
    return ctx.loaders.children('Project').load(b.id);
  }

  @FieldResolver(() => [PilotZone])
  pilotZones(@Root() b: BoxRow, @Ctx() ctx: Context): Promise<PilotZoneRow[]> {
    return ctx.loaders.children('PilotZone').load(b.id);
  }

  @FieldResolver(() => Chapter)
  chapter(@Root() b: BoxRow, @Ctx() ctx: Context): MaybePromise<ChapterRow | null> {
    return ctx.loaders.nodeOf('Chapter', b.chapterId);
  }

  @FieldResolver(() => String, deprecatedFor('boxKind', KIND_CLASH))
  kind(@Root() b: BoxRow): string {
    return b.kind;
  }

  @FieldResolver(() => SourceSpan, { description: 'The heading of the box.' })
  source(@Root() b: BoxRow): SourceSpan {
    return sourceOf(b);
  }
}
