import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { BoxRow, ChapterRow, MeasureRow, PlanRow, SectionRow } from '../../graph/read/rows';
import type { Context } from '../context';
import type { MaybePromise } from '../maybe-promise';
import type { MeasureRoot } from '../loaders';
import { Box } from '../types/box.type';
import { Chapter } from '../types/chapter.type';
import { Measure } from '../types/measure.type';
import { Plan } from '../types/plan.type';
import { Section } from '../types/section.type';
import { SourceSpan, sourceOf } from '../types/source-span.type';

@Resolver(() => Chapter)
export class ChapterResolver {
  @FieldResolver(() => [Section])
  sections(@Root() c: ChapterRow, @Ctx() ctx: Context): MaybePromise<SectionRow[]> {
    return ctx.loaders.read(ctx.loaders.children('Section', ctx.loaders.projectionOf(c)), c.id);
  }

  @FieldResolver(() => [Measure], { description: 'Every measure of the chapter, its sections’ included, in text order.' })
  measures(@Root() c: ChapterRow, @Ctx() ctx: Context): Promise<MeasureRow[]> {
    return ctx.loaders.chapterMeasures.load(c.id);
  }

  @FieldResolver(() => [Box], { description: 'Boxes placed directly in the chapter (not in a section).' })
  boxes(@Root() c: ChapterRow, @Ctx() ctx: Context): Promise<BoxRow[]> {
    return ctx.loaders.children('Box').load(c.id);
  }

  @FieldResolver(() => Plan)
  plan(@Root() c: ChapterRow, @Ctx() ctx: Context): MaybePromise<PlanRow | null> {
    return ctx.loaders.nodeOf('Plan', c.planId);
  }

  @FieldResolver(() => SourceSpan)
  source(@Root() c: ChapterRow): SourceSpan {
    return sourceOf(c);
  }
}

@Resolver(() => Section)
export class SectionResolver {
  @FieldResolver(() => Chapter)
  chapter(@Root() s: SectionRow, @Ctx() ctx: Context): MaybePromise<ChapterRow | null> {
    return ctx.loaders.nodeOf('Chapter', s.chapterId);
  }

  @FieldResolver(() => [Measure])
  measures(@Root() s: SectionRow, @Ctx() ctx: Context): MaybePromise<MeasureRoot[]> {
    return ctx.loaders.read(ctx.loaders.children('Measure', ctx.loaders.projectionOf(s)), s.id);
  }

  @FieldResolver(() => [Box])
  boxes(@Root() s: SectionRow, @Ctx() ctx: Context): Promise<BoxRow[]> {
    return ctx.loaders.children('Box').load(s.id);
  }

  @FieldResolver(() => SourceSpan)
  source(@Root() s: SectionRow): SourceSpan {
    return sourceOf(s);
  }
}
