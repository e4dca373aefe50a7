import type { GraphClient } from './graph-client';
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
  return client.write(async (tx) => {
    for (const [labels, rows] of byLabels) {
      await tx.run(`UNWIND $rows AS r MERGE (n:Entity {id: r.id}) SET n = r.properties, n:${labels.split(':').join(':')}`, { rows: rows.map((n) => ({ id: n.id, properties: n.properties })) });
    }
    for (const [type, rows] of byType) {
      await tx.run(`UNWIND $rows AS r MATCH (a:Entity {id: r.from}) MATCH (b:Entity {id: r.to}) CREATE (a)-[x:${type}]->(b) SET x = r.properties`, { rows });
    }
    return { nodes: nodes.length, relationships: relationships.length };
  });
}

/** Reads JSON Lines export records. */
export function parseJsonLines(text: string): { nodes: ExportNode[]; relationships: ExportRelationship[] } {
  const nodes: ExportNode[] = [];
  const relationships: ExportRelationship[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line);
    } catch {
      throw new ImportError(`line ${i + 1}: not JSON`);
    }
    if (record.kind === 'node') nodes.push(record as unknown as ExportNode);
    else if (record.kind === 'relationship') relationships.push(record as unknown as ExportRelationship);
    else throw new ImportError(`line ${i + 1}: kind must be node or relationship`);
  });
  return { nodes, relationships };
}
