import neo4j, { type Driver } from 'neo4j-driver';
import { highlight, matchRanges } from '../src/graph/read/search-query';

/**
 * The lower bound: for each kind of operation of the bench, one hand-written Cypher statement
 * (one round trip) and the code that shapes its rows into the JSON Plan Graph returns for the same
 * question. It computes what the API computes — real total counts, periods compared as periods
 * (2025 and 2025-H2 end after 2025-Q2), corrections applied, text order — so that it is a bound on
 * the same answer, not on an easier one.
 */

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export type LowerKind = 'dossier' | 'crossReference' | 'search' | 'taskPage' | 'portfolio' | 'planTree';

export interface LowerCall {
  kind: LowerKind;
  params: Record<string, unknown>;
}

interface LowerStatement {
  text: string;
  shape(rows: Json[], params: Json): Json;
}

/** A report's period as the index of its last quarter (see src/monitoring/period.ts). */
const PERIOD_END = `toInteger(substring(r.period, 0, 4)) * 4 + CASE
  WHEN size(r.period) = 4 THEN 3
  WHEN substring(r.period, 5, 1) = 'Q' THEN toInteger(substring(r.period, 6, 1)) - 1
  WHEN r.period ENDS WITH 'H1' THEN 1 ELSE 3 END`;

/**
 * A body's list: one entry per link — a task named in the text and also assigned by remit is
 * listed twice, as Plan Graph lists it — in text order, then by link (basis/role).
 */
const BODY_LINKS = `CALL (b) { MATCH (t:Task)-[r:RESPONSIBLE]->(b) RETURN t, r UNION MATCH (t:Task)-[:PART_OF]->(:Measure)-[r:RESPONSIBLE]->(b) RETURN t, r }
        WITH t, r, r.basis + '/' + coalesce(r.role, '') AS link WHERE t.planId = $plan`;

export const TASK_PAGE_SIZE = 10;

