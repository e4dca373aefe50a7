import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { RowDecodeError } from '../../graph/decode';
import type { BoxRow, IndicatorRow, LinkedRow, NodeRow, ObservationRow, PilotZoneRow, ProjectRow, TargetRow, TaskRow } from '../../graph/read/rows';
import type { Context } from '../context';
import type { MaybePromise } from '../maybe-promise';
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
import { deprecatedFor, KIND_CLASH } from '../deprecations';

const placeLinks = (rows: LinkedRow[]): PlaceLink[] => rows.map((r) => ({ place: r.node, link: r.link }));
const isTarget = (n: NodeRow): n is TargetRow => n.nodeType === 'Target';
const isIndicator = (n: NodeRow): n is IndicatorRow => n.nodeType === 'Indicator';

/** The node a box item or target was read from (STATED_IN: a task, or for goals a measure), loaded in batches. */
async function statedIn(row: { id: string }, ctx: Context): Promise<NodeRow | null> {
  return (await ctx.loaders.nodesOf('STATED_IN').load(row.id))[0] ?? null;
}

/** The entry task a box item was read from: a Task, or a RowDecodeError when the link points elsewhere. */
async function entryTask(row: { id: string }, ctx: Context): Promise<TaskRow | null> {
  const node = await statedIn(row, ctx);
  if (node === null || node.nodeType === 'Task') return node;
  throw new RowDecodeError('Task', 'nodeType', `${row.id} is stated in ${node.id}, a ${node.nodeType}`);
}

@Resolver(() => Indicator)
export class IndicatorResolver {
  @FieldResolver(() => [Target], { description: 'Targets of the indicator, in the table and in the prose (by name).' })
  async targets(@Root() i: IndicatorRow, @Ctx() ctx: Context): Promise<TargetRow[]> {
    return (await ctx.loaders.nodesTo('MEASURES').load(i.id)).filter(isTarget);
  }

  @FieldResolver(() => Task, { nullable: true, description: 'The table row as a task.' })
  task(@Root() i: IndicatorRow, @Ctx() ctx: Context): Promise<TaskRow | null> {
    return entryTask(i, ctx);
  }

  @FieldResolver(() => [Observation], { description: 'Observed values, latest year first, corrections included.' })
  observations(@Root() i: IndicatorRow, @Ctx() ctx: Context): Promise<ObservationRow[]> {
    return ctx.loaders.observations.load(i.id);
  }

  @FieldResolver(() => IndicatorProgress, { description: 'Latest value, distance travelled from baseline to target, and whether it is on track.' })
  async progress(@Root() i: IndicatorRow, @Ctx() ctx: Context): Promise<IndicatorProgress> {
    const observations = await ctx.loaders.observations.load(i.id);
    const superseded = new Set(observations.map((o) => o.supersedes).filter(Boolean));
    const latest = observations.find((o) => !superseded.has(o.id)) ?? null;
    if (!latest) return { latest: null, travelled: null, expected: null, onTrack: null, met: null };
    const p = indicatorProgress(
      { baseline: i.baseline, baselineYear: i.baselineYear, target: i.target, targetYear: i.targetYear, targetComparator: i.targetComparator },
      { year: latest.year, value: latest.value },
    );
    return { latest, ...p };
  }

  @FieldResolver(() => SourceSpan)
  source(@Root() i: IndicatorRow): SourceSpan {
    return sourceOf(i);
  }

  @FieldResolver(() => String, { nullable: true, description: '= | >= | > | <= | < | about', ...deprecatedFor('targetComparison', 'A closed set is an enum (Comparator).') })
  targetComparator(@Root() i: IndicatorRow): string {
    return i.targetComparator;
  }
}

@Resolver(() => Target)
export class TargetResolver {
  @FieldResolver(() => Indicator, { nullable: true })
  async indicator(@Root() t: TargetRow, @Ctx() ctx: Context): Promise<IndicatorRow | null> {
    return (await ctx.loaders.nodesOf('MEASURES').load(t.id)).find(isIndicator) ?? null;
  }

  @FieldResolver(() => Node, { nullable: true, description: 'The task (or, for goals, the measure) that states the target.' })
  statedIn(@Root() t: TargetRow, @Ctx() ctx: Context): Promise<NodeRow | null> {
    return statedIn(t, ctx);
  }

  @FieldResolver(() => SourceSpan)
  source(@Root() t: TargetRow): SourceSpan {
    return sourceOf(t);
  }

  @FieldResolver(() => String, { nullable: true, description: '= | >= | > | <= | < | about', ...deprecatedFor('comparison', 'A closed set is an enum (Comparator).') })
  comparator(@Root() t: TargetRow): string {
    return t.comparator;
  }

  @FieldResolver(() => Int, { nullable: true, ...deprecatedFor('statedYear', 'Observation.year is never null, and one field name has one type across the schema.') })
  year(@Root() t: TargetRow): number | null {
    return t.year;
  }

  @FieldResolver(() => String, deprecatedFor('statedUnit', 'Indicator.unit may be null, Target.unit may not, and one field name has one type across the schema.'))
  unit(@Root() t: TargetRow): string {
    return t.unit;
  }
}

@Resolver(() => Project)
export class ProjectResolver {
  @FieldResolver(() => [Place], { description: 'The districts and zones the project lies in.' })
  async places(@Root() p: ProjectRow, @Ctx() ctx: Context): Promise<NodeRow[]> {
    return (await ctx.loaders.linksOf('LOCATED_IN').load(p.id)).map((l) => l.node);
  }

  @FieldResolver(() => [PlaceLink])
  async placeLinks(@Root() p: ProjectRow, @Ctx() ctx: Context): Promise<PlaceLink[]> {
    return placeLinks(await ctx.loaders.linksOf('LOCATED_IN').load(p.id));
  }

  @FieldResolver(() => Box, { nullable: true })
  box(@Root() p: ProjectRow, @Ctx() ctx: Context): MaybePromise<BoxRow | null> {
    return ctx.loaders.nodeOf('Box', p.boxId);
  }

  @FieldResolver(() => Task, { nullable: true, description: 'The box entry the project is listed in.' })
  task(@Root() p: ProjectRow, @Ctx() ctx: Context): Promise<TaskRow | null> {
    return entryTask(p, ctx);
  }

  @FieldResolver(() => SourceSpan)
  source(@Root() p: ProjectRow): SourceSpan {
    return sourceOf(p);
  }

  @FieldResolver(() => String, deprecatedFor('projectKind', KIND_CLASH))
  kind(@Root() p: ProjectRow): string {
    return p.kind;
  }
}

@Resolver(() => PilotZone)
export class PilotZoneResolver {
  @FieldResolver(() => [Place], { description: 'Member districts and zones (綦江—万盛 counts as both).' })
  async members(@Root() z: PilotZoneRow, @Ctx() ctx: Context): Promise<NodeRow[]> {
    return (await ctx.loaders.linksOf('HAS_MEMBER').load(z.id)).map((l) => l.node);
  }

  @FieldResolver(() => [PlaceLink])
  async memberLinks(@Root() z: PilotZoneRow, @Ctx() ctx: Context): Promise<PlaceLink[]> {
    return placeLinks(await ctx.loaders.linksOf('HAS_MEMBER').load(z.id));
  }

  @FieldResolver(() => Task, { nullable: true })
  task(@Root() z: PilotZoneRow, @Ctx() ctx: Context): Promise<TaskRow | null> {
    return entryTask(z, ctx);
  }

  @FieldResolver(() => SourceSpan)
  source(@Root() z: PilotZoneRow): SourceSpan {
    return sourceOf(z);
  }
}
