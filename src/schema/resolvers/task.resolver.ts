import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { LinkedRow, NodeRow } from '../../graph/read/rows';
import type { Context } from '../context';
import { projectionOf } from '../loaders';
import { Body } from '../types/body.type';
import { Box } from '../types/box.type';
import { Chapter } from '../types/chapter.type';
import { LinkBasis } from '../types/link.type';
import { BodyLink, PlaceLink } from '../types/linked.type';
import { Measure } from '../types/measure.type';
import { Place } from '../types/place.interface';
import { Section } from '../types/section.type';
import { SourceSpan, sourceOf } from '../types/source-span.type';
import { Target } from '../types/target.type';
import { Task } from '../types/task.type';
import { ProgressReport } from '../types/monitoring.types';
import { latestPerPlace } from '../../monitoring/latest-reports';

const asPlaceLinks = (rows: LinkedRow[]) => rows.map((r) => ({ place: r.node, link: r.link })) as unknown as PlaceLink[];

@Resolver(() => Task)
export class TaskResolver {
  @FieldResolver(() => Measure, { nullable: true, description: 'The measure the sentence belongs to (null for box entries).' })
  async measure(@Root() t: NodeRow, @Ctx() ctx: Context): Promise<NodeRow | null> {
    return t.measureId ? ctx.loaders.node.load(t.measureId as string) : null;
  }

  @FieldResolver(() => Box, { nullable: true, description: 'The box the entry belongs to (null for sentences).' })
  async box(@Root() t: NodeRow, @Ctx() ctx: Context): Promise<NodeRow | null> {
    return t.boxId ? ctx.loaders.node.load(t.boxId as string) : null;
  }

  @FieldResolver(() => Chapter, { nullable: true })
  async chapter(@Root() t: NodeRow, @Ctx() ctx: Context): Promise<NodeRow | null> {
    return t.chapterId ? ctx.loaders.node.load(t.chapterId as string) : null;
  }

  @FieldResolver(() => Section, { nullable: true })
  async section(@Root() t: NodeRow, @Ctx() ctx: Context): Promise<NodeRow | null> {
    return t.sectionId ? ctx.loaders.node.load(t.sectionId as string) : null;
  }

  @FieldResolver(() => [Place], { description: 'Places the task names (districts, zones, regions, outside places).' })
  async places(@Root() t: NodeRow, @Arg('basis', () => LinkBasis, { nullable: true }) basis: LinkBasis | null, @Ctx() ctx: Context): Promise<NodeRow[]> {
    return (await ctx.loaders.linksOf('MENTIONS', basis ?? null, basis ? undefined : projectionOf(t)).load(t.id)).map((l) => l.node);
  }

  @FieldResolver(() => [PlaceLink], { description: 'The places with the words that name them and the basis of each link.' })
  async placeLinks(@Root() t: NodeRow, @Arg('basis', () => LinkBasis, { nullable: true }) basis: LinkBasis | null, @Ctx() ctx: Context): Promise<PlaceLink[]> {
    return asPlaceLinks(await ctx.loaders.linksOf('MENTIONS', basis ?? null).load(t.id));
  }

  @FieldResolver(() => [Body], { description: 'Bodies responsible for the task, leads first; filter by basis to tell the text from inferences.' })
  async bodies(@Root() t: NodeRow, @Arg('basis', () => LinkBasis, { nullable: true }) basis: LinkBasis | null, @Ctx() ctx: Context): Promise<NodeRow[]> {
    const rows = await ctx.loaders.bodiesOfTasks(basis ?? null).load(t.id);
    return [...new Map(rows.map((r) => [r.node.id, r.node])).values()];
  }

  @FieldResolver(() => [BodyLink], {
    description: 'Responsible bodies with the basis of each link: text (the task names the body; quote), derived (the task names a district: its government delivers; quote and rule), curated (assigned to the measure by remit; rationale).',
  })
  async bodyLinks(@Root() t: NodeRow, @Arg('basis', () => LinkBasis, { nullable: true }) basis: LinkBasis | null, @Ctx() ctx: Context): Promise<BodyLink[]> {
    const rows = await ctx.loaders.bodiesOfTasks(basis ?? null).load(t.id);
    return rows.map((r) => ({ body: r.node, link: r.link })) as unknown as BodyLink[];
  }

  @FieldResolver(() => [ProgressReport], { description: 'Progress reports on the task, newest first, corrections included.' })
  reports(@Root() t: NodeRow, @Arg('place', () => String, { nullable: true, description: 'Only reports for this place id.' }) place: string | null, @Ctx() ctx: Context): Promise<NodeRow[]> {
    return ctx.loaders.reports(place ?? null).load(t.id);
  }

  @FieldResolver(() => [ProgressReport], { description: 'The current report per place (the newest period; a correction replaces what it supersedes).' })
  async latestReports(@Root() t: NodeRow, @Ctx() ctx: Context): Promise<NodeRow[]> {
    return latestPerPlace(await ctx.loaders.reports(null).load(t.id));
  }

  @FieldResolver(() => [Target], { description: 'Quantitative commitments stated in the task.' })
  async targets(@Root() t: NodeRow, @Ctx() ctx: Context): Promise<NodeRow[]> {
    return (await ctx.loaders.linksTo('STATED_IN').load(t.id)).map((l) => l.node).filter((n) => n.nodeType === 'Target');
  }

  @FieldResolver(() => Boolean)
  retired(@Root() t: NodeRow): boolean {
    return t.retired === true;
  }

  @FieldResolver(() => SourceSpan)
  source(@Root() t: NodeRow): SourceSpan {
    return sourceOf(t);
  }
}
