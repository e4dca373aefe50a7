import DataLoader from 'dataloader';
import { RowDecodeError } from '../graph/decode';
import type { GraphClient } from '../graph/graph-client';
import { runBatch, type BatchRead } from '../graph/read/batch';
import { childBatch, childrenOf, MEASURES_OF_CHAPTERS, planMembers, type ChildLabel, type ChildRowOf } from '../graph/read/children';
import { incomingLinks, linkBatch, linkedNodeBatch, linksOf, linksTo, type EvidenceLinkType, type StructuralLinkType } from '../graph/read/links';
import { NODES_BATCH } from '../graph/read/nodes';
import { districtBatch, regionBatch, DISTRICTS_OF_REGIONS, PARENT_REGION, REGIONS_ABOVE, SUBREGIONS } from '../graph/read/places';
import { TASK_CONTEXT_BATCH, type PlanTree } from '../graph/read/plan-tree';
import type { ChapterRow, DistrictRow, LinkedRow, MeasureRow, NodeRow, NodeType, ObservationRow, PartialMeasureRow, PartialTaskRow, ProgressReportRow, RecordRow, RegionRow, RowOf, TaskRow } from '../graph/read/rows';
import { ownTaskQueries, pagesBatch, REGION_TASKS_OF_PLACES, type TaskPage, type TaskPageArgs } from '../graph/read/task-pages';
import { LATEST_REPORTS_BATCH, OBSERVATIONS_BATCH, reportsOf } from '../graph/read/monitoring';
import { RECORDS_BATCH } from '../graph/read/records';
import { bodiesOfTasks, tasksOfBodies, type BodyLinkRow } from '../graph/read/responsibilities';
import type { LinkBasis, LinkRole } from '../graph/read/values';
import { andThen, type MaybePromise } from './maybe-promise';

/** A measure as its resolvers get it: a whole row, or a row of a plan tree (see planTree). */
export type MeasureRoot = MeasureRow | PartialMeasureRow;
/** A task as its resolvers get it: a whole row, or a row of a plan tree (see planTree). */
export type TaskRoot = TaskRow | PartialTaskRow;

/** What children() returns per label: tree rows where a tree may have primed the loader. */
interface ChildRoots {
  Part: ChildRowOf<'Part'>;
  Chapter: ChildRowOf<'Chapter'>;
  Section: ChildRowOf<'Section'>;
  Measure: MeasureRoot;
  Task: TaskRoot;
  Box: ChildRowOf<'Box'>;
  Indicator: ChildRowOf<'Indicator'>;
  Project: ChildRowOf<'Project'>;
  PilotZone: ChildRowOf<'PilotZone'>;
}
type ChildOf<L extends ChildLabel> = ChildRoots[L];

const isType = <T extends NodeType>(type: T, row: NodeRow): row is RowOf<T> => row.nodeType === type;

/**
 * Per-request DataLoaders: every list field of a list of parents costs one round trip per
 * level of the query, whatever the number of parents (UNWIND over the keys). Made fresh for
 * each request in the context, so that no data is cached across requests or users.
 */
export class Loaders {
  readonly node: DataLoader<string, NodeRow | null>;
  private readonly keyed = new Map<string, DataLoader<string, unknown>>();
  /** The projection each tree row was read with (primeTree), for reading its children alike. */
  private readonly projections = new WeakMap<object, string>();
  /** The batch behind each loader, for compiled reads that fill the loader ahead of its resolvers. */
  private readonly batches = new WeakMap<DataLoader<string, unknown>, BatchRead<unknown, unknown>>();
  /**
   * The values each loader has been given ahead of time (prime), per loader, so that a resolver
   * can take them at once (read) instead of through a promise per parent.
   */
  private readonly primed = new WeakMap<DataLoader<string, unknown>, Map<string, unknown>>();

  constructor(private readonly client: GraphClient) {
    this.node = this.fromBatch(NODES_BATCH);
  }

  private fromBatch<R, T>(batch: BatchRead<R, T>): DataLoader<string, T> {
    const loader = new DataLoader<string, T>((ids) => runBatch(this.client, batch, ids));
    this.batches.set(loader, batch);
    return loader;
  }

  /**
   * One loader per key. The map holds loaders of different value types; each key is built from
   * the method that creates it, so a key always comes back with the type it was created with.
   */
  private loader<R, T>(key: string, batch: () => BatchRead<R, T>): DataLoader<string, T> {
    let loader = this.keyed.get(key) as DataLoader<string, T> | undefined;
    if (!loader) {
      loader = this.fromBatch(batch());
      this.keyed.set(key, loader as DataLoader<string, unknown>);
    }
    return loader;
  }

