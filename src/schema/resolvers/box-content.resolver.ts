import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { LinkedRow, NodeRow } from '../../graph/read/rows';
import type { Context } from '../context';
import { Box } from '../types/box.type';
import { Indicator } from '../types/indicator.type';
import { PlaceLink } from '../types/linked.type';
import { Node } from '../types/node.interface';
import { PilotZone } from '../types/pilot-zone.type';
import { Place } from '../types/place.interface';
import { Project } from '../types/project.type';
import { SourceSpan, sourceOf } from '../types/source-span.type';
import { Target } from '../types/target.type';
import { Task } from '../types/task.type';
import { IndicatorProgress, Observation } from '../types/monitoring.types';
import { indicatorProgress } from '../../monitoring/indicator-progress';

const placeLinks = (rows: LinkedRow[]) => rows.map((r) => ({ place: r.node, link: r.link })) as unknown as PlaceLink[];

/** The entry task a box item was read from (STATED_IN), loaded in batches. */
async function statedIn(row: NodeRow, ctx: Context): Promise<NodeRow | null> {
  return (await ctx.loaders.linksOf('STATED_IN').load(row.id))[0]?.node ?? null;
}

@Resolver(() => Indicator)
export class IndicatorResolver {
  @FieldResolver(() => [Target], { description: 'Targets of the indicator, in the table and in the prose (by name).' })
  async targets(@Root() i: NodeRow, @Ctx() ctx: Context): Promise<NodeRow[]> {
    return (await ctx.loaders.linksTo('MEASURES').load(i.id)).map((l) => l.node);
  }

  @FieldResolver(() => Task, { nullable: true, description: 'The table row as a task.' })
  task(@Root() i: NodeRow, @Ctx() ctx: Context): Promise<NodeRow | null> {
    return statedIn(i, ctx);
  }

  @FieldResolver(() => [Observation], { description: 'Observed values, latest year first, corrections included.' })
  observations(@Root() i: NodeRow, @Ctx() ctx: Context): Promise<NodeRow[]> {
    return ctx.loaders.observations.load(i.id);
  }

  @FieldResolver(() => IndicatorProgress, { description: 'Latest value, distance travelled from baseline to target, and whether it is on track.' })
  async progress(@Root() i: NodeRow, @Ctx() ctx: Context): Promise<IndicatorProgress> {
    const observations = await ctx.loaders.observations.load(i.id);
    const superseded = new Set(observations.map((o) => o.supersedes).filter(Boolean));
    const latest = observations.find((o) => !superseded.has(o.id)) ?? null;
    if (!latest) return { latest: null, travelled: null, expected: null, onTrack: null, met: null };
    const p = indicatorProgress(
      { baseline: (i.baseline as number | null) ?? null, baselineYear: i.baselineYear as number, target: (i.target as number | null) ?? null, targetYear: i.targetYear as number, targetComparator: (i.targetComparator as string | null) ?? null },
      { year: latest.year as number, value: latest.value as number },
    );
    return { latest, ...p };
  }

  @FieldResolver(() => SourceSpan)
  source(@Root() i: NodeRow): SourceSpan {
    return sourceOf(i);
  }
}

@Resolver(() => Target)
export class TargetResolver {
  @FieldResolver(() => Indicator, { nullable: true })
  async indicator(@Root() t: NodeRow, @Ctx() ctx: Context): Promise<NodeRow | null> {
    return (await ctx.loaders.linksOf('MEASURES').load(t.id))[0]?.node ?? null;
  }

  @FieldResolver(() => Node, { nullable: true, description: 'The task (or, for goals, the measure) that states the target.' })
  statedIn(@Root() t: NodeRow, @Ctx() ctx: Context): Promise<NodeRow | null> {
    return statedIn(t, ctx);
  }

  @FieldResolver(() => SourceSpan)
  source(@Root() t: NodeRow): SourceSpan {
    return sourceOf(t);
  }
}

@Resolver(() => Project)
export class ProjectResolver {
  @FieldResolver(() => [Place], { description: 'The districts and zones the project lies in.' })
  async places(@Root() p: NodeRow, @Ctx() ctx: Context): Promise<NodeRow[]> {
    return (await ctx.loaders.linksOf('LOCATED_IN').load(p.id)).map((l) => l.node);
  }

  @FieldResolver(() => [PlaceLink])
  async placeLinks(@Root() p: NodeRow, @Ctx() ctx: Context): Promise<PlaceLink[]> {
    return placeLinks(await ctx.loaders.linksOf('LOCATED_IN').load(p.id));
  }

  @FieldResolver(() => Box, { nullable: true })
  box(@Root() p: NodeRow, @Ctx() ctx: Context): Promise<NodeRow | null> {
    return ctx.loaders.node.load(p.boxId as string);
  }

  @FieldResolver(() => Task, { nullable: true, description: 'The box entry the project is listed in.' })
  task(@Root() p: NodeRow, @Ctx() ctx: Context): Promise<NodeRow | null> {
    return statedIn(p, ctx);
  }

  @FieldResolver(() => SourceSpan)
  source(@Root() p: NodeRow): SourceSpan {
    return sourceOf(p);
  }
}

@Resolver(() => PilotZone)
export class PilotZoneResolver {
  @FieldResolver(() => [Place], { description: 'Member districts and zones (綦江—万盛 counts as both).' })
  async members(@Root() z: NodeRow, @Ctx() ctx: Context): Promise<NodeRow[]> {
    return (await ctx.loaders.linksOf('HAS_MEMBER').load(z.id)).map((l) => l.node);
  }

  @FieldResolver(() => [PlaceLink])
  async memberLinks(@Root() z: NodeRow, @Ctx() ctx: Context): Promise<PlaceLink[]> {
    return placeLinks(await ctx.loaders.linksOf('HAS_MEMBER').load(z.id));
  }

  @FieldResolver(() => Task, { nullable: true })
  task(@Root() z: NodeRow, @Ctx() ctx: Context): Promise<NodeRow | null> {
    return statedIn(z, ctx);
  }

  @FieldResolver(() => SourceSpan)
  source(@Root() z: NodeRow): SourceSpan {
    return sourceOf(z);
  }
}
