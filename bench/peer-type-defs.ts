/**
 * The peer: type definitions for @neo4j/graphql 7 over the labels and relationships that Plan
 * Graph stores, written the way the library's documentation shows, so that the comparison is with
 * the library at its best rather than with a first attempt:
 * - one-to-one data is a single relationship (a task's measure, a measure's section, a section's
 *   chapter, a district's region), not a list the client unwraps;
 * - what relationships cannot express is a `@cypher` field, as the "Custom logic" chapter does for
 *   computed values: the counts of shared tasks (cross-reference), a body's portfolio (tasks it is
 *   responsible for directly or through their measure) with its count and page arguments, and the
 *   latest report per place of a task (periods compared as periods, corrections applied);
 * - lists are read with the same page sizes as Plan Graph's (`limit: 100`, `first: 10`);
 * - the full-text index the data already has is declared with `@fulltext`.
 * Only what the bench reads is declared: the library generates the rest (filters, sorting,
 * connections) from it.
 */

/** A report's period as the index of its last quarter (2025-Q2 < 2025-H2 = 2025), in Cypher. */
const PERIOD_END = `toInteger(substring(r.period, 0, 4)) * 4 + CASE
  WHEN size(r.period) = 4 THEN 3
  WHEN substring(r.period, 5, 1) = 'Q' THEN toInteger(substring(r.period, 6, 1)) - 1
  WHEN r.period ENDS WITH 'H1' THEN 1 ELSE 3 END`;

/** One entry per link, as Plan Graph lists a body's tasks (a task named and assigned is listed twice). */
const BODY_LINKS = `CALL (this) {
        MATCH (t:Task)-[r:RESPONSIBLE]->(this) RETURN t, r
        UNION
        MATCH (t:Task)-[:PART_OF]->(:Measure)-[r:RESPONSIBLE]->(this) RETURN t, r
      }
      WITH t, r.basis + '/' + coalesce(r.role, '') AS link WHERE t.planId = $planId`;

export const PEER_TYPE_DEFS = /* GraphQL */ `
  type Plan @node(labels: ["Plan"]) {
    id: ID!
    title: String
    chapters: [Chapter!]! @relationship(type: "PART_OF", direction: IN)
  }
  type Chapter @node(labels: ["Chapter"]) {
    id: ID!
    number: Int
    title: String
    planId: String
    sourceStart: Float
    sections: [Section!]! @relationship(type: "PART_OF", direction: IN)
  }
  type Section @node(labels: ["Section"]) {
    id: ID!
    number: Int
    title: String
    sourceStart: Float
    chapter: Chapter @relationship(type: "PART_OF", direction: OUT)
    measures: [Measure!]! @relationship(type: "PART_OF", direction: IN)
  }
  type Measure @node(labels: ["Measure"]) {
    id: ID!
    title: String
    text: String
    sourceStart: Float
    section: Section @relationship(type: "PART_OF", direction: OUT)
    tasks: [Task!]! @relationship(type: "PART_OF", direction: IN)
  }
  type Task @node(labels: ["Task"]) @fulltext(indexes: [{ indexName: "plan_search", queryName: "tasksFulltext", fields: ["text"] }]) {
    id: ID!
    kind: String
    text: String
    planId: String
    sourceStart: Float
    measure: Measure @relationship(type: "PART_OF", direction: OUT)
    places: [Place!]! @relationship(type: "MENTIONS", direction: OUT)
    "The current report per place: the latest period (as a period), then the newest record; corrections replace what they supersede."
    latestReports: [ProgressReport!]!
      @cypher(
        statement: """
        MATCH (this)<-[:ABOUT]-(r:ProgressReport)
        WHERE NOT EXISTS { (:ProgressReport)-[:SUPERSEDES]->(r) }
        WITH r, ${PERIOD_END} AS periodEnd
        ORDER BY periodEnd DESC, r.createdAt DESC
        WITH r.placeId AS placeId, collect(r)[0] AS latest
        RETURN latest
        """
        columnName: "latest"
      )
  }
  type Place @node(labels: ["Place"]) {
    id: ID!
    name: String
    shortName: String
  }
  type Region @node(labels: ["Region"]) {
    id: ID!
    name: String
  }
  type SharedTaskCount {
    shortName: String!
    sharedTasks: Int!
  }
  type District @node(labels: ["District"]) {
    id: ID!
    name: String
    shortName: String
    code: String
    region: Region @relationship(type: "WITHIN", direction: OUT)
    tasks: [Task!]! @relationship(type: "MENTIONS", direction: IN)
    projects: [Project!]! @relationship(type: "LOCATED_IN", direction: IN)
    pilotZones: [PilotZone!]! @relationship(type: "HAS_MEMBER", direction: IN)
    "Districts that share tasks of a plan with this one, with the count, most first."
    sharingTasks(planId: String!, limit: Int = 100): [SharedTaskCount!]!
      @cypher(
        statement: """
        MATCH (this)<-[:MENTIONS]-(t:Task {planId: $planId})-[:MENTIONS]->(o:District)
        WHERE o <> this
        WITH o, count(DISTINCT t) AS shared
        ORDER BY shared DESC, o.code
        LIMIT $limit
        RETURN {shortName: o.shortName, sharedTasks: shared} AS row
        """
        columnName: "row"
      )
  }
  type Project @node(labels: ["Project"]) {
    id: ID!
    name: String
    planId: String
  }
  type PilotZone @node(labels: ["PilotZone"]) {
    id: ID!
    name: String
    planId: String
  }
  type Body @node(labels: ["Body"]) {
    id: ID!
    name: String
    "Tasks the body is responsible for, directly or through their measure, once per link, in text order."
    portfolio(planId: String!, limit: Int = 100, offset: Int = 0): [Task!]!
      @cypher(
        statement: """
        ${BODY_LINKS}
        RETURN t ORDER BY t.sourceStart, link SKIP $offset LIMIT $limit
        """
        columnName: "t"
      )
    portfolioCount(planId: String!): Int!
      @cypher(
        statement: """
        ${BODY_LINKS}
        RETURN count(*) AS count
        """
        columnName: "count"
      )
  }
  type ProgressReport @node(labels: ["ProgressReport"]) {
    id: ID!
    period: String
    status: String
    placeId: String
    createdAt: String
  }
`;