  /** The batch a loader of this request runs (undefined for a loader made elsewhere). */
  batchOf<T>(loader: DataLoader<string, T>): BatchRead<unknown, T> | undefined {
    return this.batches.get(loader) as BatchRead<unknown, T> | undefined;
  }

  /** Gives a loader values read ahead (by a compiled read); a key it already holds keeps its value. */
  prime<T>(loader: DataLoader<string, T>, ids: readonly string[], values: readonly T[]): void {
    let known = this.primed.get(loader);
    if (!known) this.primed.set(loader, (known = new Map()));
    for (let i = 0; i < ids.length; i++) {
      if (known.has(ids[i])) continue;
      loader.prime(ids[i], values[i]);
      known.set(ids[i], values[i]);
    }
  }

  /** Whether a loader was given this key ahead of time. */
  holds<T>(loader: DataLoader<string, T>, id: string): boolean {
    return this.primed.get(loader)?.has(id) ?? false;
  }

  /**
   * A key's value: at once when it was given ahead of time (prime), else through the loader.
   * A key a loader read itself before it was primed keeps its own value in the loader, and the
   * primed one here; both were read by this request. The map of a loader holds only values of
   * its own type (prime takes them typed by the loader), hence the cast.
   */
  read<T>(loader: DataLoader<string, T>, id: string): MaybePromise<T> {
    const known = this.primed.get(loader);
    return known?.has(id) ? (known.get(id) as T) : loader.load(id);
  }

  /**
   * A node that must be of one type (a task's measure, a report's task): null when there is none,
   * and a RowDecodeError when the stored id points at a node of another type.
   */
  nodeOf<T extends NodeType>(type: T, id: string | null): MaybePromise<RowOf<T> | null> {
    if (id === null) return null;
    return andThen(this.read(this.node, id), (row) => {
      if (row === null || isType(type, row)) return row;
      throw new RowDecodeError(type, 'nodeType', `node ${id} is a ${row.nodeType}, not a ${type}`);
    });
  }

  /** The projection a tree row was read with (undefined for whole rows). */
  projectionOf(row: object): string | undefined {
    return this.projections.get(row);
  }

  /** Children of parents; `projection` names loaders primed with tree rows (primeTree). */
  children<L extends ChildLabel>(label: L, projection?: string): DataLoader<string, ChildOf<L>[]> {
    return this.loader(`children:${label}:${projection ?? ''}`, (): BatchRead<unknown, ChildOf<L>[]> => childBatch(label, childrenOf(label)));
  }

  planMembers<L extends ChildLabel | 'Target'>(label: L): DataLoader<string, ChildRowOf<L>[]> {
    return this.loader(`plan:${label}`, () => childBatch(label, planMembers(label)));
  }

  get chapterMeasures(): DataLoader<string, MeasureRow[]> {
    return this.loader('chapterMeasures', () => childBatch('Measure', MEASURES_OF_CHAPTERS));
  }

  linksOf(type: EvidenceLinkType, basis: LinkBasis | null = null): DataLoader<string, LinkedRow[]> {
    return this.loader(`out:${type}:${basis}`, () => linkBatch(linksOf(type), basis));
  }

  /**
   * The places each task names, one per link, in text order (linksOf orders them so), without
   * the links: what Task.places shows. `projection` names the loader a plan tree primes with the
   * places it read for its rows (primeTree); it reads them itself for a task the tree did not.
   */
  placesNamed(projection: string): DataLoader<string, NodeRow[]> {
    return this.loader(`placesNamed:${projection}`, () => linkedNodeBatch(linksOf('MENTIONS')));
  }

  /** Nodes linking to each id, with their links; only a plan's nodes when `planId` is given. */
  linksTo(type: EvidenceLinkType, basis: LinkBasis | null = null, planId: string | null = null): DataLoader<string, LinkedRow[]> {
    return this.loader(`in:${type}:${basis}:${JSON.stringify(planId)}`, () => linkBatch(incomingLinks(type, null, planId !== null), basis, planId));
  }

  /** The positioning entries that name each place, with their links (of one plan when given). */
  positioning(planId: string | null): DataLoader<string, LinkedRow[]> {
    return this.loader(`positioning:${JSON.stringify(planId)}`, () => linkBatch(incomingLinks('MENTIONS', 'positioning', planId !== null), null, planId));
  }

  /** The nodes a structural link leads to (STATED_IN: where an item is stated; MEASURES: the indicator). */
  nodesOf(type: StructuralLinkType): DataLoader<string, NodeRow[]> {
    return this.loader(`outNodes:${type}`, () => linkedNodeBatch(linksOf(type)));
  }

  /** The nodes whose structural link leads here (STATED_IN: what a task states; MEASURES: targets of an indicator). */
  nodesTo(type: StructuralLinkType): DataLoader<string, NodeRow[]> {
    return this.loader(`inNodes:${type}`, () => linkedNodeBatch(linksTo(type)));
  }

