import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ChapterRow, NodeRow, SectionRow, TargetRow } from '../../graph/read/rows';
import type { Context } from '../context';
import type { MeasureRoot, TaskRoot } from '../loaders';
import { Chapter } from '../types/chapter.type';
import { Measure } from '../types/measure.type';
import { Section } from '../types/section.type';
import { SourceSpan, sourceOf } from '../types/source-span.type';
import { Target } from '../types/target.type';
import { Task } from '../types/task.type';

const isTarget = (n: NodeRow): n is TargetRow => n.nodeType === 'Target';

@Resolver(() => Measure)
export class MeasureResolver {
  @FieldResolver(() => [Task], { description: 'Its sentences that ask for something (none in background chapters).' })
  tasks(@Root() m: MeasureRoot, @Ctx() ctx: Context): Promise<TaskRoot[]> {
    return ctx.loaders.children('Task', ctx.loaders.projectionOf(m)).load(m.id);
  }

  @FieldResolver(() => Chapter, { nullable: true })
  chapter(@Root() m: MeasureRoot, @Ctx() ctx: Context): Promise<ChapterRow | null> {
    return ctx.loaders.nodeOf('Chapter', m.chapterId);
  }

  @FieldResolver(() => Section, { nullable: true })
  section(@Root() m: MeasureRoot, @Ctx() ctx: Context): Promise<SectionRow | null> {
    return ctx.loaders.nodeOf('Section', m.sectionId);
  }

  @FieldResolver(() => [Target], { description: 'Targets stated in the measure itself (goals of non-directive chapters).' })
  async targets(@Root() m: MeasureRoot, @Ctx() ctx: Context): Promise<TargetRow[]> {
    return (await ctx.loaders.nodesTo('STATED_IN').load(m.id)).filter(isTarget);
  }

  @FieldResolver(() => SourceSpan)
  source(@Root() m: MeasureRoot): SourceSpan {
    return sourceOf(m);
  }
}
