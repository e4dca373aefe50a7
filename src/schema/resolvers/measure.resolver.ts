import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { NodeRow } from '../../graph/read/rows';
import type { Context } from '../context';
import { projectionOf } from '../loaders';
import { Chapter } from '../types/chapter.type';
import { Measure } from '../types/measure.type';
import { Section } from '../types/section.type';
import { SourceSpan, sourceOf } from '../types/source-span.type';
import { Target } from '../types/target.type';
import { Task } from '../types/task.type';

@Resolver(() => Measure)
export class MeasureResolver {
  @FieldResolver(() => [Task], { description: 'Its sentences that ask for something (none in background chapters).' })
  tasks(@Root() m: NodeRow, @Ctx() ctx: Context): Promise<NodeRow[]> {
    return ctx.loaders.children('Task', projectionOf(m)).load(m.id);
  }

  @FieldResolver(() => Chapter, { nullable: true })
  async chapter(@Root() m: NodeRow, @Ctx() ctx: Context): Promise<NodeRow | null> {
    return m.chapterId ? ctx.loaders.node.load(m.chapterId as string) : null;
  }

  @FieldResolver(() => Section, { nullable: true })
  async section(@Root() m: NodeRow, @Ctx() ctx: Context): Promise<NodeRow | null> {
    return m.sectionId ? ctx.loaders.node.load(m.sectionId as string) : null;
  }

  @FieldResolver(() => [Target], { description: 'Targets stated in the measure itself (goals of non-directive chapters).' })
  async targets(@Root() m: NodeRow, @Ctx() ctx: Context): Promise<NodeRow[]> {
    return (await ctx.loaders.linksTo('STATED_IN').load(m.id)).map((l) => l.node).filter((n) => n.nodeType === 'Target');
  }

  @FieldResolver(() => SourceSpan)
  source(@Root() m: NodeRow): SourceSpan {
    return sourceOf(m);
  }
}
