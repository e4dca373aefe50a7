import type DataLoader from 'dataloader';
import { badInput } from '../../errors/app-error';
import { LINK_BASES, type LinkBasis } from '../../graph/read/values';
import { linkRoleArgument } from '../args/link-role';
import type { ChildLabel } from '../../graph/read/children';
import type { TaskPageArgs } from '../args/page.args';
import type { Context } from '../context';
import type { Loaders } from '../loaders';
import { readArgs } from '../task-connection';

/**
 * What a compiled read needs to know of a field: which loader its resolver reads, for which key.
 * A compiled read (compile-selection.ts) fills that loader ahead of the resolver, in the same
 * statement as the field's parent, so the resolver finds its value and sends nothing.
 *
 * Contract: `loader` returns the very loader the field's resolver calls with these arguments
 * (same method, same arguments), and `key` names the parent row's property the resolver passes
 * to it. If they drift apart, the resolver reads on its own: answers stay right, and the
 * round-trip tests (tests/api/round-trips.test.ts) fail.
 */
export interface FieldRead {
  /** The parent row's property whose value is the loader's key (`id`, or e.g. `measureId`). */
  key: string;
  /**
   * The loader for these (coerced) arguments and the paths selected under the field
   * (selection.ts); throws when the arguments are bad, and the resolver then says why.
   */
  loader(loaders: Loaders, args: Record<string, unknown>, ctx: Context, selected: ReadonlySet<string>): DataLoader<string, unknown>;
  /**
   * Where the nodes the loader reads are in the field's value: the value itself ([]), `edges.node`
   * of a connection, or nowhere (null: the value wraps them, as a PlaceLink does; nothing below the
   * field is compiled).
   */
  nodesAt: readonly string[] | null;
}

const EDGES = ['edges', 'node'] as const;

// Arguments arrive coerced by graphql-js but not yet checked by class-validator: anything the
// resolver would refuse is refused here too (the field is then left to its resolver).
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
function size(v: unknown, name: string): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw badInput(`${name} must be a whole number, 0 or more`, name);
  return v;
}
/** A plan id as the resolvers take it: longer than their validation allows is refused there. */
function planArg(args: Record<string, unknown>): string | null {
  const id = text(args.planId);
  if (id !== null && id.length > 80) throw badInput('planId must be at most 80 characters', 'planId');
  return id;
}
const basisArg = (args: Record<string, unknown>): LinkBasis | null => LINK_BASES.find((b) => b === args.basis) ?? null;
const pageArgs = (a: Record<string, unknown>): TaskPageArgs => ({
  first: size(a.first, 'first'),
  after: text(a.after),
  last: size(a.last, 'last'),
  before: text(a.before),
  planId: text(a.planId),
  basis: basisArg(a),
});

const direct = (key: string, loader: FieldRead['loader']): FieldRead => ({ key, loader, nodesAt: [] });
const byId = (loader: FieldRead['loader']): FieldRead => direct('id', loader);
/** A field whose value wraps what the loader reads (links with their evidence, a summary). */
const wrapped = (loader: FieldRead['loader']): FieldRead => ({ key: 'id', loader, nodesAt: null });
/** A node the parent names by one of its properties (a task's measureId), read by the node loader. */
const nodeAt = (key: string): FieldRead => direct(key, (l) => l.node);
const children = (label: ChildLabel): FieldRead => byId((l) => l.children(label));
const ownTasks: FieldRead = { key: 'id', loader: (l, a, ctx, selected) => l.placeTasks('own', readArgs(pageArgs(a), ctx, selected)), nodesAt: EDGES };
const PLACE_TYPES = ['District', 'Zone', 'Region', 'OutsidePlace', 'Division'] as const;


