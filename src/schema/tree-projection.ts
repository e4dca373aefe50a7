import type { TreeProjection } from '../graph/read/plan-tree';

/**
 * Which stored properties a plan-tree read needs: the scalar fields the operation selects at each
 * level, plus the keys the resolvers themselves read (ids, types, parents, provenance for
 * `source`). Unknown names cost nothing: a missing property reads as null.
 */
const BASE = ['id', 'nodeType', 'planId'];
const SOURCE = ['sourcePath', 'sourceStart', 'sourceEnd', 'sourceLine', 'sourceEndLine', 'quote', 'text'];
const RESOLVED = new Set(['source', 'places', 'placeLinks', 'bodies', 'bodyLinks', 'targets', 'reports', 'latestReports', 'measure', 'box', 'chapter', 'section', 'sections', 'measures', 'tasks', 'boxes', 'plan', '__typename']);

function level(paths: Set<string>, prefix: string, parents: string[]): string[] {
  const keys = new Set([...BASE, ...parents]);
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
    chapter: level(paths, '', ['sourceStart']),
    section: level(paths, 'sections.', ['chapterId', 'sourceStart']),
    measure: level(paths, 'sections.measures.', ['chapterId', 'sectionId', 'sourceStart']),
    task: level(paths, 'sections.measures.tasks.', ['measureId', 'boxId', 'chapterId', 'sectionId', 'sourceStart', 'retired']),
    place: level(paths, 'sections.measures.tasks.places.', ['kind', 'code', 'shortName', 'name']),
  };
}

export const projectionKey = (p: TreeProjection): string => JSON.stringify(p);
