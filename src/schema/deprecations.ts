/**
 * Why a field is deprecated, in the words clients see. Each deprecated field stays until a
 * release announced in CHANGELOG.md removes it; its replacement is named here.
 */
export const deprecatedFor = (replacement: string, why: string): { deprecationReason: string } => ({
  deprecationReason: `Use ${replacement}. ${why}`,
});

/** Many types had a `kind` of their own type; fragments on Node that selected two of them did not validate. */
export const KIND_CLASH = 'Task.kind is a TaskKind, and one field name has one type across the schema.';

/** The cross-reference lists could not be paged; their connections can, either way. */
export const CROSS_REFERENCE_LIST = 'The list cannot be paged; the connection pages with first/after and last/before.';