export const LOWER: Record<LowerKind, LowerStatement> = {
  dossier: {
    text: `MATCH (d:District {shortName: $name})
      RETURN d.name AS name,
        COLLECT { MATCH (d)-[:WITHIN]->(r:Region) RETURN r.name } AS region,
        COLLECT { MATCH (d)<-[:MENTIONS]-(t:Task {kind: 'positioning', planId: $plan}) RETURN t.text } AS positioning,
        COLLECT { MATCH (d)<-[:MENTIONS]-(t:Task {planId: $plan})
                  WITH DISTINCT t ORDER BY t.sourceStart LIMIT 100
                  OPTIONAL MATCH (t)-[:PART_OF]->(m:Measure)
                  OPTIONAL MATCH (m)-[:PART_OF]->(s:Section)-[:PART_OF]->(c:Chapter)
                  RETURN {id: t.id, text: t.text, measure: CASE WHEN m IS NULL THEN null ELSE {title: m.title, section: CASE WHEN s IS NULL THEN null ELSE {title: s.title, chapter: {title: c.title}} END} END} } AS tasks,
        COLLECT { MATCH (d)<-[:LOCATED_IN]-(p:Project {planId: $plan}) RETURN p.name } AS projects,
        COLLECT { MATCH (d)<-[:HAS_MEMBER]-(z:PilotZone {planId: $plan}) RETURN z.name } AS pilotZones`,
    shape: ([r]) => ({
      district: {
        name: r.name,
        region: r.region[0] ? { name: r.region[0] } : null,
        positioning: r.positioning.map((text: string) => ({ text })),
        tasks: { edges: r.tasks.map((node: Json) => ({ node })) },
        projects: r.projects.map((name: string) => ({ name })),
        pilotZones: r.pilotZones.map((name: string) => ({ name })),
      },
    }),
  },
  crossReference: {
    text: `MATCH (p:District {shortName: $name})<-[:MENTIONS]-(t:Task {planId: $plan})-[:MENTIONS]->(o:District)
      WHERE o <> p
      WITH o, count(DISTINCT t) AS shared
      RETURN o.shortName AS shortName, shared ORDER BY shared DESC, o.code LIMIT 100`,
    shape: (rows) => ({ districtsSharingTasks: rows.map((r: Json) => ({ district: { shortName: r.shortName }, sharedTasks: r.shared })) }),
  },
  search: {
    // The plan's hits only, from Lucene (the planId clause adds nothing to the score), as Plan Graph asks.
    text: `CALL db.index.fulltext.queryNodes('plan_search', '(text:' + $phrase + ' OR name:' + $phrase + ') AND planId:"' + $plan + '"^0') YIELD node, score
      WHERE node:Task AND node.planId = $plan
      WITH node, score ORDER BY score DESC, node.id
      WITH collect({id: node.id, text: node.text, score: score}) AS hits
      RETURN size(hits) AS total, hits[0..10] AS page`,
    shape: ([r], p) => ({
      search: {
        totalCount: r.total,
        edges: r.page.map((h: Json) => ({ node: { score: h.score, highlight: highlight(h.text, matchRanges(h.text, [p.term])), node: { id: h.id } } })),
      },
    }),
  },
  taskPage: {
    // Keyset on the text position; the total is counted, not taken from the page.
    text: `MATCH (b:Body {id: $id})
      CALL (b) { ${BODY_LINKS} RETURN count(*) AS total }
      RETURN total, COLLECT {
        ${BODY_LINKS} AND ($after IS NULL OR t.sourceStart > $after.start OR (t.sourceStart = $after.start AND link > $after.link))
        WITH t, link ORDER BY t.sourceStart, link LIMIT ${TASK_PAGE_SIZE + 1}
        RETURN {id: t.id, text: t.text, start: t.sourceStart, link: link}
      } AS page`,
    shape: ([r]) => {
      const page = r.page.slice(0, TASK_PAGE_SIZE);
      const last = page[page.length - 1];
      return {
        body: {
          tasks: {
            totalCount: r.total,
            pageInfo: { hasNextPage: r.page.length > TASK_PAGE_SIZE, endCursor: last ? JSON.stringify({ start: last.start, link: last.link }) : null },
            edges: page.map((t: Json) => ({ node: { id: t.id, text: t.text } })),
          },
        },
      };
    },
  },
  portfolio: {
    text: `MATCH (b:Body {id: $id})
      CALL (b) { ${BODY_LINKS} RETURN count(*) AS total }
      RETURN b.name AS name, total, COLLECT {
        ${BODY_LINKS}
        WITH t ORDER BY t.sourceStart, link LIMIT 100
        CALL (t) {
          OPTIONAL MATCH (t)<-[:ABOUT]-(r:ProgressReport) WHERE NOT EXISTS { (:ProgressReport)-[:SUPERSEDES]->(r) }
          WITH r, ${PERIOD_END} AS periodEnd
          ORDER BY periodEnd DESC, r.createdAt DESC
          WITH r.placeId AS placeId, collect(r)[0] AS latest
          RETURN collect(CASE WHEN placeId IS NULL THEN null ELSE {status: latest.status, period: latest.period, placeId: placeId} END) AS latestReports
        }
        RETURN {id: t.id, latestReports: latestReports}
      } AS tasks`,
    shape: ([r]) => ({ body: { name: r.name, tasks: { totalCount: r.total, edges: r.tasks.map((node: Json) => ({ node })) } } }),
  },
  planTree: {
    text: `MATCH (p:Plan {id: $id})
      RETURN COLLECT {
        MATCH (c:Chapter)-[:PART_OF]->(p) WITH c ORDER BY c.number
        RETURN {number: c.number, title: c.title, sections: COLLECT {
          MATCH (s:Section)-[:PART_OF]->(c) WITH s ORDER BY s.number
          RETURN {number: s.number, title: s.title, measures: COLLECT {
            MATCH (m:Measure)-[:PART_OF]->(s) WITH m ORDER BY m.sourceStart
            RETURN {title: m.title, tasks: COLLECT {
              MATCH (t:Task)-[:PART_OF]->(m) WITH t ORDER BY t.sourceStart
              RETURN {id: t.id, places: COLLECT { MATCH (t)-[r:MENTIONS]->(pl:Place) WITH pl, r ORDER BY r.start RETURN {name: pl.name} }}
            }}
          }}
        }}
      } AS chapters`,
    shape: ([r]) => ({ plan: { chapters: r.chapters } }),
  },
};

/** Runs one operation of the lower bound: one statement, shaped into Plan Graph's JSON. */
export async function runLower(driver: Driver, database: string, call: LowerCall): Promise<Json> {
  const statement = LOWER[call.kind];
  const result = await driver.executeQuery(statement.text, call.params, { database, routing: neo4j.routing.READ });
  return { data: statement.shape(result.records.map((r) => r.toObject()), call.params) };
}
