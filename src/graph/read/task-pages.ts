import { z } from 'zod';
import { integer, rowShape, type RowShape } from '../decode';
import type { BatchRead } from './batch';
import { int, type GraphClient } from '../graph-client';
import { cutWindow, readingOrder, withinBounds, type Direction, type KeyColumn, type KeysetWindow, type WindowRows } from './keyset';
import { planTasksLinkedTo, sparseLinksParam } from './plan-seek';
import { LinkRow, PartialTaskRow, TASK_KEYS, TaskRow } from './rows';
import type { LinkBasis } from './values';

/**
 * Keyset pages of tasks in text order: (planId, sourceStart, link) is the key. A task appears once
 * in a place's list, so (planId, sourceStart) is unique there; in a body's list a task can appear
 * twice (named in the text and assigned by remit), and the link (basis/role) tells the two apart.
 * The link part is the empty string where it does not matter.
 * A page reads at most `limit + 1` tasks from the cursor in the reading direction (keyset.ts);
 * nothing is skipped or collected beyond that. The total is a separate count of the whole list,
 * made only when asked for (`counted`).
 */

export interface TaskKey {
  planId: string;
  sourceStart: number;
  link: string;
}

/** The link part of a task's key: what tells two edges to the same task apart. */
export const linkKey = (link: { basis: string; role: string | null }): string => `${link.basis}/${link.role ?? ''}`;

/** linkKey in Cypher, for a relationship variable. */
export const linkKeyOf = (rel: string): string => `(${rel}.basis + '/' + coalesce(${rel}.role, ''))`;

export interface TaskPageArgs extends KeysetWindow<TaskKey> {
  planId: string | null;
  basis: LinkBasis | null;
  /** Whether the list's total is counted: a count reads the whole list, a page only its window. */
  counted: boolean;
  /**
   * The task properties to read besides those every resolver reads (TASK_KEYS), or null for
   * whole tasks: a page answers with what its operation selects, not with every task's record.
   */
  properties: readonly string[] | null;
  /**
   * Whether each task's link is read whole (quote, offsets, rationale: the edge's `link` is
   * selected) or only as far as it keys the page (basis and role).
   */
  linkEvidence: boolean;
}

/** A task with the link that puts it in the list; a partial task when read with a projection. */
const TaskLinkRow = z.object({ node: TaskRow, link: LinkRow });
const PartialTaskLinkRow = z.object({ node: PartialTaskRow, link: LinkRow });
export type TaskLinkRow = z.output<typeof TaskLinkRow> | z.output<typeof PartialTaskLinkRow>;

export interface TaskPage extends WindowRows<TaskLinkRow> {
  /** The number of tasks in the whole list; null when it was not counted (TaskPageArgs.counted). */
  totalCount: number | null;
}

/** What a page returns of each entry: `task`, the map of its task (taskMap); `link`, the map of its link relationship (linkMap). */
export interface PageMaps {
  task: string;
  link: (rel: string) => string;
}

/**
 * A page statement for a reading direction, with or without the count of the whole list, with
 * the maps each entry of the page is returned as. Without the count the statement has no count at
 * all: a count guarded by a parameter is still planned, and under an index hint Neo4j seeks the
 * index before it looks at the guard.
 */
export type PageQueries = (direction: Direction, counted: boolean, maps: PageMaps) => string;

/**
 * Cypher that binds `total`: the count of the tasks `t` that `list` binds (in the scope of the
 * variable `scope`) when the list is counted, else null.
 */
export const totalOf = (counted: boolean, scope: string, list: string, count = 'count(t)'): string =>
  counted ? `CALL (${scope}) {
  ${list}
  RETURN ${count} AS total
}` : 'WITH *, null AS total';

const PROPERTY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Cypher: the map of the task `t` a page returns: every property, or those every resolver reads and the ones asked. */
export function taskMap(properties: readonly string[] | null): string {
  if (properties === null) return 't {.*}';
  const keys = [...new Set([...Object.keys(TASK_KEYS), ...properties])];
  const bad = keys.find((k) => !PROPERTY.test(k));
  if (bad !== undefined) throw new Error(`${bad} is not a property name`);
  return `t {${keys.map((k) => `.${k}`).join(', ')}}`;
}

