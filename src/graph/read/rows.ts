import { z } from 'zod';
import { integer, optional, optionalList, rowShape } from '../decode';
import { BODY_KINDS, BOX_KINDS, COMPARATORS, LINK_BASES, LINK_ROLES, PLACE_KINDS, PROGRESS_STATUSES, PROJECT_KINDS, TASK_KINDS, TASK_MOODS } from './values';

/**
 * The rows the read layer returns: one decoder per kind of node (see src/ingest/to-graph.ts for
 * what is stored), discriminated by `nodeType`, which names the node's GraphQL type. The types
 * below are what the schema layer may rely on: every property is there, with its type.
 */

/** Provenance of a plan node: the flattened source span (quote null where it is the text). */
const source = {
  planId: z.string(),
  sourcePath: z.string(),
  sourceStart: integer,
  sourceEnd: integer,
  sourceLine: integer,
  sourceEndLine: integer,
  quote: optional(z.string()),
};

/** The provenance of any plan node; the quote of a task or measure is its text. */
export const SourceRow = z.object({ ...source, text: optional(z.string()) });

export const PlanRow = z.object({
  nodeType: z.literal('Plan'),
  id: z.string(),
  planId: z.string(),
  title: z.string(),
  documentNumber: optional(z.string()),
  issuer: optional(z.string()),
  issuedOn: optional(z.string()),
  checksum: z.string(),
  revision: integer,
  /** GB/T 2260 code of the province-level jurisdiction; null for a national plan. */
  jurisdiction: optional(z.string()),
  /** Ids of the top regions this plan defines (一区两群 for the seed). */
  regionRoots: optionalList(z.string()),
  /** The ingest report, as JSON (src/ingest/ingest-report.ts). */
  ingestReport: optional(z.string()),
});

export const PartRow = z.object({ nodeType: z.literal('Part'), id: z.string(), ...source, number: integer, title: z.string(), chapterIds: optionalList(z.string()) });

export const ChapterRow = z.object({ nodeType: z.literal('Chapter'), id: z.string(), ...source, number: integer, title: z.string(), tocTitle: optional(z.string()), partId: optional(z.string()) });

export const SectionRow = z.object({ nodeType: z.literal('Section'), id: z.string(), ...source, number: integer, title: z.string(), tocTitle: optional(z.string()), chapterId: z.string() });

export const MeasureRow = z.object({
  nodeType: z.literal('Measure'),
  id: z.string(),
  ...source,
  title: optional(z.string()),
  text: z.string(),
  order: integer,
  /** Null for the preamble (paragraphs before the first chapter). */
  chapterId: optional(z.string()),
  sectionId: optional(z.string()),
});

export const BoxRow = z.object({ nodeType: z.literal('Box'), id: z.string(), ...source, number: integer, title: z.string(), kind: z.enum(BOX_KINDS), chapterId: z.string(), sectionId: optional(z.string()) });

export const TaskRow = z.object({
  nodeType: z.literal('Task'),
  id: z.string(),
  ...source,
  kind: z.enum(TASK_KINDS),
  /** directive or descriptive for sentences, read from their words; null for box entries. */
  mood: optional(z.enum(TASK_MOODS)),
  text: z.string(),
  order: integer,
  group: optional(z.string()),
  /** Exactly one of measureId and boxId is set. */
  measureId: optional(z.string()),
  boxId: optional(z.string()),
  chapterId: optional(z.string()),
  sectionId: optional(z.string()),
  /** Set only on tasks a re-ingested text no longer has (kept for their records). */
  retired: optional(z.boolean()).transform((v) => v === true),
});

/**
 * A measure or task read with some of its properties (a plan tree, a page of tasks): those every
 * resolver below it reads are always there (ids, parents, order, retired); the others only when
 * the operation selected them, and then checked like any row. Only the resolvers of that
 * operation read these rows (Loaders.primeTree, the loaders of pages read with a projection).
 */
