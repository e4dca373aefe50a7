import { z } from 'zod';
import { decodePlain, rowShape, RowDecodeError, type Decoded } from '../decode';
import { oneEach, type BatchRead } from './batch';
import type { GraphClient } from '../graph-client';
import { inPlan } from './plan-seek';
import { keptPerKeys, maskOf } from './projected-shapes';
import { ChapterRow, DistrictRow, keyed, MEASURE_KEYS, NodeRow, PartialMeasureRow, PartialTaskRow, PlaceRow, PlanRow, SectionRow, TASK_KEYS } from './rows';

/**
 * A plan and its structure in one round trip: chapters, sections, measures, tasks and (when asked)
 * the places the tasks name. The resolvers prime their loaders with it, so that a whole-tree
 * operation costs one query instead of one per level.
 */
export interface PlanTree {
  plan: PlanRow;
  chapters: ChapterRow[];
  sections: { parent: string; node: SectionRow }[];
  measures: { parent: string; node: PartialMeasureRow }[];
  tasks: { parent: string; node: PartialTaskRow }[];
  /** The places each task names, one per link, in text order (when asked). */
  named: { parent: string; place: PlaceRow }[] | null;
}

/**
 * The properties to read per level: the fields the operation selects. Chapters, sections and
 * places are few and small and are always read whole; measures and tasks (whose text is most of
 * a plan) are read with the selected properties plus those of MEASURE_KEYS and TASK_KEYS.
 */
export interface TreeProjection {
  measure: string[];
  task: string[];
}

/** Every property a shape decodes, for reading whole rows as value lists. */
const keysOf = (shape: { shape: object }): string[] => Object.keys(shape.shape);

/**
 * Properties of tree rows that the tree itself states, so they are filled in here instead of
 * travelling once per row: the label, the plan, and a task's measure (its parent in the tree;
 * a task is PART_OF the measure its measureId names, src/ingest/to-graph.ts).
 */
const STATED_BY_TREE = new Set(['nodeType', 'planId', 'measureId']);

/** The keys read for each level: the fixed ones first, then the selection's (no key twice). */
function treeKeys(projection: TreeProjection) {
  const merge = (fixed: string[], selected: string[]) => [...new Set([...fixed, ...selected])].filter((k) => !STATED_BY_TREE.has(k));
  return {
    chapter: keysOf(ChapterRow),
    section: keysOf(SectionRow),
    measure: merge(Object.keys(MEASURE_KEYS), projection.measure),
    task: merge(Object.keys(TASK_KEYS), projection.task),
    place: keysOf(DistrictRow),
  };
}

/**
 * Properties travel as lists of values in the order of the level's keys (no key repeated per
 * node), and are rebuilt into rows and decoded here: the size of the answer follows the
 * selection, not the node's full record. A task's mentions travel with the task as the ids of
 * the places it names, in the order of the links (Task.places, the one field the tree serves
 * from them, reads no link); each place named in the plan travels once, in `places`. The
 * driver's decoding, the decoding here and the garbage they leave grow with the answer: carrying
 * each mention's link made it a quarter larger. Measures and tasks are read from the plan's own
 * index entries (inPlan), whatever the number of plans loaded.
 */
export const PLAN_TREE = `
MATCH (p:Plan {id: $planId})
RETURN
  p {.*, text: null} AS plan,
  COLLECT { MATCH (c:Chapter)-[:PART_OF]->(p) WITH c ORDER BY c.sourceStart RETURN [k IN $chapter | c[k]] } AS chapters,
  COLLECT { MATCH (s:Section)-[:PART_OF]->(c:Chapter)-[:PART_OF]->(p) WITH s, c ORDER BY s.sourceStart RETURN [c.id, [k IN $section | s[k]]] } AS sections,
  COLLECT { MATCH (m:Measure)-[:PART_OF]->(x) ${inPlan('m', 'Measure')} AND (x:Section OR x:Chapter OR x:Plan) WITH m, x ORDER BY m.sourceStart RETURN [x.id, [k IN $measure | m[k]]] } AS measures,
  COLLECT {
    MATCH (t:Task)-[:PART_OF]->(m:Measure) ${inPlan('t', 'Task')} WITH t, m ORDER BY t.sourceStart
    RETURN [m.id, [k IN $task | t[k]], CASE WHEN $withPlaces THEN COLLECT { MATCH (t)-[r:MENTIONS]->(pl:Place) WITH r, pl ORDER BY coalesce(r.start, pl.sourceStart, 0), pl.id RETURN pl.id } ELSE [] END]
  } AS tasks,
  CASE WHEN $withPlaces THEN COLLECT {
    MATCH (t:Task)-[:PART_OF]->(:Measure) ${inPlan('t', 'Task')} MATCH (t)-[:MENTIONS]->(pl:Place) WITH DISTINCT pl RETURN [k IN $place | pl[k]]
  } ELSE null END AS places`;

