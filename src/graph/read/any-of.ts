/**
 * Cypher that binds `variable` to every node any of `lookups` finds (each once): a UNION of
 * lookups, each of which an index serves. One MATCH whose WHERE joins the same conditions with
 * OR is served by no index and scans the whole label.
 */
export function anyOf(variable: string, lookups: readonly string[]): string {
  return `CALL () {
  ${lookups.map((lookup) => `${lookup} RETURN ${variable}`).join('\n  UNION\n  ')}
}`;
}
