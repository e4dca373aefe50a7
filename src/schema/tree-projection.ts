import type { TreeProjection } from '../graph/read/plan-tree';

/**
 * Which stored properties of measures and tasks a read with a projection (a plan tree, a page of
 * tasks) needs beyond those it always reads (rows.ts, MEASURE_KEYS and TASK_KEYS): the scalar
 * fields the operation selects at each level, and provenance when `source` is selected. Names
 * that are not stored properties are not read.
 */
const SOURCE = ['sourcePath', 'sourceStart', 'sourceEnd', 'sourceLine', 'sourceEndLine', 'quote', 'text'];
const RESOLVED = new Set([
  ...['source', 'places', 'placeLinks', 'bodies', 'bodyLinks', 'targets', 'reports', 'latestReports', 'measure', 'box', 'chapter', 'containingChapter', 'section'],
  ...['sections', 'measures', 'tasks', 'sentences', 'boxes', 'plan', '__typename'],
]);
/** Fields read by the default resolver from a stored property of another name (Measure.heading reads title). */
const STORED_AS: Record<string, string> = { heading: 'title' };
/** Measure.sentences and its deprecated twin Measure.tasks are the same level of the tree. */
const SENTENCES = 'sections.measures.sentences';
const TASKS = 'sections.measures.tasks';

/** The selected paths with the tree's levels under one name each (sentences read as tasks). */
export function treePaths(paths: Set<string>): Set<string> {
  return new Set([...paths].map((p) => (p === SENTENCES || p.startsWith(`${SENTENCES}.`) ? TASKS + p.slice(SENTENCES.length) : p)));
}

/** The stored properties the fields selected right under `prefix` (e.g. `edges.node.`) read. */
export function storedProperties(paths: ReadonlySet<string>, prefix: string): string[] {
  const keys = new Set<string>();
  for (const p of paths) {
    if (!p.startsWith(prefix)) continue;
    const rest = p.slice(prefix.length);
    if (rest.includes('.')) continue;
    if (rest === 'source') SOURCE.forEach((k) => keys.add(k));
    else if (!RESOLVED.has(rest)) keys.add(STORED_AS[rest] ?? rest);
  }
  return [...keys];
}

export function treeProjection(selected: Set<string>): TreeProjection {
  const paths = treePaths(selected);
  return {
    measure: storedProperties(paths, 'sections.measures.'),
    task: storedProperties(paths, 'sections.measures.tasks.'),
  };
}

export const projectionKey = (p: TreeProjection): string => JSON.stringify(p);

/**
 * What a plan-tree read needs for a selection under Plan.chapters (its dotted paths): the
 * projection, its loader key and whether places are read; null when the selection does not
 * reach the tasks (then the levels are read one by one).
 */
export function treeRead(chapterPaths: Set<string>): { projection: TreeProjection; key: string; withPlaces: boolean } | null {
  const paths = treePaths(chapterPaths);
  if (!paths.has('sections.measures.tasks')) return null;
  const projection = treeProjection(paths);
  return { projection, key: projectionKey(projection), withPlaces: paths.has('sections.measures.tasks.places') };
}
