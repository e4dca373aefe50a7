import { gzipSync } from 'node:zlib';
import type { ExportNode, ExportRelationship } from '../graph/read/plan-export';
import { stableJson } from '../graph/read/plan-export';
import { csvTable } from './csv';
import { TASK_SHEET_COLUMNS, TASK_SHEET_NOTES, taskSheet } from './tasks-sheet';
import { tar } from './tar';
import { zip } from './zip';

export { toJsonLd } from './jsonld';

/**
 * The export formats of a plan's graph. All are deterministic: the same graph gives the same
 * bytes (keys sorted, records ordered; archive entries dated with the plan's load time), which
 * the round-trip test relies on.
 */

export interface PlanGraphExport {
  nodes: ExportNode[];
  relationships: ExportRelationship[];
}

/** JSON Lines: one node or relationship per line, `kind` first. */
export function toJsonLines(g: PlanGraphExport): string {
  const lines = [
    ...g.nodes.map((n) => stableJson({ kind: 'node', id: n.id, labels: n.labels, properties: n.properties })),
    ...g.relationships.map((r) => stableJson({ kind: 'relationship', type: r.type, from: r.from, to: r.to, properties: r.properties })),
  ];
  return lines.join('\n') + '\n';
}

export const toJsonLinesGzip = (g: PlanGraphExport): Buffer => gzipSync(Buffer.from(toJsonLines(g), 'utf8'), { level: 9 });

/** The type a node is filed under: its most specific label. */
function nodeType(n: ExportNode): string {
  return (n.properties.nodeType as string | undefined) ?? n.labels.find((l) => l !== 'Entity' && l !== 'Place') ?? n.labels[0];
}

/** The plan's id: the one node labelled Plan. */
function planIdOf(g: PlanGraphExport): string {
  const plan = g.nodes.find((n) => n.labels.includes('Plan'));
  if (!plan) throw new Error('export: the graph has no Plan node');
  return plan.id;
}

/** When the plan was loaded: the date archive entries carry (the epoch only if it was never recorded). */
export function planDate(g: PlanGraphExport): Date {
  const plan = g.nodes.find((n) => n.labels.includes('Plan'));
  const at = plan ? Date.parse(String(plan.properties.loadedAt ?? '')) : NaN;
  return Number.isNaN(at) ? new Date(0) : new Date(at);
}

/**
 * CSV: `tasks.csv`, the flat joined sheet, then one file per node type and per relationship
 * type, and a README of their columns. Every file starts with a UTF-8 BOM; lists hold one item
 * per line of the cell.
 */
export function toCsvFiles(g: PlanGraphExport): Map<string, string> {
  const files = new Map<string, string>();
  const planId = planIdOf(g);
  const sheet = taskSheet(g, planId);
  files.set('tasks.csv', csvTable(TASK_SHEET_COLUMNS, sheet));
  const readme: string[] = [
    '# Plan Graph export (CSV)',
    '',
    'Every file is UTF-8 with a byte order mark (Excel opens it by double-click), rows end with CRLF, and a list holds one item per line of its cell. Empty cells are absent properties.',
    '',
    '## tasks.csv',
    '',
    `The flat sheet: one row per task (${sheet.length} rows), everything joined in. Columns:`,
    '',
    ...TASK_SHEET_COLUMNS.map((c) => `- \`${c}\`: ${TASK_SHEET_NOTES[c]}`),
    '',
    'The other files are the graph itself, for joins of your own.',
    '',
  ];
  const table = (name: string, rows: Record<string, unknown>[], first: string[]) => {
    const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) => !first.includes(k)).sort();
    const columns = [...first, ...keys];
    files.set(name, csvTable(columns, rows));
    readme.push(`## ${name}`, '', `${rows.length} rows. Columns: ${columns.map((c) => `\`${c}\``).join(', ')}.`, '');
  };
  const byType = new Map<string, ExportNode[]>();
  for (const n of g.nodes) byType.set(nodeType(n), [...(byType.get(nodeType(n)) ?? []), n]);
  for (const [type, nodes] of [...byType].sort(([a], [b]) => a.localeCompare(b))) {
    table(`nodes-${type}.csv`, nodes.map((n) => ({ id: n.id, labels: n.labels, ...n.properties })), ['id', 'labels']);
  }
  const byRel = new Map<string, ExportRelationship[]>();
  for (const r of g.relationships) byRel.set(r.type, [...(byRel.get(r.type) ?? []), r]);
  for (const [type, rels] of [...byRel].sort(([a], [b]) => a.localeCompare(b))) {
    table(`relationships-${type}.csv`, rels.map((r) => ({ from: r.from, to: r.to, ...r.properties })), ['from', 'to']);
  }
  readme.push(
    'Node properties: `id` (stable eId, see the project README), `planId`, `nodeType`, `sourcePath`, `sourceStart`/`sourceEnd` (offsets into the plan text, which is the `text` of the Plan row), `sourceLine`/`sourceEndLine` (lines of the original file), `quote` (verbatim; empty for tasks and measures, whose quote is their `text`).',
    'Relationship properties: `basis` (text, gazetteer, derived, curated), `quote`, `start`/`end`, `rationale`, `role`.',
    '',
  );
  files.set('README.md', readme.join('\n'));
  return files;
}

const inFolder = (g: PlanGraphExport, folder: string): Map<string, string> => new Map([...toCsvFiles(g)].map(([k, v]) => [`${folder}/${k}`, v]));

export const toCsvTarGzip = (g: PlanGraphExport, folder: string): Buffer => gzipSync(tar(inFolder(g, folder), planDate(g)));

export const toCsvZip = (g: PlanGraphExport, folder: string): Buffer => zip(inFolder(g, folder), planDate(g));
