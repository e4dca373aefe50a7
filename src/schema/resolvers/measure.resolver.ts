import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ChapterRow, NodeRow, SectionRow, TargetRow } from '../../graph/read/rows';
import type { Context } from '../context';
import type { MaybePromise } from '../maybe-promise';
import type { MeasureRoot, TaskRoot } from '../loaders';
import { Chapter } from '../types/chapter.type';
import { Measure } from '../types/measure.type';
import { Section } from '../types/section.type';
import { SourceSpan, sourceOf } from '../types/source-span.type';
import { Target } from '../types/target.type';
import { Task } from '../types/task.type';
import { deprecatedFor } from '../deprecations';

const isTarget = (n: NodeRow): n is TargetRow => n.nodeType === 'Target';

@Resolver(() => Measure)
export class MeasureResolver {
  @FieldResolver(() => [Task], { description: 'Its sentences, each a task, in text order.' })
  sentences(@Root() m: MeasureRoot, @Ctx() ctx: Context): MaybePromise<TaskRoot[]> {
    return ctx.loaders.read(ctx.loaders.children('Task', ctx.loaders.projectionOf(m)), m.id);
  }

  @FieldResolver(() => [Task], { description: 'Its sentences, each a task.', ...deprecatedFor('sentences', 'Body.tasks and Place.tasks are connections, and one field name has one type across the schema.') })
  tasks(@Root() m: MeasureRoot, @Ctx() ctx: Context): MaybePromise<TaskRoot[]> {
    return this.sentences(m, ctx);
  }

  @FieldResolver(() => Chapter, { nullable: true, description: 'The chapter the paragraph is in; null for the preamble (paragraphs before the first chapter).' })
  containingChapter(@Root() m: MeasureRoot, @Ctx() ctx: Context): MaybePromise<ChapterRow | null> {
    return ctx.loaders.nodeOf('Chapter', m.chapterId);
  }

  @FieldResolver(() => Chapter, { nullable: true, ...deprecatedFor('containingChapter', 'Box.chapter and Section.chapter are never null, this one is (preamble, retired tasks), and one field name has one type across the schema.') })
  chapter(@Root() m: MeasureRoot, @Ctx() ctx: Context): MaybePromise<ChapterRow | null> {
    return this.containingChapter(m, ctx);
  }

  @FieldResolver(() => String, { nullable: true, ...deprecatedFor('heading', 'Every other title is String!, and one field name has one type across the schema.') })
  title(@Root() m: MeasureRoot): string | null {
    // A plan-tree row holds title whenever title or heading is selected (tree-projection.ts).
    return m.title ?? null;
  }

  @FieldResolver(() => Section, { nullable: true })
  section(@Root() m: MeasureRoot, @Ctx() ctx: Context): MaybePromise<SectionRow | null> {
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