export const MEASURE_KEYS = { id: true, nodeType: true, planId: true, chapterId: true, sectionId: true, sourceStart: true } as const;
export const TASK_KEYS = { id: true, nodeType: true, planId: true, measureId: true, boxId: true, chapterId: true, sectionId: true, sourceStart: true, retired: true } as const;
export const PartialMeasureRow = MeasureRow.partial().required(MEASURE_KEYS);
export const PartialTaskRow = TaskRow.partial().required(TASK_KEYS);
export type PartialMeasureRow = z.output<typeof PartialMeasureRow>;
export type PartialTaskRow = z.output<typeof PartialTaskRow>;

export const IndicatorRow = z.object({
  nodeType: z.literal('Indicator'),
  id: z.string(),
  ...source,
  number: integer,
  name: z.string(),
  unit: optional(z.string()),
  baseline: optional(z.number()),
  baselineYear: integer,
  /** Every row of an indicator table has a target cell with its comparator and attribute (parse-indicator-row.ts). */
  target: z.number(),
  targetText: z.string(),
  targetComparator: z.enum(COMPARATORS),
  targetYear: integer,
  attribute: z.string(),
  boxId: z.string(),
});

export const TargetRow = z.object({ nodeType: z.literal('Target'), id: z.string(), ...source, text: z.string(), value: z.number(), unit: z.string(), comparator: z.enum(COMPARATORS), year: optional(integer) });

export const ProjectRow = z.object({ nodeType: z.literal('Project'), id: z.string(), ...source, name: z.string(), kind: z.enum(PROJECT_KINDS), category: optional(z.string()), areaKm2: optional(z.number()), boxId: z.string() });

export const PilotZoneRow = z.object({ nodeType: z.literal('PilotZone'), id: z.string(), ...source, name: z.string(), areaKm2: optional(z.number()), focus: optional(z.string()), boxId: z.string() });

const place = { id: z.string(), name: z.string(), shortName: z.string(), kind: z.enum(PLACE_KINDS), code: optional(z.string()), aliases: optionalList(z.string()) };
/** The 38 districts and counties of seed/chongqing-districts.csv: each has its GB/T 2260 code. */
export const DistrictRow = z.object({ nodeType: z.literal('District'), ...place, code: z.string() });
export const ZoneRow = z.object({ nodeType: z.literal('Zone'), ...place });
export const RegionRow = z.object({ nodeType: z.literal('Region'), ...place });
export const OutsidePlaceRow = z.object({ nodeType: z.literal('OutsidePlace'), ...place });
export const DivisionRow = z.object({ nodeType: z.literal('Division'), ...place });
export const PlaceRow = z.discriminatedUnion('nodeType', [DistrictRow, ZoneRow, RegionRow, OutsidePlaceRow, DivisionRow]);

export const BodyRow = z.object({
  nodeType: z.literal('Body'),
  id: z.string(),
  name: z.string(),
  kind: z.enum(BODY_KINDS),
  fullName: optional(z.string()),
  remit: optional(z.string()),
  /** For a district's government: the id of the place it governs. */
  governs: optional(z.string()),
});

/** Any node with an id that `node(id:)` can return. */
export const NodeRow = z.discriminatedUnion('nodeType', [
  PlanRow,
  PartRow,
  ChapterRow,
  SectionRow,
  MeasureRow,
  BoxRow,
  TaskRow,
  IndicatorRow,
  TargetRow,
  ProjectRow,
  PilotZoneRow,
  DistrictRow,
  ZoneRow,
  RegionRow,
  OutsidePlaceRow,
  DivisionRow,
  BodyRow,
]);

/** What search finds: the labels of the full-text index plan_search (cypher/schema.cypher). */
export const SearchableRow = z.discriminatedUnion('nodeType', [MeasureRow, TaskRow, IndicatorRow, TargetRow, ProjectRow]);
export type SearchableRow = z.output<typeof SearchableRow>;

