import { highlight, matchRanges } from '../src/graph/read/search-query';

/**
 * The query mix, one per kind of user, each in three forms that must return the same data:
 * a Plan Graph operation, the hand-written Cypher of the lower bound (one round trip, the same
 * JSON), and the equivalent @neo4j/graphql operation. `canonical*` reduce each answer to the
 * same comparable shape; the bench refuses to time contenders that disagree.
 */

export const PLAN = 'cq-nup-2021-2035';
const DISTRICT_KINDS = ['district', 'county', 'autonomous_county'];

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface BenchQuery {
  name: string;
  user: string;
  nested: boolean;
  ours: { query: string; variables: Record<string, unknown> };
  peer: { query: string; variables: Record<string, unknown> };
  cypher: { text: string; params: Record<string, unknown> };
  /** Turns the lower bound's rows into the JSON our API returns for the same question. */
  shapeCypher(rows: Json[]): Json;
  canonicalOurs(data: Json): Json;
  canonicalPeer(data: Json): Json;
  canonicalCypher(json: Json): Json;
}

const sortBy = <T>(xs: T[], key: (x: T) => string) => [...xs].sort((a, b) => key(a).localeCompare(key(b)));

const dossier: BenchQuery = {
  name: 'district dossier',
  user: 'researcher',
  nested: true,
  ours: {
    query: `query($name: String!, $plan: String!) { district(name: $name) { name region { name } positioning { text }
      tasks(first: 100, planId: $plan) { edges { node { id text measure { title section { title chapter { title } } } } } }
      projects { name } pilotZones { name } } }`,
    variables: { name: '万州', plan: PLAN },
  },
  peer: {
    query: `query($name: String!, $plan: String!) { places(where: { shortName: { eq: $name } }) { name region { name }
      tasks(where: { planId: { eq: $plan } }, sort: [{ sourceStart: ASC }], limit: 100) { id kind text measure { title section { title chapter { title } } } }
      projects { name } pilotZones { name } } }`,
    variables: { name: '万州', plan: PLAN },
  },
  cypher: {
    text: `MATCH (d:District {shortName: $name})
      RETURN d.name AS name,
        COLLECT { MATCH (d)-[:WITHIN]->(r:Region) RETURN r.name } AS region,
        COLLECT { MATCH (d)<-[:MENTIONS]-(t:Task {kind: 'positioning'}) RETURN t.text } AS positioning,
        COLLECT { MATCH (d)<-[:MENTIONS]-(t:Task {planId: $plan})
                  OPTIONAL MATCH (t)-[:PART_OF]->(m:Measure)
                  OPTIONAL MATCH (m)-[:PART_OF]->(s:Section)-[:PART_OF]->(c:Chapter)
                  WITH t, m, s, c ORDER BY t.sourceStart LIMIT 100
                  RETURN {id: t.id, text: t.text, measure: CASE WHEN m IS NULL THEN null ELSE {title: m.title, section: CASE WHEN s IS NULL THEN null ELSE {title: s.title, chapter: {title: c.title}} END} END} } AS tasks,
        COLLECT { MATCH (d)<-[:LOCATED_IN]-(p:Project) RETURN p.name } AS projects,
        COLLECT { MATCH (d)<-[:HAS_MEMBER]-(z:PilotZone) RETURN z.name } AS pilotZones`,
    params: { name: '万州', plan: PLAN },
  },
  shapeCypher: ([r]) => ({
    district: {
      name: r.name,
      region: r.region[0] ? { name: r.region[0] } : null,
      positioning: r.positioning.map((text: string) => ({ text })),
      tasks: { edges: r.tasks.map((node: Json) => ({ node })) },
      projects: r.projects.map((name: string) => ({ name })),
      pilotZones: r.pilotZones.map((name: string) => ({ name })),
    },
  }),
  canonicalOurs: (d) => ({
    name: d.district.name,
    region: d.district.region?.name,
    positioning: d.district.positioning.map((p: Json) => p.text).sort(),
    tasks: d.district.tasks.edges.map((e: Json) => [e.node.id, e.node.measure?.title ?? null, e.node.measure?.section?.title ?? null, e.node.measure?.section?.chapter?.title ?? null]),
    projects: d.district.projects.map((p: Json) => p.name).sort(),
    pilotZones: d.district.pilotZones.map((p: Json) => p.name).sort(),
  }),
  canonicalPeer: (d) => {
    const p = d.places[0];
    return {
      name: p.name,
      region: p.region[0]?.name,
      positioning: p.tasks.filter((t: Json) => t.kind === 'positioning').map((t: Json) => t.text).sort(),
      tasks: p.tasks.map((t: Json) => [t.id, t.measure[0]?.title ?? null, t.measure[0]?.section[0]?.title ?? null, t.measure[0]?.section[0]?.chapter[0]?.title ?? null]),
      projects: p.projects.map((x: Json) => x.name).sort(),
      pilotZones: p.pilotZones.map((x: Json) => x.name).sort(),
    };
  },
  canonicalCypher: (j) => dossier.canonicalOurs(j),
};

