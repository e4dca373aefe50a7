import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { BodyRow, BoxRow, ChapterRow, LinkedRow, MeasureRow, NodeRow, ProgressReportRow, SectionRow, TargetRow } from '../../graph/read/rows';
import type { LinkBasis } from '../../graph/read/values';
import type { Context } from '../context';
import { andThen, type MaybePromise } from '../maybe-promise';
import type { TaskRoot } from '../loaders';
import { Body } from '../types/body.type';
import { Box } from '../types/box.type';
import { Chapter } from '../types/chapter.type';
import { LinkBasisEnum } from '../types/link.type';
import { BodyLink, PlaceLink } from '../types/linked.type';
import { Measure } from '../types/measure.type';
import { Place } from '../types/place.interface';
import { Section } from '../types/section.type';
import { SourceSpan, sourceOf } from '../types/source-span.type';
import { Target } from '../types/target.type';
import { Task } from '../types/task.type';
import { ProgressReport } from '../types/monitoring.types';
import { deprecatedFor } from '../deprecations';

const asPlaceLinks = (rows: LinkedRow[]): PlaceLink[] => rows.map((r) => ({ place: r.node, link: r.link }));
const isTarget = (n: NodeRow): n is TargetRow => n.nodeType === 'Target';

@Resolver(() => Task)
export class TaskResolver {
  @FieldResolver(() => Measure, { nullable: true, description: 'The measure the sentence belongs to (null for box entries).' })
  measure(@Root() t: TaskRoot, @Ctx() ctx: Context): MaybePromise<MeasureRow | null> {
    return ctx.loaders.nodeOf('Measure', t.measureId);
  }

  @FieldResolver(() => Box, { nullable: true, description: 'The box the entry belongs to (null for sentences).' })
  box(@Root() t: TaskRoot, @Ctx() ctx: Context): MaybePromise<BoxRow | null> {
    return ctx.loaders.nodeOf('Box', t.boxId);
  }

  @FieldResolver(() => Chapter, {
    nullable: true,
    description: 'The chapter the task is in; null for sentences of the preamble and for retired tasks whose chapter the new text no longer has.',
  })
  containingChapter(@Root() t: TaskRoot, @Ctx() ctx: Context): MaybePromise<ChapterRow | null> {
    return ctx.loaders.nodeOf('Chapter', t.chapterId);
  }

  @FieldResolver(() => Chapter, { nullable: true, ...deprecatedFor('containingChapter', 'Box.chapter and Section.chapter are never null, this one is (preamble, retired tasks), and one field name has one type across the schema.') })
  chapter(@Root() t: TaskRoot, @Ctx() ctx: Context): MaybePromise<ChapterRow | null> {
    return this.containingChapter(t, ctx);
  }

  @FieldResolver(() => Section, { nullable: true })
  section(@Root() t: TaskRoot, @Ctx() ctx: Context): MaybePromise<SectionRow | null> {
    return ctx.loaders.nodeOf('Section', t.sectionId);
  }

  @FieldResolver(() => [Place], { description: 'Places the task names (districts, zones, regions, outside places).' })
  places(@Root() t: TaskRoot, @Arg('basis', () => LinkBasisEnum, { nullable: true }) basis: LinkBasis | null, @Ctx() ctx: Context): MaybePromise<NodeRow[]> {
    // A plan tree's row (tagged with its projection) comes with its places read ahead.
    const projection = ctx.loaders.projectionOf(t);
    if ((basis ?? null) === null && projection !== undefined) return ctx.loaders.read(ctx.loaders.placesNamed(projection), t.id);
    return andThen(ctx.loaders.read(ctx.loaders.linksOf('MENTIONS', basis ?? null), t.id), (rows) => rows.map((l) => l.node));
  }

  @FieldResolver(() => [PlaceLink], { description: 'The places with the words that name them and the basis of each link.' })
  placeLinks(@Root() t: TaskRoot, @Arg('basis', () => LinkBasisEnum, { nullable: true }) basis: LinkBasis | null, @Ctx() ctx: Context): MaybePromise<PlaceLink[]> {
    return andThen(ctx.loaders.read(ctx.loaders.linksOf('MENTIONS', basis ?? null), t.id), asPlaceLinks);
  }

  @FieldResolver(() => [Body], { description: 'Bodies responsible for the task, leads first; filter by basis to tell the text from inferences.' })
  bodies(@Root() t: TaskRoot, @Arg('basis', () => LinkBasisEnum, { nullable: true }) basis: LinkBasis | null, @Ctx() ctx: Context): MaybePromise<BodyRow[]> {
    return andThen(ctx.loaders.read(ctx.loaders.bodiesOfTasks(basis ?? null), t.id), (rows) => [...new Map(rows.map((r) => [r.body.id, r.body])).values()]);
  }

  @FieldResolver(() => [BodyLink], {
    description: 'Responsible bodies with the basis of each link: text (the task names the body; quote), derived (the task names a district: its government delivers; quote and rule), curated (assigned to the measure by remit; rationale).',
  })
  bodyLinks(@Root() t: TaskRoot, @Arg('basis', () => LinkBasisEnum, { nullable: true }) basis: LinkBasis | null, @Ctx() ctx: Context): MaybePromise<BodyLink[]> {
    return ctx.loaders.read(ctx.loaders.bodiesOfTasks(basis ?? null), t.id);
  }

  @FieldResolver(() => [ProgressReport], { description: 'Progress reports on the task, newest first, corrections included.' })
  reports(@Root() t: TaskRoot, @Arg('place', () => String, { nullable: true, description: 'Only reports for this place id.' }) place: string | null, @Ctx() ctx: Context): MaybePromise<ProgressReportRow[]> {
    return ctx.loaders.read(ctx.loaders.reports(place ?? null), t.id);
  }

  @FieldResolver(() => [ProgressReport], { description: 'The current report per place (the newest period; a correction replaces what it supersedes).' })
  latestReports(@Root() t: TaskRoot, @Ctx() ctx: Context): MaybePromise<ProgressReportRow[]> {
    return ctx.loaders.read(ctx.loaders.latestReports, t.id);
  }

  @FieldResolver(() => [Target], { description: 'Quantitative commitments stated in the task.' })
  targets(@Root() t: TaskRoot, @Ctx() ctx: Context): MaybePromise<TargetRow[]> {
    return andThen(ctx.loaders.read(ctx.loaders.nodesTo('STATED_IN'), t.id), (nodes) => nodes.filter(isTarget));
  }

  @FieldResolver(() => Boolean)
  retired(@Root() t: TaskRoot): boolean {
    return t.retired;
  }

  @FieldResolver(() => SourceSpan)
  source(@Root() t: TaskRoot): SourceSpan {
    return sourceOf(t);
  }
}
