import { z } from 'zod';
import type { GraphClient } from './graph-client';
import { withIntegers } from './integer-properties';
import type { ExportNode, ExportRelationship } from './read/plan-export';

/**
 * Loads an exported plan graph (JSON Lines records) in one transaction. Labels and relationship
 * types come from the file, so they are checked against fixed allow-lists before they become
 * part of a query; every value is a parameter.
 */

export const IMPORTABLE_LABELS = new Set(['Entity', 'Plan', 'Part', 'Chapter', 'Section', 'Measure', 'Box', 'Task', 'Indicator', 'Target', 'Project', 'PilotZone', 'Place', 'District', 'Zone', 'Region', 'OutsidePlace', 'Division', 'Body']);
export const IMPORTABLE_TYPES = new Set(['PART_OF', 'STATED_IN', 'MEASURES', 'MENTIONS', 'LOCATED_IN', 'HAS_MEMBER', 'RESPONSIBLE', 'WITHIN', 'OVERLAPS', 'GOVERNS']);

export class ImportError extends Error {}

export async function importPlanGraph(client: GraphClient, nodes: ExportNode[], relationships: ExportRelationship[]): Promise<{ nodes: number; relationships: number }> {
  const byLabels = new Map<string, ExportNode[]>();
  for (const n of nodes) {
    const bad = n.labels.find((l) => !IMPORTABLE_LABELS.has(l));
    if (bad || !n.labels.includes('Entity')) throw new ImportError(`node ${n.id}: label ${bad ?? '(no Entity)'} cannot be imported`);
    const key = [...n.labels].sort().join(':');
    byLabels.set(key, [...(byLabels.get(key) ?? []), n]);
  }
  const byType = new Map<string, ExportRelationship[]>();
  for (const r of relationships) {
    if (!IMPORTABLE_TYPES.has(r.type)) throw new ImportError(`relationship ${r.from} -> ${r.to}: type ${r.type} cannot be imported`);
    byType.set(r.type, [...(byType.get(r.type) ?? []), r]);
  }
  return client.ingest(async (tx) => {
    for (const [labels, rows] of byLabels) {
      await tx.run(`UNWIND $rows AS r MERGE (n:Entity {id: r.id}) SET n = r.properties, n:${labels.split(':').join(':')}`, { rows: rows.map((n) => ({ id: n.id, properties: withIntegers(n.properties) })) });
    }
    for (const [type, rows] of byType) {
      await tx.run(`UNWIND $rows AS r MATCH (a:Entity {id: r.from}) MATCH (b:Entity {id: r.to}) CREATE (a)-[x:${type}]->(b) SET x = r.properties`, {
        rows: rows.map((r) => ({ from: r.from, to: r.to, properties: withIntegers(r.properties) })),
      });
    }
    return { nodes: nodes.length, relationships: relationships.length };
  });
}

const properties = z.record(z.string(), z.unknown());
const ExportRecord = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('node'), id: z.string(), labels: z.array(z.string()), properties }),
  z.object({ kind: z.literal('relationship'), type: z.string(), from: z.string(), to: z.string(), properties }),
]);

/** Reads JSON Lines export records; a line that is not one is refused with its number. */
export function parseJsonLines(text: string): { nodes: ExportNode[]; relationships: ExportRelationship[] } {
  const nodes: ExportNode[] = [];
  const relationships: ExportRelationship[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new ImportError(`line ${i + 1}: not JSON`);
    }
    const parsed = ExportRecord.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ImportError(`line ${i + 1}: ${issue.path.join('.') === 'kind' ? 'kind must be node or relationship' : `${issue.path.join('.')}: ${issue.message}`}`);
    }
    const record = parsed.data;
    if (record.kind === 'node') nodes.push({ id: record.id, labels: record.labels, properties: record.properties });
    else relationships.push({ type: record.type, from: record.from, to: record.to, properties: record.properties });
  });
  return { nodes, relationships };
}
