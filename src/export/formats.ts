import { gzipSync } from 'node:zlib';
import type { ExportNode, ExportRelationship } from '../graph/read/plan-export';
import { stableJson } from '../graph/read/plan-export';
import { tar } from './tar';

/**
 * The three export formats of a plan's graph. All are deterministic: the same graph gives the
 * same bytes (keys sorted, records ordered), which the round-trip test relies on.
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

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = Array.isArray(value) ? value.join('|') : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The type a node is filed under: its most specific label. */
function nodeType(n: ExportNode): string {
  return (n.properties.nodeType as string | undefined) ?? n.labels.find((l) => l !== 'Entity' && l !== 'Place') ?? n.labels[0];
}

/** CSV: one file per node type and per relationship type, and a README of their columns. */
export function toCsvFiles(g: PlanGraphExport): Map<string, string> {
  const files = new Map<string, string>();
  const readme: string[] = ['# Plan Graph export (CSV)', '', 'Lists are joined with `|`. Empty cells are absent properties.', ''];
  const table = (name: string, rows: Record<string, unknown>[], first: string[]) => {
    const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) => !first.includes(k)).sort();
    const columns = [...first, ...keys];
    files.set(name, [columns.join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(','))].join('\n') + '\n');
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

export const toCsvTarGzip = (g: PlanGraphExport, folder: string): Buffer => gzipSync(tar(new Map([...toCsvFiles(g)].map(([k, v]) => [`${folder}/${k}`, v]))));

const LINK_TERMS: Record<string, string> = { PART_OF: 'is_part_of', MENTIONS: 'relevant_for', LOCATED_IN: 'relevant_for', HAS_MEMBER: 'relevant_for', RESPONSIBLE: 'responsibility_of' };

/** JSON-LD with the ELI vocabulary where it fits: is_part_of, relevant_for (places), responsibility_of (bodies). */
export function toJsonLd(g: PlanGraphExport): Record<string, unknown> {
  const links = new Map<string, Record<string, string[]>>();
  const others: Record<string, unknown>[] = [];
  for (const r of g.relationships) {
    const term = LINK_TERMS[r.type];
    if (!term) continue;
    const entry = links.get(r.from) ?? {};
    (entry[term] ??= []).push(r.to);
    links.set(r.from, entry);
    if (r.type !== 'PART_OF') others.push({ '@type': 'pg:Link', 'pg:linkType': r.type, 'pg:from': { '@id': r.from }, 'pg:to': { '@id': r.to }, ...Object.fromEntries(Object.entries(r.properties).map(([k, v]) => [`pg:${k}`, v])) });
  }
  const type = (n: ExportNode) => {
    if (n.labels.includes('Plan')) return 'eli:LegalResource';
    if (n.labels.includes('Place')) return 'pg:Place';
    if (n.labels.includes('Body')) return 'pg:Body';
    return 'eli:LegalResourceSubdivision';
  };
  return {
    '@context': {
      eli: 'http://data.europa.eu/eli/ontology#',
      pg: 'urn:plan-graph:vocab#',
      '@base': 'urn:plan-graph:',
      is_part_of: { '@id': 'eli:is_part_of', '@type': '@id' },
      relevant_for: { '@id': 'eli:relevant_for', '@type': '@id' },
      responsibility_of: { '@id': 'eli:responsibility_of', '@type': '@id' },
      title: 'eli:title',
      number: 'eli:number',
      text: 'pg:text',
    },
    '@graph': [
      ...g.nodes.map((n) => {
        const { title, number, text, ...rest } = n.properties as Record<string, unknown>;
        return {
          '@id': n.id,
          '@type': type(n),
          'pg:labels': n.labels,
          ...(title !== undefined ? { title } : {}),
          ...(number !== undefined ? { number } : {}),
          ...(text !== undefined ? { text } : {}),
          ...Object.fromEntries(Object.entries(rest).filter(([k]) => k !== 'id').map(([k, v]) => [`pg:${k}`, v])),
          ...(links.get(n.id) ?? {}),
        };
      }),
      ...others,
    ],
  };
}
