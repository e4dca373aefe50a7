import { z } from 'zod';
import { integer, rowShape, type Decoded } from '../decode';
import type { BatchRead } from './batch';
import { int, type GraphClient } from '../graph-client';
import { byDirection, cutWindow, readingOrder, withinBounds, type ByDirection, type Direction, type KeyColumn, type KeysetWindow, type WindowRows } from './keyset';
import { inPlan } from './plan-seek';
import { LinkRow, TaskRow } from './rows';
import type { LinkBasis } from './values';

/**
 * Keyset pages of tasks in text order: (planId, sourceStart, link) is the key. A task appears once
 * in a place's list, so (planId, sourceStart) is unique there; in a body's list a task can appear
 * twice (named in the text and assigned by remit), and the link (basis/role) tells the two apart.
 * The link part is the empty string where it does not matter.
 * A page reads at most `limit + 1` tasks from the cursor in the reading direction (keyset.ts);
 * nothing is skipped or collected beyond that. totalCount is a separate, cheap count.
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
}

/** A task with the link that puts it in the list. */
const TaskLinkRow = z.object({ node: TaskRow, link: LinkRow });
export type TaskLinkRow = z.output<typeof TaskLinkRow>;

export interface TaskPage extends WindowRows<TaskLinkRow> {
  totalCount: number;
}

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
 * Pages of the tasks that name each place itself; `tasksOfPlace` is the MATCH (and WHERE) that
 * binds `t` and its link `m` to the place `p`, more conditions follow with AND.
 */
const placeTaskPages = (tasksOfPlace: string) => byDirection((direction) => `
UNWIND $ids AS id
MATCH (p:Entity {id: id})
CALL (p) {
  ${tasksOfPlace} AND ${BOUNDS} AND ${FILTERS}
  WITH t, m ORDER BY ${ORDER(direction)}
  LIMIT $limit
  RETURN collect({node: t {.*}, link: m {.*}}) AS page
}
CALL (p) {
  ${tasksOfPlace} AND ${FILTERS}
  RETURN count(t) AS total
}
RETURN id AS key, page, total`);

/** Tasks of every plan that name each place itself. */
export const TASKS_OF_PLACES = placeTaskPages(`MATCH (p)<-[m:MENTIONS]-(t:Task) WHERE true`);

/**
 * Tasks of one plan that name each place itself, read from the plan's tasks, not from the place:
 * a place named in a thousand plans has a thousand plans' links, and one plan's page should cost
 * what it costs with one plan loaded.
 */
const TASKS_OF_PLACES_IN_PLAN = placeTaskPages(`MATCH (t:Task)-[m:MENTIONS]->(p) ${inPlan('t', 'Task')}`);

/** The page queries of a place's own tasks: of every plan, or read from one plan's tasks. */
export const ownTaskQueries = (planId: string | null): ByDirection => (planId === null ? TASKS_OF_PLACES : TASKS_OF_PLACES_IN_PLAN);

/** A task that names the place itself belongs to the place's own list, not to its region list. */
const NOT_NAMING_PLACE = `NOT (t)-[:MENTIONS]->(p)`;

/** Tasks that name a region the place lies in and not the place itself, each once. */
export const REGION_TASKS_OF_PLACES = byDirection((direction) => `
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
  RETURN collect({node: t {.*}, link: m {.*}}) AS page
}
CALL (p) {
  MATCH (p)-[:WITHIN*1..4]->(:Region)<-[m:MENTIONS]-(t:Task)
  WHERE ${FILTERS} AND ${NOT_NAMING_PLACE}
  RETURN count(DISTINCT t) AS total
}
RETURN id AS key, page, total`);

/** Tasks that name every one of the given places. */
const NAMES_ALL = `all(other IN $ids[1..] WHERE EXISTS { (t)-[:MENTIONS]->(:Entity {id: other}) })`;
export const SHARED_TASKS = byDirection((direction) => `
MATCH (first:Entity {id: $ids[0]})
CALL (first) {
  MATCH (first)<-[m:MENTIONS]-(t:Task)
  WHERE ${NAMES_ALL} AND ${BOUNDS} AND ${FILTERS}
  WITH t, m ORDER BY ${ORDER(direction)}
  LIMIT $limit
  RETURN collect({node: t {.*}, link: m {.*}}) AS page
}
CALL (first) {
  MATCH (first)<-[m:MENTIONS]-(t:Task)
  WHERE ${NAMES_ALL} AND ${FILTERS}
  RETURN count(t) AS total
}
RETURN page, total`);

const keyParam = (key: TaskKey | null) => (key ? { plan: key.planId, start: int(key.sourceStart), link: key.link } : null);

/** The parameters every task page query takes: one more row than the page, the bounds, filters. */
export function pageParams(args: TaskPageArgs): Record<string, unknown> {
  return { limit: int(args.limit + 1), after: keyParam(args.after), before: keyParam(args.before), planId: args.planId, basis: args.basis };
}

const KeyedPageRow = rowShape('TaskPage', z.object({ key: z.string(), page: z.array(TaskLinkRow), total: integer }));
const SharedPageRow = rowShape('SharedTaskPage', z.object({ page: z.array(TaskLinkRow), total: integer }));

/** `nodes` of page rows: the tasks of the page. */
export const pageNodes = (row: string): string => `[e IN ${row}.page | e.node]`;

/** A page query keyed by parent id (`key`, `page`, `total` per row), cut into a page per id. */
export function pagesBatch(queries: ByDirection, args: TaskPageArgs, extra: Record<string, unknown> = {}): BatchRead<Decoded<typeof KeyedPageRow>, TaskPage> {
  return {
    name: 'taskPages',
    cypher: queries[args.direction],
    params: { ...pageParams(args), ...extra },
    columns: ['key', 'page', 'total'],
    shape: KeyedPageRow,
    nodes: pageNodes,
    assemble: (ids, rows) => {
      const byKey = new Map(rows.map((r) => [r.key, r]));
      return ids.map((id) => toPage(byKey.get(id)?.page ?? [], byKey.get(id)?.total ?? 0, args));
    },
  };
}

export async function sharedTasks(client: GraphClient, placeIds: string[], args: TaskPageArgs): Promise<TaskPage> {
  const [row] = await client.readRows(SHARED_TASKS[args.direction], { ids: placeIds, ...pageParams(args) }, SharedPageRow);
  return toPage(row?.page ?? [], row?.total ?? 0, args);
}

const toPage = (read: TaskLinkRow[], total: number, args: TaskPageArgs): TaskPage => ({ ...cutWindow(read, args), totalCount: total });
