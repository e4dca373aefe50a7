import type { IngestReport } from './ingest-report';

/**
 * The typed document that ingestion produces from a plan text: the contract between the
 * pure stages (normalise -> segment -> parse -> link) and the load into the graph.
 *
 * Ids are Akoma Ntoso style eIds (`chp_3__sec_2__para_4`) prefixed with the plan id, so they
 * are unique across plans and identical across re-runs of the same text (see README).
 */

/** Where a node comes from. `quote === normalisedText.slice(start, end)`, always. */
export interface SourceSpan {
  planId: string;
  /** The eId of the node, the structural path of its place in the plan. */
  path: string;
  /** Character offsets (UTF-16 code units, end exclusive) into the normalised text. */
  start: number;
  end: number;
  /** 1-based line numbers in the original file. */
  line: number;
  endLine: number;
  quote: string;
}

/** The curated kinds of the seed's gazetteer, and the levels of China's divisions (province, prefecture, county_level). */
export type PlaceKind = 'district' | 'county' | 'autonomous_county' | 'functional_zone' | 'region' | 'outside' | 'province' | 'prefecture' | 'county_level';

export interface PlaceRecord {
  id: string;
  name: string;
  shortName: string;
  kind: PlaceKind;
  /** GB/T 2260 code for districts and counties. */
  code: string | null;
  /** For districts and zones: the finest plan region they belong to. For regions: the parent region. */
  regionName: string | null;
  /** Other names the text uses for the place (主城区 for 主城都市区). */
  aliases: string[];
}

/** How a link to a place was established. */
export type LinkBasis = 'text' | 'gazetteer';

export interface PlaceMention {
  placeId: string;
  basis: LinkBasis;
  /** The words of the text that name the place (or the locality that lies in it). */
  quote: string;
  /** Offsets into the normalised text. */
  start: number;
  end: number;
  /** Why the link holds when the words are not the place's own name. */
  rationale: string | null;
}

export interface BodyRecord {
  id: string;
  name: string;
  kind: 'coordination' | 'government' | 'department' | 'party' | 'mass_organisation';
  fullName?: string | null;
  remit?: string | null;
  /** For a district's government: the place it governs. */
  governs?: string | null;
}

/**
 * A responsibility of a body for a task. `text`: the task names the body (quote given).
 * `derived`: by a stated rule — a task that names a district is delivered by that district's
 * government (quote: the district's name). Never mixed with curated links, which are per measure.
 */
export interface BodyMention {
  bodyId: string;
  basis: 'text' | 'derived';
  role: 'named' | 'deliver';
  quote: string;
  start: number;
  end: number;
  rationale: string;
}

/** A curated responsibility of a body for a measure (seed/curated-responsibilities.csv). */
export interface CuratedLink {
  measureId: string;
  bodyId: string;
  role: 'lead' | 'support';
  basis: 'curated';
  rationale: string;
}

/** A part (第一篇) of a plan that groups its chapters; chapters keep their own numbering. */
export interface PartNode {
  id: string;
  number: number;
  title: string;
  source: SourceSpan;
}

export interface ChapterNode {
  id: string;
  /** The part the chapter belongs to, when the plan has parts. */
  partId?: string | null;
  number: number;
  title: string;
  /** The title as the table of contents gives it, when it differs from the body's. */
  tocTitle: string | null;
  source: SourceSpan;
}

export interface SectionNode {
  id: string;
  chapterId: string;
  number: number;
  title: string;
  tocTitle: string | null;
  source: SourceSpan;
}

export interface MeasureNode {
  id: string;
  chapterId: string;
  sectionId: string | null;
  /** Position among the measures of its chapter or section, from 1. */
  order: number;
  /** The lead sentence without its full stop, when the paragraph opens with one. */
  title: string | null;
  text: string;
  source: SourceSpan;
}

export type BoxKind = 'indicators' | 'projects' | 'positioning' | 'corridors' | 'transport_projects' | 'renewal_projects' | 'pilot_zones';

export interface BoxNode {
  id: string;
  number: number;
  title: string;
  kind: BoxKind;
  chapterId: string;
  sectionId: string | null;
  source: SourceSpan;
}

