/**
 * The closed value lists of the graph: what a stored property may hold. The decoders refuse
 * anything else, and the GraphQL enums are registered from these same lists, so the schema can
 * never lag behind what ingest writes (a basis the enum lacks would fail every answer that has it).
 */
import type { Role } from '../../auth/api-key';
import type { BodyRecord, BoxKind as DocBoxKind, Comparator as DocComparator, PlaceKind as DocPlaceKind, ProjectNode, TaskKind as DocTaskKind, TaskMood as DocTaskMood } from '../../ingest/document';
import type { WarningKind } from '../../ingest/ingest-report';

/**
 * Why a link holds. text: the plan text says so (quote given). derived: a stated rule applied to
 * the text (a task that names a district is delivered by its government; quote and rule given).
 * gazetteer: the text names a locality that lies in the place (rationale given). curated: an
 * analyst assigned it by remit; it is not in the text (rationale given).
 */
export const LINK_BASES = ['text', 'derived', 'gazetteer', 'curated'] as const;
export type LinkBasis = (typeof LINK_BASES)[number];

/**
 * The role of a body in a responsibility. lead, support: curated on a measure by remit. named:
 * the task names the body. deliver: the task names a district, whose government delivers it.
 */
export const LINK_ROLES = ['lead', 'support', 'named', 'deliver'] as const;
export type LinkRole = (typeof LINK_ROLES)[number];

export const TASK_KINDS = ['sentence', 'indicator', 'project', 'positioning', 'corridor', 'transport', 'renewal', 'pilot_zone'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const PROGRESS_STATUSES = ['not_started', 'in_progress', 'done', 'at_risk', 'blocked'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

/** A value list as an object `{ v: 'v' }`, the form GraphQL enum registration takes. */
export function enumObject<V extends string>(values: readonly V[]): { readonly [K in V]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { readonly [K in V]: K };
}

/** What a body is (seed/bodies.json, seed/curated-bodies.json, district governments). */
export const BODY_KINDS = ['coordination', 'government', 'department', 'party', 'mass_organisation'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

/** What a box holds, read from its title (src/ingest/parse-plan.ts, boxKind). */
export const BOX_KINDS = ['indicators', 'projects', 'positioning', 'corridors', 'transport_projects', 'renewal_projects', 'pilot_zones'] as const;
export type BoxKind = (typeof BOX_KINDS)[number];

/**
 * What a place is: the gazetteer's kinds for Chongqing (district, county, autonomous_county,
 * functional_zone), the plan's regions and outside places, and the levels of China's divisions
 * that a plan of another jurisdiction names (province, prefecture, county_level).
 */
export const PLACE_KINDS = ['district', 'county', 'autonomous_county', 'functional_zone', 'region', 'outside', 'province', 'prefecture', 'county_level'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** What a project of a box is (src/ingest/parse-box.ts). */
export const PROJECT_KINDS = ['demonstration', 'transport', 'renewal'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];

/** How a sentence reads (src/ingest/sentence-mood.ts); box entries have none. */
export const TASK_MOODS = ['directive', 'descriptive'] as const;
export type TaskMood = (typeof TASK_MOODS)[number];

/** How a target compares, as stored (src/ingest/parse-indicator-row.ts, extract-targets.ts). */
export const COMPARATORS = ['=', '>=', '>', '<=', '<', 'about'] as const;
export type Comparator = (typeof COMPARATORS)[number];

/** The GraphQL names of the comparators (an enum value cannot be `>=`), mapped to what is stored. */
export const COMPARATOR_NAMES = { eq: '=', gte: '>=', gt: '>', lte: '<=', lt: '<', about: 'about' } as const satisfies Record<string, Comparator>;

/** The kinds of an ingest report's warnings (src/ingest/ingest-report.ts). */
export const INGEST_WARNING_KINDS = ['numbering', 'contents', 'fragment', 'unknown_heading', 'box', 'table_row', 'structure', 'target'] as const;
export type IngestWarningKind = (typeof INGEST_WARNING_KINDS)[number];

/** A task's standing on a scorecard: its latest reported status, or not_reported. */
export const SCORECARD_STATUSES = [...PROGRESS_STATUSES, 'not_reported'] as const;
export type ScorecardStatus = (typeof SCORECARD_STATUSES)[number];

/** The roles of an API key (src/auth/api-key.ts). */
export const API_KEY_ROLES = ['editor', 'admin'] as const;
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

/**
 * The lists above are what ingestion can write: the compiler checks each against the type of
 * the ingested document, so a kind added to ingest without its list fails the build, not a read.
 */
type SameSet<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const listsMatchIngest: [
  SameSet<BodyKind, BodyRecord['kind']>,
  SameSet<BoxKind, DocBoxKind>,
  SameSet<PlaceKind, DocPlaceKind>,
  SameSet<ProjectKind, ProjectNode['kind']>,
  SameSet<TaskMood, DocTaskMood>,
  SameSet<Comparator, DocComparator>,
  SameSet<TaskKind, DocTaskKind>,
  SameSet<IngestWarningKind, WarningKind>,
  SameSet<ApiKeyRole, Role>,
] = [true, true, true, true, true, true, true, true, true];
void listsMatchIngest;