/** Cypher: the map of a link relationship `rel` a page returns: whole, or the basis and role that key the page (TaskKey.link). */
const linkMap = (evidence: boolean) => (rel: string): string => (evidence ? `${rel} {.*}` : `${rel} {.basis, .role}`);

const pageMaps = (args: TaskPageArgs): PageMaps => ({ task: taskMap(args.properties), link: linkMap(args.linkEvidence) });

/** The key of a list where a task appears once: its place in the text. */
export const TASK_KEY: readonly KeyColumn[] = [
  { expr: 't.planId', field: 'plan' },
  { expr: 't.sourceStart', field: 'start' },
];

/** The key of a list where a task may appear once per link (a body's portfolio). */
export const TASK_LINK_KEY = (rel: string): readonly KeyColumn[] => [...TASK_KEY, { expr: linkKeyOf(rel), field: 'link' }];

const BOUNDS = withinBounds(TASK_KEY);
const ORDER = (direction: Direction) => readingOrder(TASK_KEY, direction);
const FILTERS = `($planId IS NULL OR t.planId = $planId) AND ($basis IS NULL OR m.basis = $basis)`;

/**
 * Pages of the tasks that name each place itself. Each source is a MATCH (and WHERE) that binds
 * `t` and its link `m` to the place `p`, more conditions follow with AND; the sources of one
 * statement are exclusive (at most one yields tasks for a place), and each is read in list order
 * up to the page's end, so the page is their concatenation.
 */
const placeTaskPages = (...sources: string[]): PageQueries => (direction, counted, { task, link }) => `
UNWIND $ids AS id
MATCH (p:Entity {id: id})
${sources.map((source, i) => `CALL (p) {
  ${source} AND ${BOUNDS} AND ${FILTERS}
  WITH t, m ORDER BY ${ORDER(direction)}
  LIMIT $limit
  RETURN collect({node: ${task}, link: ${link('m')}}) AS page${i}
}`).join('\n')}
${totalOf(counted, 'p', `CALL (p) { ${sources.map((source) => `${source} AND ${FILTERS} RETURN t`).join(' UNION ALL ')} }`)}
RETURN id AS key, ${sources.map((_, i) => `page${i}`).join(' + ')} AS page, total`;

/** Tasks of every plan that name each place itself. */
export const TASKS_OF_PLACES = placeTaskPages(`MATCH (p)<-[m:MENTIONS]-(t:Task) WHERE true`);

/**
 * Tasks of one plan that name each place itself: from the place's links when it has few, else
 * from the plan's tasks (plan-seek.ts): a place named in a thousand plans has a thousand plans'
 * links, and one plan's page should cost what it costs with one plan loaded.
 */
const TASKS_OF_PLACES_IN_PLAN = placeTaskPages(...planTasksLinkedTo('p', 'MENTIONS', 'm'));

/** The page queries of a place's own tasks: of every plan, or of one plan. */
export const ownTaskQueries = (planId: string | null): PageQueries => (planId === null ? TASKS_OF_PLACES : TASKS_OF_PLACES_IN_PLAN);

/** A task that names the place itself belongs to the place's own list, not to its region list. */
const NOT_NAMING_PLACE = `NOT (t)-[:MENTIONS]->(p)`;

/** Tasks that name a region the place lies in and not the place itself, each once. */
export const REGION_TASKS_OF_PLACES: PageQueries = (direction, counted, { task, link }) => `
UNWIND $ids AS id
MATCH (p:Entity {id: id})
CALL (p) {
  MATCH (p)-[:WITHIN*1..4]->(:Region)<-[m:MENTIONS]-(t:Task)
  WHERE ${BOUNDS} AND ${FILTERS} AND ${NOT_NAMING_PLACE}
  // One edge per task, whatever the number of its regions' links: the first by basis and role,
  // so that every page shows the same link.
  WITH t, m ORDER BY ${linkKeyOf('m')}
  WITH t, head(collect(m)) AS m
  ORDER BY ${ORDER(direction)}
  LIMIT $limit
  RETURN collect({node: ${task}, link: ${link('m')}}) AS page
}
${totalOf(counted, 'p', `MATCH (p)-[:WITHIN*1..4]->(:Region)<-[m:MENTIONS]-(t:Task)
  WHERE ${FILTERS} AND ${NOT_NAMING_PLACE}`, 'count(DISTINCT t)')}
RETURN id AS key, page, total`;

