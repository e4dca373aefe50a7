import DataLoader from 'dataloader';
import type { GraphClient } from '../graph/graph-client';
import { batchRows, childrenOf, MEASURES_OF_CHAPTERS, planMembers, type ChildLabel } from '../graph/read/children';
import { batchLinks, linksOf, linksTo, type LinkType } from '../graph/read/links';
import { nodesById } from '../graph/read/nodes';
import { batchPlaces, DISTRICTS_OF_REGIONS, PARENT_REGION, REGIONS_ABOVE, SUBREGIONS } from '../graph/read/places';
import { taskContexts, type PlanTree } from '../graph/read/plan-tree';
import type { LinkedRow, NodeRow } from '../graph/read/rows';
import { REGION_TASKS_OF_PLACES, TASKS_OF_PLACES, taskPages, type TaskPage, type TaskPageArgs } from '../graph/read/task-pages';
import { OBSERVATIONS_OF_INDICATORS, recordsOf, REPORTS_OF_TASKS } from '../graph/read/monitoring';
import { bodiesOfTasks, tasksOfBodies } from '../graph/read/responsibilities';

/** The key under which a partial row says which projection it was read with (see primeTree). */
export const PROJECTION = '__projection';

/** The projection a row was read with, for reading its children from the same loaders. */
export const projectionOf = (row: NodeRow): string | undefined => row[PROJECTION] as string | undefined;

/**
 * Per-request DataLoaders: every list field of a list of parents costs one round trip per
 * level of the query, whatever the number of parents (UNWIND over the keys). Made fresh for
 * each request in the context, so that no data is cached across requests or users.
 */
export class Loaders {
  readonly node: DataLoader<string, NodeRow | null>;
  private readonly keyed = new Map<string, DataLoader<string, unknown>>();

  constructor(private readonly client: GraphClient) {
    this.node = new DataLoader((ids) => nodesById(client, ids));
  }

  private loader<T>(key: string, batch: (ids: readonly string[]) => Promise<T[]>): DataLoader<string, T> {
    let loader = this.keyed.get(key) as DataLoader<string, T> | undefined;
    if (!loader) {
      loader = new DataLoader<string, T>(batch);
      this.keyed.set(key, loader as DataLoader<string, unknown>);
    }
    return loader;
  }

  /** Children of parents; `projection` names loaders primed with partial rows (primeTree). */
  children(label: ChildLabel, projection?: string): DataLoader<string, NodeRow[]> {
    return this.loader(`children:${label}:${projection ?? ''}`, (ids) => batchRows(this.client, childrenOf(label), ids));
  }

  planMembers(label: ChildLabel | 'Target'): DataLoader<string, NodeRow[]> {
    return this.loader(`plan:${label}`, (ids) => batchRows(this.client, planMembers(label), ids));
  }

  get chapterMeasures(): DataLoader<string, NodeRow[]> {
    return this.loader('chapterMeasures', (ids) => batchRows(this.client, MEASURES_OF_CHAPTERS, ids));
  }

  linksOf(type: LinkType, basis: string | null = null, projection?: string): DataLoader<string, LinkedRow[]> {
    return this.loader(`out:${type}:${basis}:${projection ?? ''}`, (ids) => batchLinks(this.client, linksOf(type), ids, basis));
  }

  linksTo(type: LinkType, basis: string | null = null): DataLoader<string, LinkedRow[]> {
    return this.loader(`in:${type}:${basis}`, (ids) => batchLinks(this.client, linksTo(type), ids, basis));
  }

  get regionDistricts(): DataLoader<string, NodeRow[]> {
    return this.loader('regionDistricts', (ids) => batchPlaces(this.client, DISTRICTS_OF_REGIONS, ids));
  }

  get subregions(): DataLoader<string, NodeRow[]> {
    return this.loader('subregions', (ids) => batchPlaces(this.client, SUBREGIONS, ids));
  }

  get parentRegion(): DataLoader<string, NodeRow[]> {
    return this.loader('parentRegion', (ids) => batchPlaces(this.client, PARENT_REGION, ids));
  }