export type TaskKind = 'sentence' | 'indicator' | 'project' | 'positioning' | 'corridor' | 'transport' | 'renewal' | 'pilot_zone';

/**
 * Whether a sentence directs (要, 加快, 推进, 实施 ... something to be done) or describes (what was
 * achieved, what is the case, what will be), read from the words of the sentence itself.
 */
export type TaskMood = 'directive' | 'descriptive';

export interface TaskNode {
  id: string;
  kind: TaskKind;
  /** For sentences: directive or descriptive; null for box entries. */
  mood: TaskMood | null;
  text: string;
  /** Exactly one of measureId / boxId is set. */
  measureId: string | null;
  boxId: string | null;
  order: number;
  /** For positioning entries: the group they sit under (同城化先行区, or the box's region). */
  group: string | null;
  places: PlaceMention[];
  bodies: BodyMention[];
  source: SourceSpan;
}

export interface IndicatorNode {
  id: string;
  boxId: string;
  taskId: string;
  number: number;
  name: string;
  unit: string | null;
  baseline: number | null;
  baselineYear: number;
  target: number;
  targetText: string;
  targetComparator: Comparator;
  targetYear: number;
  attribute: '预期性' | '约束性';
  source: SourceSpan;
}

export type Comparator = '=' | '>=' | '>' | '<=' | '<' | 'about';

export interface TargetNode {
  id: string;
  /** The task that states the target; or, for goals of a non-directive chapter, the measure. */
  taskId: string | null;
  measureId: string | null;
  indicatorId: string | null;
  text: string;
  value: number;
  unit: string;
  comparator: Comparator;
  year: number | null;
  source: SourceSpan;
}

export interface ProjectNode {
  id: string;
  boxId: string;
  taskId: string;
  kind: 'demonstration' | 'transport' | 'renewal';
  name: string;
  /** The category the project is listed under (铁路, 高速公路 ...), when there is one. */
  category: string | null;
  areaKm2: number | null;
  places: PlaceMention[];
  source: SourceSpan;
}

export interface PilotZoneNode {
  id: string;
  boxId: string;
  taskId: string;
  name: string;
  areaKm2: number | null;
  members: PlaceMention[];
  focus: string | null;
  source: SourceSpan;
}

export interface TocEntry {
  level: 'part' | 'chapter' | 'section';
  chapterNumber: number;
  number: number;
  title: string;
  page: number | null;
  line: number;
  /** Offset of the entry's line in the normalised text. */
  start?: number;
}

export interface PlanMeta {
  id: string;
  title: string;
  /** 渝府发〔2022〕9号 */
  documentNumber: string | null;
  issuer: string | null;
  issuedOn: string | null;
  sourceFile: string;
  /** sha256 of the normalised text: equal texts give equal graphs. */
  checksum: string;
  textLength: number;
  /** GB/T 2260 code of the province-level division whose plan this is (500000), null for national. */
  jurisdiction?: string | null;
  /** Where the title stands in the text (its lines, in order), when the text gives it. */
  titleSpans?: [number, number][];
}

export interface PlanDocument {
  plan: PlanMeta;
  /** The normalised text that every offset points into. */
  text: string;
  toc: TocEntry[];
  parts: PartNode[];
  chapters: ChapterNode[];
  sections: SectionNode[];
  measures: MeasureNode[];
  boxes: BoxNode[];
  tasks: TaskNode[];
  indicators: IndicatorNode[];
  targets: TargetNode[];
  projects: ProjectNode[];
  pilotZones: PilotZoneNode[];
  places: PlaceRecord[];
  /** Functional zones and the districts they overlap (curated in the gazetteer). */
  zoneOverlaps: { zoneId: string; districtId: string; note: string }[];
  bodies: BodyRecord[];
  /** Curated responsibilities of bodies for measures, reviewed by hand, never from the text. */
  curated: CuratedLink[];
  /** Things the parser noticed and could not settle, with their line. */
  warnings: { line: number; message: string }[];
  /** Chapters whose sentences mostly describe: their sentences are not tasks. */
  descriptiveChapters: string[];
  /** The ingest report (counts, layout, warnings with their lines), built last. */
  report?: IngestReport;
}
