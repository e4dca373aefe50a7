/**
 * The closed value lists of the graph: what a stored property may hold. The decoders refuse
 * anything else, and the GraphQL enums are registered from these same lists, so the schema can
 * never lag behind what ingest writes (a basis the enum lacks would fail every answer that has it).
 */

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
