import type { TreeProjection } from '../graph/read/plan-tree';

/**
 * Which stored properties of measures and tasks a plan-tree read needs beyond those it always
 * reads (plan-tree.ts): the scalar fields the operation selects at each level, and provenance
 * when `source` is selected. Names that are not stored properties are not read.
 */
const SOURCE = ['sourcePath', 'sourceStart', 'sourceEnd', 'sourceLine', 'sourceEndLine', 'quote', 'text'];
const RESOLVED = new Set(['source', 'places', 'placeLinks', 'bodies', 'bodyLinks', 'targets', 'reports', 'latestReports', 'measure', 'box', 'chapter', 'section', 'sections', 'measures', 'tasks', 'boxes', 'plan', '__typename']);

function level(paths: Set<string>, prefix: string): string[] {
  const keys = new Set<string>();
  for (const p of paths) {
    if (!p.startsWith(prefix)) continue;
    const rest = p.slice(prefix.length);
    if (rest.includes('.')) continue;
    if (rest === 'source') SOURCE.forEach((k) => keys.add(k));
    else if (!RESOLVED.has(rest)) keys.add(rest);
  }
  return [...keys];
}

export function treeProjection(paths: Set<string>): TreeProjection {
  return {
    measure: level(paths, 'sections.measures.'),
    task: level(paths, 'sections.measures.tasks.'),
  };
}

export const projectionKey = (p: TreeProjection): string => JSON.stringify(p);