/** Fields a compiled read can fill, by `Type.field`. Every other field reads through its loader. */
export const FIELD_READS: Readonly<Record<string, FieldRead>> = {
  ...Object.fromEntries(PLACE_TYPES.map((t) => [`${t}.tasks`, ownTasks])),
  'District.region': byId((l) => l.parentRegion),
  'District.regions': byId((l) => l.regionsAbove),
  'District.regionTasks': { key: 'id', loader: (l, a, ctx, selected) => l.placeTasks('region', readArgs(pageArgs(a), ctx, selected)), nodesAt: EDGES },
  'District.positioning': byId((l, a) => l.positioning(planArg(a))),
  'District.projects': byId((l, a) => l.linksTo('LOCATED_IN', null, planArg(a))),
  'District.pilotZones': byId((l, a) => l.linksTo('HAS_MEMBER', null, planArg(a))),
  'District.zones': byId((l) => l.linksTo('OVERLAPS')),
  'Region.districts': byId((l) => l.regionDistricts),
  'Region.subregions': byId((l) => l.subregions),
  'Region.parent': byId((l) => l.parentRegion),
  'Zone.districts': byId((l) => l.linksOf('OVERLAPS')),
  'Zone.containingRegion': byId((l) => l.parentRegion),
  'Zone.region': byId((l) => l.parentRegion),
  'Task.measure': nodeAt('measureId'),
  'Task.box': nodeAt('boxId'),
  'Task.containingChapter': nodeAt('chapterId'),
  'Task.chapter': nodeAt('chapterId'),
  'Task.section': nodeAt('sectionId'),
  'Task.places': byId((l, a) => l.linksOf('MENTIONS', basisArg(a))),
  'Task.placeLinks': wrapped((l, a) => l.linksOf('MENTIONS', basisArg(a))),
  'Task.bodies': byId((l, a) => l.bodiesOfTasks(basisArg(a))),
  'Task.bodyLinks': wrapped((l, a) => l.bodiesOfTasks(basisArg(a))),
  'Task.reports': byId((l, a) => l.reports(text(a.place))),
  'Task.latestReports': byId((l) => l.latestReports),
  'Task.targets': byId((l) => l.nodesTo('STATED_IN')),
  'Measure.sentences': children('Task'),
  'Measure.tasks': children('Task'),
  'Measure.containingChapter': nodeAt('chapterId'),
  'Measure.chapter': nodeAt('chapterId'),
  'Measure.section': nodeAt('sectionId'),
  'Measure.targets': byId((l) => l.nodesTo('STATED_IN')),
  'Chapter.sections': children('Section'),
  'Chapter.measures': byId((l) => l.chapterMeasures),
  'Chapter.boxes': children('Box'),
  'Chapter.plan': nodeAt('planId'),
  'Section.chapter': nodeAt('chapterId'),
  'Section.measures': children('Measure'),
  'Section.boxes': children('Box'),
  'Box.entries': children('Task'),
  'Box.indicators': children('Indicator'),
  'Box.projects': children('Project'),
  'Box.pilotZones': children('PilotZone'),
  'Box.chapter': nodeAt('chapterId'),
  'Indicator.targets': byId((l) => l.nodesTo('MEASURES')),
  'Indicator.observations': byId((l) => l.observations),
  'Indicator.progress': wrapped((l) => l.observations),
  'Indicator.task': byId((l) => l.nodesOf('STATED_IN')),
  'Target.indicator': byId((l) => l.nodesOf('MEASURES')),
  'Target.statedIn': byId((l) => l.nodesOf('STATED_IN')),
  'Project.places': byId((l) => l.linksOf('LOCATED_IN')),
  'Project.placeLinks': wrapped((l) => l.linksOf('LOCATED_IN')),
  'Project.box': nodeAt('boxId'),
  'Project.task': byId((l) => l.nodesOf('STATED_IN')),
  'PilotZone.members': byId((l) => l.linksOf('HAS_MEMBER')),
  'PilotZone.memberLinks': wrapped((l) => l.linksOf('HAS_MEMBER')),
  'PilotZone.task': byId((l) => l.nodesOf('STATED_IN')),
  'Part.plan': nodeAt('planId'),
  'Body.tasks': { key: 'id', loader: (l, a, ctx, selected) => l.bodyTasks({ ...readArgs(pageArgs(a), ctx, selected), role: linkRoleArgument(a.role) }), nodesAt: EDGES },
  'Body.measures': byId((l) => l.linksTo('RESPONSIBLE', 'curated')),
  'Body.governs': nodeAt('governs'),
  'Plan.preface': children('Measure'),
  'Plan.parts': children('Part'),
  'Plan.boxes': byId((l) => l.planMembers('Box')),
  'Plan.indicators': byId((l) => l.planMembers('Indicator')),
  'Plan.targets': byId((l) => l.planMembers('Target')),
  'Plan.projects': byId((l) => l.planMembers('Project')),
  'Plan.pilotZones': byId((l) => l.planMembers('PilotZone')),
  'ProgressReport.task': nodeAt('taskId'),
  'ProgressReport.place': nodeAt('placeId'),
  'Observation.indicator': nodeAt('indicatorId'),
  'AuditEvent.about': nodeAt('aboutId'),
};