  get regionDistricts(): DataLoader<string, DistrictRow[]> {
    return this.loader('regionDistricts', () => districtBatch(DISTRICTS_OF_REGIONS));
  }

  get subregions(): DataLoader<string, RegionRow[]> {
    return this.loader('subregions', () => regionBatch(SUBREGIONS));
  }

  get parentRegion(): DataLoader<string, RegionRow[]> {
    return this.loader('parentRegion', () => regionBatch(PARENT_REGION));
  }

  get regionsAbove(): DataLoader<string, RegionRow[]> {
    return this.loader('regionsAbove', () => regionBatch(REGIONS_ABOVE));
  }

  /** Responsible bodies of tasks: on the task (text, derived) and on its measure (curated). */
  bodiesOfTasks(basis: LinkBasis | null): DataLoader<string, BodyLinkRow[]> {
    return this.loader(`bodies:${basis}`, () => bodiesOfTasks(basis));
  }

  /** Pages of the tasks bodies are responsible for; one loader per set of page arguments. */
  bodyTasks(args: TaskPageArgs & { role: LinkRole | null }): DataLoader<string, TaskPage> {
    return this.loader(`bodyTasks:${JSON.stringify(args)}`, () => tasksOfBodies(args));
  }

  /** Monitoring records by id, for node(id:) (events about keys excepted: see records.ts). */
  get records(): DataLoader<string, RecordRow | null> {
    return this.loader('records', () => RECORDS_BATCH);
  }

  reports(placeId: string | null): DataLoader<string, ProgressReportRow[]> {
    return this.loader(`reports:${placeId}`, () => reportsOf(placeId));
  }

  /** The current report of each task per place (monitoring.ts says which is current). */
  get latestReports(): DataLoader<string, ProgressReportRow[]> {
    return this.loader('latestReports', () => LATEST_REPORTS_BATCH);
  }

  get observations(): DataLoader<string, ObservationRow[]> {
    return this.loader('observations', () => OBSERVATIONS_BATCH);
  }

  /**
   * Primes loaders with a plan's structure read in one query (plan-tree.ts). Measure and task
   * rows hold only the properties the operation selected, so they are tagged with their
   * projection and go to loaders of that projection: only the resolvers below them read those,
   * never anyone else. Returns the chapters.
   */
  primeTree(planId: string, tree: PlanTree, projection: string): ChapterRow[] {
    const tag = <T extends object>(n: T): T => {
      this.projections.set(n, projection);
      return n;
    };
    const group = <T>(items: { parent: string; value: T }[], parents: string[]) => {
      const map = new Map<string, T[]>(parents.map((p) => [p, []]));
      for (const item of items) map.get(item.parent)?.push(item.value);
      return map;
    };
    const prime = <T>(loader: DataLoader<string, T>, map: Map<string, T>) => this.prime(loader, [...map.keys()], [...map.values()]);
    const chapters = tree.chapters.map(tag);
    this.prime(this.node, [tree.plan.id], [tree.plan]);
    prime(this.children('Chapter', projection), new Map([[planId, chapters]]));
    const sections = tree.sections.map((s) => ({ parent: s.parent, value: tag(s.node) }));
    const measures = tree.measures.map((m) => ({ parent: m.parent, value: tag(m.node) }));
    const tasks = tree.tasks.map((t) => ({ parent: t.parent, value: tag(t.node) }));
    prime(this.children('Section', projection), group(sections, chapters.map((c) => c.id)));
    prime(this.children('Measure', projection), group(measures, [planId, ...chapters.map((c) => c.id), ...sections.map((s) => s.value.id)]));
    prime(this.children('Task', projection), group(tasks, measures.map((m) => m.value.id)));
    if (tree.named) {
      const named = tree.named.map((m) => ({ parent: m.parent, value: m.place }));
      prime(this.placesNamed(projection), group(named, tasks.map((t) => t.value.id)));
    }
    return chapters;
  }

  /** The measure, section and chapter of tasks, batched across every page of the operation. */
  get taskContext(): DataLoader<string, NodeRow[]> {
    return this.loader('taskContext', () => TASK_CONTEXT_BATCH);
  }

  /** Nodes read by another query, so that node(id) lookups of them cost nothing. */
  primeNodes(rows: NodeRow[]): void {
    this.prime(this.node, rows.map((n) => n.id), rows);
  }

  /** Pages of tasks of places; one loader per distinct set of page arguments. */
  placeTasks(which: 'own' | 'region', args: TaskPageArgs): DataLoader<string, TaskPage> {
    const queries = which === 'own' ? ownTaskQueries(args.planId) : REGION_TASKS_OF_PLACES;
    return this.loader(`tasks:${which}:${JSON.stringify(args)}`, () => pagesBatch(queries, args));
  }
}
