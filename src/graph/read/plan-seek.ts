import { int } from '../graph-client';

/**
 * The nodes of one plan (`$planId`), read from the index on (planId, sourceStart) that every
 * Task and Measure has (cypher/schema.cypher): a MATCH on `variable:label` followed by this
 * clause reads that plan's nodes only, whatever the number of plans loaded. SEEK, because a
 * plain index hint lets the planner scan the whole index in order instead.
 */
export const inPlan = (variable: string, label: 'Task' | 'Measure'): string =>
  `USING INDEX SEEK ${variable}:${label}(planId, sourceStart) WHERE ${variable}.planId = $planId AND ${variable}.sourceStart IS NOT NULL`;

/**
 * Above this many links to an entity (tasks naming a place, links of a body), what one plan links
 * to it (a page of its tasks, the districts that share them) is read from the plan's own index
 * entries instead of from the entity's links. Read from its links,
 * an entity costs about its links (two or three database hits each, whatever their plan); read
 * from the plan, about the plan's tasks (four hits each: the index entry and a check for the
 * link), whatever the number of plans loaded. A plan of the seed's size has about 400 tasks, so
 * 500 links read cost about what that plan's tasks do; an entity named in many plans has far more.
 * A parameter (`$sparseLinks`) of the statements that choose, so that tests can read either way.
 */
export const SPARSE_LINKS = 500;

/** Cypher: `entity` has at most `$sparseLinks` links of `type` pointing at it (a degree lookup). */
export const sparse = (entity: string, type: string): string => `COUNT { (${entity})<-[:${type}]-() } <= $sparseLinks`;

/**
 * Cypher: `entity` as `as` when it has more than `$sparseLinks` links of `type`, else no row. An
 * UNWIND, not a WHERE: under an index hint the planner seeks the index first and would apply a
 * WHERE on the entity after the seek; the seek must run only for a row that needs it.
 */
export const denseAs = (entity: string, type: string, as: string): string =>
  `UNWIND CASE WHEN ${sparse(entity, type)} THEN [] ELSE [${entity}] END AS ${as}`;

/**
 * The two exclusive ways to bind the tasks `t` of one plan (`$planId`) that have a link `rel`
 * of `type` to `entity`: from the entity's links when it has few, else from the plan's tasks.
 * Each is a MATCH … WHERE; more conditions may follow with AND.
 */
export const planTasksLinkedTo = (entity: string, type: string, rel = ''): [fromLinks: string, fromPlan: string] => [
  `WITH ${entity} WHERE ${sparse(entity, type)}
  MATCH (${entity})<-[${rel}:${type}]-(t:Task) WHERE t.planId = $planId`,
  `${denseAs(entity, type, 'dense')}
  MATCH (t:Task)-[${rel}:${type}]->(dense) ${inPlan('t', 'Task')}`,
];

/** The parameter of the statements that choose between the two ways. */
export const sparseLinksParam = (): { sparseLinks: unknown } => ({ sparseLinks: int(SPARSE_LINKS) });
