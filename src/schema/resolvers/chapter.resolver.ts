import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { NodeRow } from '../../graph/read/rows';
import type { Context } from '../context';
import { projectionOf } from '../loaders';
import { Box } from '../types/box.type';
import { Chapter } from '../types/chapter.type';
import { Measure } from '../types/measure.type';
import { Plan } from '../types/plan.type';
import { Section } from '../types/section.type';
import { SourceSpan, sourceOf } from '../types/source-span.type';

@Resolver(() => Chapter)
export class ChapterResolver {
  @FieldResolver(() => [Section])
  sections(@Root() c: NodeRow, @Ctx() ctx: Context): Promise<NodeRow[]> {
    return ctx.loaders.children('Section', projectionOf(c)).load(c.id);
  }

  @FieldResolver(() => [Measure], { description: 'Every measure of the chapter, its sections’ included, in text order.' })
  measures(@Root() c: NodeRow, @Ctx() ctx: Context): Promise<NodeRow[]> {
    return ctx.loaders.chapterMeasures.load(c.id);
  }

  @FieldResolver(() => [Box], { description: 'Boxes placed directly in the chapter (not in a section).' })
  boxes(@Root() c: NodeRow, @Ctx() ctx: Context): Promise<NodeRow[]> {
    return ctx.loaders.children('Box').load(c.id);
  }

  @FieldResolver(() => Plan)
  async plan(@Root() c: NodeRow, @Ctx() ctx: Context): Promise<NodeRow | null> {
    return ctx.loaders.node.load(c.planId as string);
  }

  @FieldResolver(() => SourceSpan)
  source(@Root() c: NodeRow): SourceSpan {
    return sourceOf(c);
  }
}

@Resolver(() => Section)
export class SectionResolver {
  @FieldResolver(() => Chapter)
  async chapter(@Root() s: NodeRow, @Ctx() ctx: Context): Promise<NodeRow | null> {
    return ctx.loaders.node.load(s.chapterId as string);
  }

  @FieldResolver(() => [Measure])
  measures(@Root() s: NodeRow, @Ctx() ctx: Context): Promise<NodeRow[]> {
    return ctx.loaders.children('Measure', projectionOf(s)).load(s.id);
  }

  @FieldResolver(() => [Box])
  boxes(@Root() s: NodeRow, @Ctx() ctx: Context): Promise<NodeRow[]> {
    return ctx.loaders.children('Box').load(s.id);
  }

  @FieldResolver(() => SourceSpan)
  source(@Root() s: NodeRow): SourceSpan {
    return sourceOf(s);
  }
}