const crossReference: BenchQuery = {
  name: 'cross-reference',
  user: 'researcher',
  nested: false,
  ours: {
    query: `query($with: String!, $plan: String) { districtsSharingTasks(with: $with, planId: $plan, first: 100) { district { shortName } sharedTasks } }`,
    variables: { with: '万州', plan: PLAN },
  },
  peer: {
    query: `query($name: String!, $plan: String!, $kinds: [String!]) { places(where: { shortName: { eq: $name } }) {
      tasks(where: { planId: { eq: $plan } }) { id places(where: { kind: { in: $kinds } }) { shortName } } } }`,
    variables: { name: '万州', plan: PLAN, kinds: DISTRICT_KINDS },
  },
  cypher: {
    text: `MATCH (p:District {shortName: $name})<-[:MENTIONS]-(t:Task {planId: $plan})-[:MENTIONS]->(o:District)
      WHERE o <> p
      WITH o, count(DISTINCT t) AS shared
      RETURN o.shortName AS shortName, shared ORDER BY shared DESC, o.code`,
    params: { name: '万州', plan: PLAN },
  },
  shapeCypher: (rows) => ({ districtsSharingTasks: rows.map((r: Json) => ({ district: { shortName: r.shortName }, sharedTasks: r.shared })) }),
  canonicalOurs: (d) => sortBy(d.districtsSharingTasks.map((x: Json) => `${x.district.shortName}:${x.sharedTasks}`), (s: string) => s),
  canonicalPeer: (d) => {
    // The peer has no aggregation across paths: the client counts.
    const counts = new Map<string, number>();
    for (const t of d.places[0].tasks) for (const p of t.places) if (p.shortName !== '万州') counts.set(p.shortName, (counts.get(p.shortName) ?? 0) + 1);
    return sortBy([...counts].map(([k, v]) => `${k}:${v}`), (s) => s);
  },
  canonicalCypher: (j) => crossReference.canonicalOurs(j),
};

const SEARCH_TERM = '保障性租赁住房';
const search: BenchQuery = {
  name: 'full-text search',
  user: 'researcher',
  nested: false,
  ours: {
    query: `query($q: String!, $plan: String) { search(query: $q, first: 10, kinds: [Task], planId: $plan) { totalCount edges { node { score highlight node { ... on Node { id } } } } } }`,
    variables: { q: SEARCH_TERM, plan: PLAN },
  },
  peer: {
    query: `query($phrase: String!, $plan: String!) { tasksFulltext(phrase: $phrase, first: 10, where: { node: { planId: { eq: $plan } } }) { edges { score node { id text } } } }`,
    variables: { phrase: `"${SEARCH_TERM}"`, plan: PLAN },
  },
  cypher: {
    text: `CALL db.index.fulltext.queryNodes('plan_text', $phrase) YIELD node, score
      WHERE node:Task AND node.planId = $plan
      WITH node, score ORDER BY score DESC, node.id
      WITH collect({id: node.id, text: node.text, score: score}) AS hits
      RETURN size(hits) AS total, hits[0..10] AS page`,
    params: { phrase: `"${SEARCH_TERM}"`, plan: PLAN },
  },
  shapeCypher: ([r]) => ({
    search: {
      totalCount: r.total,
      edges: r.page.map((h: Json) => ({ node: { score: h.score, highlight: highlight(h.text, matchRanges(h.text, [SEARCH_TERM])), node: { id: h.id } } })),
    },
  }),
  canonicalOurs: (d) => d.search.edges.map((e: Json) => e.node.node.id).sort(),
  canonicalPeer: (d) => d.tasksFulltext.edges.map((e: Json) => e.node.id).sort(),
  canonicalCypher: (j) => search.canonicalOurs(j),
};