  get regionsAbove(): DataLoader<string, NodeRow[]> {
    return this.loader('regionsAbove', (ids) => batchPlaces(this.client, REGIONS_ABOVE, ids));
  }

  /** Responsible bodies of tasks: on the task (text, derived) and on its measure (curated). */
  bodiesOfTasks(basis: string | null): DataLoader<string, LinkedRow[]> {
    return this.loader(`bodies:${basis}`, (ids) => bodiesOfTasks(this.client, ids, basis));
  }

  /** Pages of the tasks bodies are responsible for; one loader per set of page arguments. */
  bodyTasks(args: TaskPageArgs & { role: string | null }): DataLoader<string, TaskPage> {
    return this.loader(`bodyTasks:${JSON.stringify(args)}`, (ids) => tasksOfBodies(this.client, ids, args));
  }

  reports(placeId: string | null): DataLoader<string, NodeRow[]> {
    return this.loader(`reports:${placeId}`, (ids) => recordsOf(this.client, REPORTS_OF_TASKS, ids, placeId));
  }

  get observations(): DataLoader<string, NodeRow[]> {
    return this.loader('observations', (ids) => recordsOf(this.client, OBSERVATIONS_OF_INDICATORS, ids));
  }

  /**
   * Primes loaders with a plan's structure read in one query (plan-tree.ts). The rows hold only
   * the properties the operation selected, so they are tagged with their projection and go to
   * loaders of that projection: only the resolvers below them read those, never anyone else.
   * Returns the chapters.
   */
  primeTree(planId: string, tree: PlanTree, projection: string): NodeRow[] {
    const tag = (n: NodeRow) => Object.assign(n, { [PROJECTION]: projection });
    const group = <T>(items: { parent: string }[], pick: (x: never) => T, parents: string[]) => {
      const map = new Map<string, T[]>(parents.map((p) => [p, []]));
      for (const item of items) map.get(item.parent)?.push(pick(item as never));
      return map;
    };
    const prime = (loader: DataLoader<string, unknown>, map: Map<string, unknown>) => map.forEach((v, k) => loader.clear(k).prime(k, v));
    const chapters = tree.chapters.map(tag);
    const sections = tree.sections.map((s) => ({ parent: s.parent, node: tag(s.node) }));
    const measures = tree.measures.map((m) => ({ parent: m.parent, node: tag(m.node) }));
    const tasks = tree.tasks.map((t) => ({ parent: t.parent, node: tag(t.node) }));
    const node = (x: { node: NodeRow }) => x.node;
    prime(this.children('Section', projection) as DataLoader<string, unknown>, group(sections, node, chapters.map((c) => c.id)));
    prime(this.children('Measure', projection) as DataLoader<string, unknown>, group(measures, node, [planId, ...chapters.map((c) => c.id), ...sections.map((s) => s.node.id)]));
    prime(this.children('Task', projection) as DataLoader<string, unknown>, group(tasks, node, measures.map((m) => m.node.id)));
    if (tree.mentions) {
      prime(this.linksOf('MENTIONS', null, projection) as DataLoader<string, unknown>, group(tree.mentions, (x: { link: LinkedRow }) => x.link, tasks.map((t) => t.node.id)));
    }
    return chapters;
  }

  /** The measure, section and chapter of tasks, batched across every page of the operation. */
  get taskContext(): DataLoader<string, NodeRow[]> {
    return this.loader('taskContext', (ids) => taskContexts(this.client, ids));
  }

  /** Nodes read by another query, so that node(id) lookups of them cost nothing. */
  primeNodes(rows: NodeRow[]): void {
    for (const n of rows) this.node.prime(n.id, n);
  }

  /** Pages of tasks of places; one loader per distinct set of page arguments. */
  placeTasks(which: 'own' | 'region', args: TaskPageArgs): DataLoader<string, TaskPage> {
    const cypher = which === 'own' ? TASKS_OF_PLACES : REGION_TASKS_OF_PLACES;
    return this.loader(`tasks:${which}:${JSON.stringify(args)}`, (ids) => taskPages(this.client, cypher, ids, args));
  }
}
