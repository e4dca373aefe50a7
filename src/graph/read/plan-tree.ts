import type { GraphClient } from '../graph-client';
import type { LinkedRow, NodeRow } from './rows';

/**
 * A plan's structure in one round trip: chapters, sections, measures, tasks and (when asked)
 * the places the tasks name. The resolvers prime their loaders with it, so that a whole-tree
 * operation costs one query instead of one per level.
 */
export interface PlanTree {
  chapters: NodeRow[];
  sections: { parent: string; node: NodeRow }[];
  measures: { parent: string; node: NodeRow }[];
  tasks: { parent: string; node: NodeRow }[];
  mentions: { parent: string; link: LinkedRow }[] | null;
}

/** The properties to read per level: only what the operation selects, plus what resolvers need. */
export interface TreeProjection {
  chapter: string[];
  section: string[];
  measure: string[];
  task: string[];
  place: string[];
}

/**
 * Properties travel as lists of values in the order of the projection's keys (no key repeated per
 * node), and are rebuilt into rows here: the size of the answer follows the selection, not the
 * node's full record.
 */
export const PLAN_TREE = `
MATCH (p:Plan {id: $planId})
RETURN
  COLLECT { MATCH (c:Chapter)-[:PART_OF]->(p) WITH c ORDER BY c.sourceStart RETURN [k IN $chapter | c[k]] } AS chapters,
  COLLECT { MATCH (s:Section)-[:PART_OF]->(c:Chapter)-[:PART_OF]->(p) WITH s, c ORDER BY s.sourceStart RETURN [c.id, [k IN $section | s[k]]] } AS sections,
  COLLECT { MATCH (m:Measure {planId: $planId})-[:PART_OF]->(x) WHERE x:Section OR x:Chapter OR x:Plan WITH m, x ORDER BY m.sourceStart RETURN [x.id, [k IN $measure | m[k]]] } AS measures,
  COLLECT { MATCH (t:Task {planId: $planId})-[:PART_OF]->(m:Measure) WITH t, m ORDER BY t.sourceStart RETURN [m.id, [k IN $task | t[k]]] } AS tasks,
  CASE WHEN $withPlaces THEN COLLECT {
    MATCH (t:Task {planId: $planId})-[r:MENTIONS]->(pl:Place) WITH t, r, pl ORDER BY r.start
    RETURN [t.id, [k IN $place | pl[k]], [r.basis, r.quote, r.start, r.end, r.rationale]]
  } ELSE null END AS mentions`;

type Values = unknown[];
const row = (keys: string[], values: Values): NodeRow => Object.fromEntries(keys.map((k, i) => [k, values[i]])) as NodeRow;

export async function planTree(client: GraphClient, planId: string, projection: TreeProjection, withPlaces: boolean): Promise<PlanTree | null> {
  const [r] = await client.readRows<{ chapters: Values[]; sections: [string, Values][]; measures: [string, Values][]; tasks: [string, Values][]; mentions: [string, Values, Values][] | null }>(
    PLAN_TREE,
    { planId, withPlaces, ...projection },
  );
  if (!r) return null;
  return {
    chapters: r.chapters.map((v) => row(projection.chapter, v)),
    sections: r.sections.map(([parent, v]) => ({ parent, node: row(projection.section, v) })),
    measures: r.measures.map(([parent, v]) => ({ parent, node: row(projection.measure, v) })),
    tasks: r.tasks.map(([parent, v]) => ({ parent, node: row(projection.task, v) })),
    mentions:
      r.mentions?.map(([parent, place, [basis, quote, start, end, rationale]]) => ({
        parent,
        link: { node: row(projection.place, place), link: { basis: basis as string, quote: quote as string, start: start as number, end: end as number, rationale: rationale as string } },
      })) ?? null,
  };
}

/** The measure, section and chapter of each task, for pages of tasks that show where they stand. */
export const TASK_CONTEXT = `
UNWIND $ids AS id
MATCH (t:Task {id: id})
OPTIONAL MATCH (m:Measure {id: t.measureId})
OPTIONAL MATCH (s:Section {id: t.sectionId})
OPTIONAL MATCH (c:Chapter {id: t.chapterId})
RETURN id AS key, [x IN [m, s, c] WHERE x IS NOT NULL | x {.*}] AS value`;

export async function taskContexts(client: GraphClient, taskIds: readonly string[]): Promise<NodeRow[][]> {
  const rows = await client.readRows<{ key: string; value: NodeRow[] }>(TASK_CONTEXT, { ids: taskIds });
  const map = new Map(rows.map((r) => [r.key, r.value]));
  return taskIds.map((id) => map.get(id) ?? []);
}