const values = z.array(z.unknown());
const PlanTreeRow = rowShape(
  'PlanTree',
  z.object({
    plan: PlanRow,
    chapters: z.array(values),
    sections: z.array(z.tuple([z.string(), values])),
    measures: z.array(z.tuple([z.string(), values])),
    tasks: z.array(z.tuple([z.string(), values, z.array(z.string())])),
    places: z.array(values).nullable(),
  }),
);

/**
 * A row of one level, from its value list and what the tree states, decoded with the level's
 * shape. The values were made plain with the whole answer (readRows), so they are not converted
 * again.
 */
const levelShape = <S extends z.ZodType>(name: string, schema: S, keys: string[]) => {
  const shape = rowShape(name, schema);
  // A loop, not fromEntries over a map of pairs: a tree has hundreds of rows, each built here.
  // Object.assign, not a spread: keys added to a spread copy made V8 build every row the slow
  // way (349 task rows: 3.6 ms against 0.14 ms, Node 20).
  return (list: unknown[], stated: Record<string, unknown> = {}) => {
    const row: Record<string, unknown> = Object.assign({}, stated);
    for (let i = 0; i < keys.length; i++) row[keys[i]] = list[i];
    return decodePlain(shape, row);
  };
};

/** Measure and task rows of a tree, decoded with the shapes of the keys read and stated (projected-shapes.ts). */
const STATED_KEYS = [...STATED_BY_TREE];
const measureShapes = keptPerKeys((keys) => PartialMeasureRow.pick(maskOf(PartialMeasureRow.shape, [...keys, ...STATED_KEYS])));
const taskShapes = keptPerKeys((keys) => PartialTaskRow.pick(maskOf(PartialTaskRow.shape, [...keys, ...STATED_KEYS])));

type TreeKeys = ReturnType<typeof treeKeys>;
const statementParams = (planId: string, keys: TreeKeys, withPlaces: boolean): Record<string, unknown> => ({ planId, withPlaces, ...keys });

/** The parameters of PLAN_TREE for a plan and a projection (for profiling it). */
export const planTreeParams = (planId: string, projection: TreeProjection, withPlaces: boolean): Record<string, unknown> =>
  statementParams(planId, treeKeys(projection), withPlaces);

export async function planTree(client: GraphClient, planId: string, projection: TreeProjection, withPlaces: boolean): Promise<PlanTree | null> {
  const keys = treeKeys(projection);
  const [r] = await client.readRows(PLAN_TREE, statementParams(planId, keys, withPlaces), PlanTreeRow);
  if (!r) return null;
  const chapter = levelShape('PlanTree.chapter', ChapterRow, keys.chapter);
  const section = levelShape('PlanTree.section', SectionRow, keys.section);
  const measure = levelShape('PlanTree.measure', measureShapes(keys.measure), keys.measure);
  const task = levelShape('PlanTree.task', taskShapes(keys.task), keys.task);
  const place = levelShape('PlanTree.place', PlaceRow, keys.place);
  const places = new Map((r.places ?? []).map((v) => place(v)).map((p) => [p.id, p]));
  const placeOf = (id: string): PlaceRow => {
    const found = places.get(id);
    if (!found) throw new RowDecodeError('PlanTree.mention', 'place', `place ${id} is not among the plan's places`);
    return found;
  };
  const tasks = r.tasks.map(([parent, v, named]) => ({ parent, node: task(v, { nodeType: 'Task', planId, measureId: parent }), named }));
  return {
    plan: r.plan,
    chapters: r.chapters.map((v) => chapter(v)),
    sections: r.sections.map(([parent, v]) => ({ parent, node: section(v) })),
    measures: r.measures.map(([parent, v]) => ({ parent, node: measure(v, { nodeType: 'Measure', planId }) })),
    tasks: tasks.map(({ parent, node }) => ({ parent, node })),
    named: withPlaces ? tasks.flatMap(({ node, named }) => named.map((placeId) => ({ parent: node.id, place: placeOf(placeId) }))) : null,
  };
}

/** The measure, section and chapter of each task, for pages of tasks that show where they stand. */
export const TASK_CONTEXT = `
UNWIND $ids AS id
MATCH (t:Task {id: id})
OPTIONAL MATCH (m:Entity:Measure {id: t.measureId})
OPTIONAL MATCH (s:Entity:Section {id: t.sectionId})
OPTIONAL MATCH (c:Entity:Chapter {id: t.chapterId})
RETURN id AS key, [x IN [m, s, c] WHERE x IS NOT NULL | x {.*}] AS value`;

const TaskContextRow = keyed('TaskContext', z.array(NodeRow));

export const TASK_CONTEXT_BATCH: BatchRead<Decoded<typeof TaskContextRow>, NodeRow[]> = {
  name: 'taskContext',
  cypher: TASK_CONTEXT,
  params: {},
  columns: ['key', 'value'],
  shape: TaskContextRow,
  nodes: (row) => `${row}.value`,
  assemble: (ids, rows) => oneEach(ids, rows).map((v) => v ?? []),
};