export type PlanRow = z.output<typeof PlanRow>;
export type PartRow = z.output<typeof PartRow>;
export type ChapterRow = z.output<typeof ChapterRow>;
export type SectionRow = z.output<typeof SectionRow>;
export type MeasureRow = z.output<typeof MeasureRow>;
export type BoxRow = z.output<typeof BoxRow>;
export type TaskRow = z.output<typeof TaskRow>;
export type IndicatorRow = z.output<typeof IndicatorRow>;
export type TargetRow = z.output<typeof TargetRow>;
export type ProjectRow = z.output<typeof ProjectRow>;
export type PilotZoneRow = z.output<typeof PilotZoneRow>;
export type DistrictRow = z.output<typeof DistrictRow>;
export type ZoneRow = z.output<typeof ZoneRow>;
export type RegionRow = z.output<typeof RegionRow>;
export type OutsidePlaceRow = z.output<typeof OutsidePlaceRow>;
export type DivisionRow = z.output<typeof DivisionRow>;
export type PlaceRow = z.output<typeof PlaceRow>;
export type BodyRow = z.output<typeof BodyRow>;
export type NodeRow = z.output<typeof NodeRow>;
export type NodeType = NodeRow['nodeType'];
/** The row of a node type: `RowOf<'Task'>` is TaskRow. */
export type RowOf<T extends NodeType> = Extract<NodeRow, { nodeType: T }>;

/**
 * Monitoring records: not plan nodes, and stored without a nodeType; the decoders give them theirs,
 * which names their GraphQL type (they implement Node: `node(id:)` refetches them).
 */
export const ProgressReportRow = z.object({
  nodeType: z.literal('ProgressReport').default('ProgressReport'),
  id: z.string(),
  taskId: z.string(),
  placeId: z.string(),
  period: z.string(),
  status: z.enum(PROGRESS_STATUSES),
  note: optional(z.string()),
  evidence: optionalList(z.string()),
  reporter: z.string(),
  keyId: optional(z.string()),
  createdAt: z.string(),
  supersedes: optional(z.string()),
});
export type ProgressReportRow = z.output<typeof ProgressReportRow>;

export const ObservationRow = z.object({
  nodeType: z.literal('Observation').default('Observation'),
  id: z.string(),
  indicatorId: z.string(),
  year: integer,
  value: z.number(),
  source: z.string(),
  note: optional(z.string()),
  reporter: z.string(),
  keyId: optional(z.string()),
  createdAt: z.string(),
  supersedes: optional(z.string()),
});
export type ObservationRow = z.output<typeof ObservationRow>;

export const AuditEventRow = z.object({
  nodeType: z.literal('AuditEvent').default('AuditEvent'),
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  keyId: optional(z.string()),
  action: z.string(),
  aboutId: z.string(),
  recordId: optional(z.string()),
  placeId: optional(z.string()),
  reporter: optional(z.string()),
  before: optional(z.string()),
  after: z.string(),
});
export type AuditEventRow = z.output<typeof AuditEventRow>;

/** A record read by id (src/graph/read/records.ts). */
export const RecordRow = z.union([ProgressReportRow, ObservationRow, AuditEventRow]);
export type RecordRow = z.output<typeof RecordRow>;

/** The properties of a link (MENTIONS, LOCATED_IN, HAS_MEMBER, RESPONSIBLE, OVERLAPS). */
export const LinkRow = z.object({
  basis: z.enum(LINK_BASES),
  quote: optional(z.string()),
  start: optional(integer),
  end: optional(integer),
  rationale: optional(z.string()),
  role: optional(z.enum(LINK_ROLES)),
});
export type LinkRow = z.output<typeof LinkRow>;

/** A node with the link that ties it to the node a list hangs off. */
export const LinkedRow = z.object({ node: NodeRow, link: LinkRow });
export type LinkedRow = z.output<typeof LinkedRow>;

/** `{ key, value }` rows of the batched queries (UNWIND $ids AS id ... RETURN id AS key, ...). */
export const keyed = <S extends z.ZodType>(name: string, value: S) => rowShape(name, z.object({ key: z.string(), value }));

/** Groups rows of `{ key, value }` into a list per key, in the order of `keys` (DataLoader's contract). */
export function groupByKey<T>(keys: readonly string[], rows: { key: string; value: T }[]): T[][] {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(r.key);
    if (list) list.push(r.value);
    else map.set(r.key, [r.value]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

/** Projection that leaves out a plan's full text (fetched only by the source view). */
export const NODE_PROJECTION = `n {.*, text: CASE WHEN n:Plan THEN null ELSE n.text END}`;
