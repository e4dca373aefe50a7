/**
 * The peer: type definitions for @neo4j/graphql over the same labels and relationships that
 * Plan Graph stores, so that the library generates its own Cypher against the same data.
 */
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
    chapter: [Chapter!]! @relationship(type: "PART_OF", direction: OUT)
    measures: [Measure!]! @relationship(type: "PART_OF", direction: IN)
  }
  type Measure @node(labels: ["Measure"]) {
    id: ID!
    title: String
    text: String
    sourceStart: Float
    section: [Section!]! @relationship(type: "PART_OF", direction: OUT)
    tasks: [Task!]! @relationship(type: "PART_OF", direction: IN)
  }
  type Task @node(labels: ["Task"]) @fulltext(indexes: [{ indexName: "plan_text", queryName: "tasksFulltext", fields: ["text"] }]) {
    id: ID!
    kind: String
    text: String
    planId: String
    sourceStart: Float
    measure: [Measure!]! @relationship(type: "PART_OF", direction: OUT)
    places: [Place!]! @relationship(type: "MENTIONS", direction: OUT)
    reports: [ProgressReport!]! @relationship(type: "ABOUT", direction: IN)
  }
  type Place @node(labels: ["Place"]) {
    id: ID!
    name: String
    shortName: String
    code: String
    kind: String
    region: [Place!]! @relationship(type: "WITHIN", direction: OUT)
    tasks: [Task!]! @relationship(type: "MENTIONS", direction: IN)
    projects: [Project!]! @relationship(type: "LOCATED_IN", direction: IN)
    pilotZones: [PilotZone!]! @relationship(type: "HAS_MEMBER", direction: IN)
  }
  type Project @node(labels: ["Project"]) {
    id: ID!
    name: String
  }
  type PilotZone @node(labels: ["PilotZone"]) {
    id: ID!
    name: String
  }
  type Body @node(labels: ["Body"]) {
    id: ID!
    name: String
    tasks: [Task!]! @relationship(type: "RESPONSIBLE", direction: IN)
    measures: [Measure!]! @relationship(type: "RESPONSIBLE", direction: IN)
  }
  type ProgressReport @node(labels: ["ProgressReport"]) {
    id: ID!
    period: String
    status: String
    placeId: String
    createdAt: String
  }
`;