/** Tasks that name every one of the given places. */
const NAMES_ALL = `all(other IN $ids[1..] WHERE EXISTS { (t)-[:MENTIONS]->(:Entity {id: other}) })`;
export const SHARED_TASKS: PageQueries = (direction, counted, { task, link }) => `
MATCH (first:Entity {id: $ids[0]})
CALL (first) {
  MATCH (first)<-[m:MENTIONS]-(t:Task)
  WHERE ${NAMES_ALL} AND ${BOUNDS} AND ${FILTERS}
  WITH t, m ORDER BY ${ORDER(direction)}
  LIMIT $limit
  RETURN collect({node: ${task}, link: ${link('m')}}) AS page
}
${totalOf(counted, 'first', `MATCH (first)<-[m:MENTIONS]-(t:Task)
  WHERE ${NAMES_ALL} AND ${FILTERS}`)}
RETURN page, total`;

const keyParam = (key: TaskKey | null) => (key ? { plan: key.planId, start: int(key.sourceStart), link: key.link } : null);

/** The parameters every task page query takes: one more row than the page, the bounds, filters. */
export function pageParams(args: TaskPageArgs): Record<string, unknown> {
  return { limit: int(args.limit + 1), after: keyParam(args.after), before: keyParam(args.before), planId: args.planId, basis: args.basis, ...sparseLinksParam() };
}

const pageRow = (link: typeof TaskLinkRow | typeof PartialTaskLinkRow) => z.object({ page: z.array(link), total: integer.nullable() });
const KeyedPageRow = rowShape('TaskPage', pageRow(TaskLinkRow).extend({ key: z.string() }));
const KeyedPartialPageRow = rowShape('TaskPage', pageRow(PartialTaskLinkRow).extend({ key: z.string() }));
const SharedPageRow = rowShape('SharedTaskPage', pageRow(TaskLinkRow));
const SharedPartialPageRow = rowShape('SharedTaskPage', pageRow(PartialTaskLinkRow));

/** A row of a page query keyed by parent id, decoded: whole tasks, or partial ones (TaskPageArgs.properties). */
interface KeyedPage {
  key: string;
  page: TaskLinkRow[];
  total: number | null;
}
const keyedPageShape = (args: TaskPageArgs): RowShape<KeyedPage> => (args.properties ? KeyedPartialPageRow : KeyedPageRow);

/** `nodes` of page rows: the tasks of the page. */
export const pageNodes = (row: string): string => `[e IN ${row}.page | e.node]`;

/** A page query keyed by parent id (`key`, `page`, `total` per row), cut into a page per id. */
export function pagesBatch(queries: PageQueries, args: TaskPageArgs, extra: Record<string, unknown> = {}): BatchRead<KeyedPage, TaskPage> {
  return {
    name: 'taskPages',
    cypher: queries(args.direction, args.counted, pageMaps(args)),
    params: { ...pageParams(args), ...extra },
    columns: ['key', 'page', 'total'],
    shape: keyedPageShape(args),
    nodes: pageNodes,
    assemble: (ids, rows) => {
      const byKey = new Map(rows.map((r) => [r.key, r]));
      return ids.map((id) => toPage(byKey.get(id)?.page ?? [], byKey.get(id)?.total ?? null, args));
    },
  };
}

export async function sharedTasks(client: GraphClient, placeIds: string[], args: TaskPageArgs): Promise<TaskPage> {
  const [row] = await client.readRows(SHARED_TASKS(args.direction, args.counted, pageMaps(args)), { ids: placeIds, ...pageParams(args) }, args.properties ? SharedPartialPageRow : SharedPageRow);
  return toPage(row?.page ?? [], row?.total ?? null, args);
}

/** A page and its list's total: null when not counted, 0 for a parent the statement found nothing for. */
const toPage = (read: TaskLinkRow[], total: number | null, args: TaskPageArgs): TaskPage => ({ ...cutWindow(read, args), totalCount: args.counted ? (total ?? 0) : null });
