import { z } from 'zod';
import { integer, rowShape, type Decoded } from '../decode';
import { listBatch, valueNode, type BatchRead } from './batch';
import { readLevels, type LevelStep, type RootRead } from './levels';
import { denseAs, inPlan, planTasksLinkedTo, sparse } from './plan-seek';
import type { GraphClient } from '../graph-client';
import { BodyRow, keyed, LinkRow } from './rows';
import type { LinkBasis, LinkRole } from './values';
import { readingOrder, withinBounds } from './keyset';
import { pagesBatch, TASK_LINK_KEY, totalOf, type PageQueries, type TaskPageArgs } from './task-pages';
import { anyOf } from './any-of';

/**
 * Who is responsible for a task: links on the task itself (basis text: the task names the body;
 * derived: the task names a district, whose government delivers it) and curated links on its
 * measure (basis curated: assigned by remit, with a rationale). Leads first.
 */
export const BODIES_OF_TASKS = `
UNWIND $ids AS id
MATCH (t:Task {id: id})
CALL (t) {
  MATCH (t)-[r:RESPONSIBLE]->(b:Body) RETURN b, r
  UNION
  MATCH (t)-[:PART_OF]->(:Measure)-[r:RESPONSIBLE]->(b:Body) RETURN b, r
}
WITH id, b, r
WHERE $basis IS NULL OR r.basis = $basis
WITH id, b, r ORDER BY CASE r.role WHEN 'lead' THEN 0 WHEN 'named' THEN 1 WHEN 'deliver' THEN 2 ELSE 3 END, b.id
RETURN id AS key, {body: b {.*}, link: r {.*}} AS value`;

/** A body with the link that makes it responsible. */
export const BodyLinkRow = z.object({ body: BodyRow, link: LinkRow });
export type BodyLinkRow = z.output<typeof BodyLinkRow>;
const KeyedBodyLinkRow = keyed('TaskBody', BodyLinkRow);

export function bodiesOfTasks(basis: LinkBasis | null): BatchRead<Decoded<typeof KeyedBodyLinkRow>, BodyLinkRow[]> {
  return listBatch('bodiesOfTasks', BODIES_OF_TASKS, KeyedBodyLinkRow, { basis }, (row) => `[${row}.value.body]`);
}

const TASKS_OF_BODY = `
CALL (b) {
  MATCH (t:Task)-[r:RESPONSIBLE]->(b) RETURN t, r
  UNION
  MATCH (t:Task)-[:PART_OF]->(:Measure)-[r:RESPONSIBLE]->(b) RETURN t, r
}
WITH b, t, r
WHERE ($planId IS NULL OR t.planId = $planId) AND ($basis IS NULL OR r.basis = $basis) AND ($role IS NULL OR r.role = $role)`;

/**
 * The same tasks of one plan: from the body's links when it has few (SPARSE_LINKS), else from
 * that plan's tasks and measures (plan-seek.ts): a body such as a commission is responsible in
 * every plan loaded, and one plan's page should cost what it costs with one plan. The branches
 * of a body are exclusive: the sparse ones yield rows only for a body with few links, the dense
 * ones only for the others.
 */
const [TASKS_FROM_LINKS, TASKS_FROM_PLAN] = planTasksLinkedTo('b', 'RESPONSIBLE', 'r');
const TASKS_OF_BODY_IN_PLAN = `
CALL (b) {
  ${TASKS_FROM_LINKS} RETURN t, r
  UNION
  WITH b WHERE ${sparse('b', 'RESPONSIBLE')}
  MATCH (t:Task)-[:PART_OF]->(m:Measure)-[r:RESPONSIBLE]->(b) WHERE m.planId = $planId RETURN t, r
  UNION
  ${TASKS_FROM_PLAN} RETURN t, r
  UNION
  ${denseAs('b', 'RESPONSIBLE', 'dense')}
  MATCH (m:Measure)-[r:RESPONSIBLE]->(dense) ${inPlan('m', 'Measure')}
  MATCH (t:Task)-[:PART_OF]->(m) RETURN t, r
}
WITH b, t, r
WHERE ($basis IS NULL OR r.basis = $basis) AND ($role IS NULL OR r.role = $role)`;

