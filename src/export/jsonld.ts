import type { ExportNode, ExportRelationship } from '../graph/read/plan-export';
import type { PlanGraphExport } from './formats';

/**
 * JSON-LD with the ELI vocabulary where it fits: is_part_of, relevant_for (places),
 * responsibility_of (bodies).
 *
 * Every @id is an absolute IRI under ID_BASE. A relative id would be resolved against `@base`
 * by RFC 3986, and a `urn:` base has no hierarchy to resolve against (`cq-nup/...` against
 * `urn:plan-graph:` gives `urn:cq-nup/...`): so ids are written out in full and the base is
 * kept only as the documented namespace. Strings with Chinese characters are tagged `zh-Hans`;
 * every link is a node with its own id (`<from>#<TYPE>-<n>`) carrying its evidence; properties
 * that hold ids (governs, chapterId, ...) are references, not strings.
 */

export const ID_BASE = 'urn:plan-graph:';

const iri = (id: string): string => ID_BASE + id;

const HAN = /\p{Script=Han}/u;

function literal(value: unknown): unknown {
  if (typeof value === 'string' && HAN.test(value)) return { '@value': value, '@language': 'zh-Hans' };
  if (Array.isArray(value)) return value.map(literal);
  return value;
}

/** Node properties whose values are ids of other nodes. */
const REFERENCE_PROPERTIES = new Set(['governs', 'chapterId', 'sectionId', 'measureId', 'boxId', 'planId']);

/** Relationship types with an ELI term on the source node. */
const ELI_TERMS: Record<string, string> = { PART_OF: 'is_part_of', MENTIONS: 'relevant_for', LOCATED_IN: 'relevant_for', HAS_MEMBER: 'relevant_for', RESPONSIBLE: 'responsibility_of' };

function nodeType(n: ExportNode): string {
  if (n.labels.includes('Plan')) return 'eli:LegalResource';
  if (n.labels.includes('Place')) return 'pg:Place';
  if (n.labels.includes('Body')) return 'pg:Body';
  return 'eli:LegalResourceSubdivision';
}

function linkNodes(relationships: ExportRelationship[]): { onNode: Map<string, Record<string, string[]>>; links: Record<string, unknown>[] } {
  const onNode = new Map<string, Record<string, string[]>>();
  const links: Record<string, unknown>[] = [];
  const seen = new Map<string, number>();
  for (const r of relationships) {
    const term = ELI_TERMS[r.type] ?? `pg:${r.type.toLowerCase().replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())}`;
    const entry = onNode.get(r.from) ?? {};
    (entry[term] ??= []).push(iri(r.to));
    onNode.set(r.from, entry);
    if (r.type === 'PART_OF') continue;
    const key = `${r.from}#${r.type}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    links.push({
      '@id': iri(`${key}-${n}`),
      '@type': 'pg:Link',
      'pg:linkType': r.type,
      'pg:from': { '@id': iri(r.from) },
      'pg:to': { '@id': iri(r.to) },
      ...Object.fromEntries(Object.entries(r.properties).filter(([, v]) => v !== null).map(([k, v]) => [`pg:${k}`, literal(v)])),
    });
  }
  return { onNode, links };
}

export function toJsonLd(g: PlanGraphExport): Record<string, unknown> {
  const { onNode, links } = linkNodes(g.relationships);
  const context: Record<string, unknown> = {
    eli: 'http://data.europa.eu/eli/ontology#',
    pg: 'urn:plan-graph:vocab#',
    '@base': ID_BASE,
    is_part_of: { '@id': 'eli:is_part_of', '@type': '@id' },
    relevant_for: { '@id': 'eli:relevant_for', '@type': '@id' },
    responsibility_of: { '@id': 'eli:responsibility_of', '@type': '@id' },
    title: 'eli:title',
    number: 'eli:number',
    text: 'pg:text',
  };
  for (const p of REFERENCE_PROPERTIES) context[`pg:${p}`] = { '@type': '@id' };
  for (const t of new Set(g.relationships.map((r) => r.type))) {
    if (!ELI_TERMS[t]) context[`pg:${t.toLowerCase().replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())}`] = { '@type': '@id' };
  }
  return {
    '@context': context,
    '@graph': [
      ...g.nodes.map((n) => {
        const { title, number, text, ...rest } = n.properties;
        const props: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(rest)) {
          if (k === 'id' || v === null) continue;
          // A reference to a node outside the export stays a reference: the IRI is still the node's.
          props[`pg:${k}`] = REFERENCE_PROPERTIES.has(k) && typeof v === 'string' ? iri(v) : literal(v);
        }
        return {
          '@id': iri(n.id),
          '@type': nodeType(n),
          'pg:labels': n.labels,
          ...(title !== undefined && title !== null ? { title: literal(title) } : {}),
          ...(number !== undefined && number !== null ? { number } : {}),
          ...(text !== undefined && text !== null ? { text: literal(text) } : {}),
          ...props,
          ...(onNode.get(n.id) ?? {}),
        };
      }),
      ...links,
    ],
  };
}
