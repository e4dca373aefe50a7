/**
 * The nodes of one plan (`$planId`), read from the index on (planId, sourceStart) that every
 * Task and Measure has (cypher/schema.cypher): a MATCH on `variable:label` followed by this
 * clause reads that plan's nodes only, whatever the number of plans loaded. SEEK, because a
 * plain index hint lets the planner scan the whole index in order instead.
 */
export const inPlan = (variable: string, label: 'Task' | 'Measure'): string =>
  `USING INDEX SEEK ${variable}:${label}(planId, sourceStart) WHERE ${variable}.planId = $planId AND ${variable}.sourceStart IS NOT NULL`;