/** Pages of each body's tasks in text order, keyset (planId, sourceStart, link), with the link. */
const BODY_TASK_KEY = TASK_LINK_KEY('r');
const bodyTaskPages = (tasksOfBody: string): PageQueries => (direction, counted, { task, link }) => `
UNWIND $ids AS id
MATCH (b:Body {id: id})
CALL (b) {
  ${tasksOfBody}
    AND ${withinBounds(BODY_TASK_KEY)}
  WITH t, r ORDER BY ${readingOrder(BODY_TASK_KEY, direction)}
  LIMIT $limit
  RETURN collect({node: ${task}, link: ${link('r')}}) AS page
}
${totalOf(counted, 'b', tasksOfBody)}
RETURN id AS key, page, total`;
export const TASKS_OF_BODIES = bodyTaskPages(TASKS_OF_BODY);
const TASKS_OF_BODIES_IN_PLAN = bodyTaskPages(TASKS_OF_BODY_IN_PLAN);

export function tasksOfBodies(args: TaskPageArgs & { role: LinkRole | null }): ReturnType<typeof pagesBatch> {
  return pagesBatch(args.planId === null ? TASKS_OF_BODIES : TASKS_OF_BODIES_IN_PLAN, args, { role: args.role });
}

/** Every body with how many measures it leads and supports (curated) and tasks it is linked to. */
export const BODIES = `
MATCH (b:Body)
RETURN b {.*,
  leads: COUNT { (:Measure)-[:RESPONSIBLE {role: 'lead'}]->(b) },
  supports: COUNT { (:Measure)-[:RESPONSIBLE {role: 'support'}]->(b) }
} AS value
ORDER BY value.leads DESC, value.supports DESC, b.id`;

/** A body with how many measures it leads and supports (curated). */
export const BodyWithCountsRow = BodyRow.extend({ leads: integer, supports: integer });
export type BodyWithCountsRow = z.output<typeof BodyWithCountsRow>;
const BodiesRow = rowShape('Bodies', z.object({ value: BodyWithCountsRow }));

/** Every body; `levels` are read below them in the same statement (levels.ts). */
export async function listBodies(client: GraphClient, levels: readonly LevelStep[] = []): Promise<BodyWithCountsRow[]> {
  const root: RootRead<Decoded<typeof BodiesRow>> = { name: 'bodies', cypher: BODIES, params: {}, columns: ['value'], shape: BodiesRow, nodes: valueNode };
  return (await readLevels(client, root, levels)).map((r) => r.value);
}

/**
 * A body by id, name or full name: the id first, then the lowest id among bodies of that name.
 * Each way is an index lookup, not a scan of every body (plans of many cities bring thousands).
 */
export const BODY_BY_ID_OR_NAME = `
${anyOf('b', ['MATCH (b:Body {id: $v})', 'MATCH (b:Body {name: $v})', 'MATCH (b:Body {fullName: $v})'])}
WITH b ORDER BY CASE b.id WHEN $v THEN 0 ELSE 1 END, b.id
LIMIT 1
RETURN b {.*} AS value`;
const BodyByNameRow = rowShape('BodyByIdOrName', z.object({ value: BodyRow }));

export async function bodyByIdOrName(client: GraphClient, idOrName: string, levels: readonly LevelStep[] = []): Promise<BodyRow | null> {
  const root: RootRead<Decoded<typeof BodyByNameRow>> = { name: 'bodyByIdOrName', cypher: BODY_BY_ID_OR_NAME, params: { v: idOrName }, columns: ['value'], shape: BodyByNameRow, nodes: valueNode };
  const [row] = await readLevels(client, root, levels);
  return row?.value ?? null;
}
