import DataLoader from 'dataloader';
import type { GraphClient } from '../graph/graph-client';
import { batchRows, childrenOf, MEASURES_OF_CHAPTERS, planMembers, type ChildLabel } from '../graph/read/children';
import { batchLinks, linksOf, linksTo, type LinkType } from '../graph/read/links';
import { nodesById } from '../graph/read/nodes';
import { batchPlaces, DISTRICTS_OF_REGIONS, PARENT_REGION, REGIONS_ABOVE, SUBREGIONS } from '../graph/read/places';
import type { LinkedRow, NodeRow } from '../graph/read/rows';
import { REGION_TASKS_OF_PLACES, TASKS_OF_PLACES, taskPages, type TaskPage, type TaskPageArgs } from '../graph/read/task-pages';
import { OBSERVATIONS_OF_INDICATORS, recordsOf, REPORTS_OF_TASKS } from '../graph/read/monitoring';
import { bodiesOfTasks, tasksOfBodies } from '../graph/read/responsibilities';

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

  children(label: ChildLabel): DataLoader<string, NodeRow[]> {
    return this.loader(`children:${label}`, (ids) => batchRows(this.client, childrenOf(label), ids));
  }

  planMembers(label: ChildLabel | 'Target'): DataLoader<string, NodeRow[]> {
    return this.loader(`plan:${label}`, (ids) => batchRows(this.client, planMembers(label), ids));
  }

  get chapterMeasures(): DataLoader<string, NodeRow[]> {
    return this.loader('chapterMeasures', (ids) => batchRows(this.client, MEASURES_OF_CHAPTERS, ids));
  }

  linksOf(type: LinkType, basis: string | null = null): DataLoader<string, LinkedRow[]> {
    return this.loader(`out:${type}:${basis}`, (ids) => batchLinks(this.client, linksOf(type), ids, basis));
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

  /** Pages of tasks of places; one loader per distinct set of page arguments. */
  placeTasks(which: 'own' | 'region', args: TaskPageArgs): DataLoader<string, TaskPage> {
    const cypher = which === 'own' ? TASKS_OF_PLACES : REGION_TASKS_OF_PLACES;
    return this.loader(`tasks:${which}:${JSON.stringify(args)}`, (ids) => taskPages(this.client, cypher, ids, args));
  }
}