const planTree: BenchQuery = {
  name: 'whole plan tree',
  user: 'front-end',
  nested: true,
  ours: {
    query: `query($id: ID) { plan(id: $id) { chapters { number title sections { number title measures { title tasks { id places { name } } } } } } }`,
    variables: { id: PLAN },
  },
  peer: {
    query: `query($id: ID!) { plans(where: { id: { eq: $id } }) { chapters(sort: [{ number: ASC }]) { number title sections(sort: [{ number: ASC }]) { number title
      measures(sort: [{ sourceStart: ASC }]) { title tasks(sort: [{ sourceStart: ASC }]) { id places { name } } } } } } }`,
    variables: { id: PLAN },
  },
  cypher: {
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
    params: { id: PLAN },
  },
  shapeCypher: ([r]) => ({ plan: { chapters: r.chapters } }),
  canonicalOurs: (d) =>
    d.plan.chapters.map((c: Json) => [c.number, c.title, c.sections.map((s: Json) => [s.number, s.title, s.measures.map((m: Json) => [m.title, m.tasks.map((t: Json) => [t.id, t.places.map((p: Json) => p.name).sort()])])])]),
  canonicalPeer: (d) => planTree.canonicalOurs({ plan: d.plans[0] }),
  canonicalCypher: (j) => planTree.canonicalOurs(j),
};

const BODY = 'body/housing-urban-rural-development-commission';
const portfolio: BenchQuery = {
  name: 'body portfolio with statuses',
  user: 'auditor',
  nested: true,
  ours: {
    query: `query($id: String!, $plan: String) { body(id: $id) { name tasks(first: 100, planId: $plan) { totalCount edges { node { id latestReports { status period placeId } } } } } }`,
    variables: { id: BODY, plan: PLAN },
  },
  peer: {
    query: `query($id: ID!, $plan: String!) { bodies(where: { id: { eq: $id } }) { name
      tasks(where: { planId: { eq: $plan } }) { id sourceStart reports { id status period placeId createdAt } }
      measures { tasks(where: { planId: { eq: $plan } }) { id sourceStart reports { id status period placeId createdAt } } } } }`,
    variables: { id: BODY, plan: PLAN },
  },
  cypher: {
    text: `MATCH (b:Body {id: $id})
      RETURN b.name AS name, COLLECT {
        CALL (b) { MATCH (t:Task)-[:RESPONSIBLE]->(b) RETURN t UNION MATCH (t:Task)-[:PART_OF]->(:Measure)-[:RESPONSIBLE]->(b) RETURN t }
        WITH t WHERE t.planId = $plan
        WITH t ORDER BY t.sourceStart LIMIT 100
        CALL (t) {
          OPTIONAL MATCH (r:ProgressReport {taskId: t.id}) WHERE NOT EXISTS { (:ProgressReport)-[:SUPERSEDES]->(r) }
          WITH r ORDER BY r.period DESC, r.createdAt DESC
          WITH r.placeId AS placeId, collect(r)[0] AS latest
          RETURN collect(CASE WHEN placeId IS NULL THEN null ELSE {status: latest.status, period: latest.period, placeId: placeId} END) AS latestReports
        }
        RETURN {id: t.id, latestReports: latestReports}
      } AS tasks`,
    params: { id: BODY, plan: PLAN },
  },
  shapeCypher: ([r]) => ({ body: { name: r.name, tasks: { totalCount: r.tasks.length, edges: r.tasks.map((node: Json) => ({ node })) } } }),
  canonicalOurs: (d) => d.body.tasks.edges.map((e: Json) => [e.node.id, e.node.latestReports.map((r: Json) => `${r.placeId}:${r.period}:${r.status}`).sort()]).sort(),
  canonicalPeer: (d) => {
    const b = d.bodies[0];
    const tasks = new Map<string, Json>();
    for (const t of [...b.tasks, ...b.measures.flatMap((m: Json) => m.tasks)]) tasks.set(t.id, t);
    return [...tasks.values()].map((t: Json) => {
      // The client picks the latest report per place: newest period, then newest record.
      const latest = new Map<string, Json>();
      for (const r of [...t.reports].sort((x: Json, y: Json) => y.period.localeCompare(x.period) || y.createdAt.localeCompare(x.createdAt))) if (!latest.has(r.placeId)) latest.set(r.placeId, r);
      return [t.id, [...latest.values()].map((r: Json) => `${r.placeId}:${r.period}:${r.status}`).sort()];
    }).sort();
  },
  canonicalCypher: (j) => portfolio.canonicalOurs(j),
};

export const QUERIES: BenchQuery[] = [dossier, crossReference, search, planTree, portfolio];
