import { TASK_PAGE_SIZE, type LowerCall, type LowerKind } from './lower-bound';

/**
 * The operations of the bench, each in three forms that must return the same data: a Plan Graph
 * operation, the lower bound's call (bench/lower-bound.ts: one statement, shaped into Plan Graph's
 * JSON) and the equivalent @neo4j/graphql operation on the expert peer (bench/peer-type-defs.ts).
 * `canonicalOurs` and `canonicalPeer` reduce an answer to the same comparable value — totals and
 * order included — and the bench refuses to time contenders that disagree.
 */

export const PLAN = 'cq-nup-2021-2035';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface GraphQLBody {
  query: string;
  variables: Record<string, unknown>;
}

export interface Operation {
  kind: LowerKind;
  label: string;
  ours: GraphQLBody;
  peer: GraphQLBody;
  lower: LowerCall;
  /** Canonical value of Plan Graph's data (and of the lower bound's, which has the same shape). */
  canonicalOurs(data: Json): Json;
  canonicalPeer(data: Json): Json;
}

const byName = (xs: string[]) => [...xs].sort();

export function dossier(name: string): Operation {
  const taskRow = (id: string, m: Json) => [id, m?.title ?? null, m?.section?.title ?? null, m?.section?.chapter?.title ?? null];
  return {
    kind: 'dossier',
    label: `dossier ${name}`,
    ours: {
      query: `query($name: String!, $plan: String!) { district(name: $name) { name region { name } positioning(planId: $plan) { text }
        tasks(first: 100, planId: $plan) { edges { node { id text measure { title section { title chapter { title } } } } } }
        projects(planId: $plan) { name } pilotZones(planId: $plan) { name } } }`,
      variables: { name, plan: PLAN },
    },
    peer: {
      query: `query($name: String!, $plan: String!) { districts(where: { shortName: { eq: $name } }) { name region { name }
        positioning: tasks(where: { kind: { eq: "positioning" }, planId: { eq: $plan } }) { text }
        tasks(where: { planId: { eq: $plan } }, sort: [{ sourceStart: ASC }], limit: 100) { id text measure { title section { title chapter { title } } } }
        projects(where: { planId: { eq: $plan } }) { name } pilotZones(where: { planId: { eq: $plan } }) { name } } }`,
      variables: { name, plan: PLAN },
    },
    lower: { kind: 'dossier', params: { name, plan: PLAN } },
    canonicalOurs: (d) => ({
      name: d.district.name,
      region: d.district.region?.name ?? null,
      positioning: byName(d.district.positioning.map((p: Json) => p.text)),
      tasks: d.district.tasks.edges.map((e: Json) => taskRow(e.node.id, e.node.measure)),
      projects: byName(d.district.projects.map((p: Json) => p.name)),
      pilotZones: byName(d.district.pilotZones.map((p: Json) => p.name)),
    }),
    canonicalPeer: (d) => {
      const p = d.districts[0];
      return {
        name: p.name,
        region: p.region?.name ?? null,
        positioning: byName(p.positioning.map((t: Json) => t.text)),
        tasks: p.tasks.map((t: Json) => taskRow(t.id, t.measure)),
        projects: byName(p.projects.map((x: Json) => x.name)),
        pilotZones: byName(p.pilotZones.map((x: Json) => x.name)),
      };
    },
  };
}

export function crossReference(name: string): Operation {
  return {
    kind: 'crossReference',
    label: `cross-reference ${name}`,
    ours: {
      query: `query($with: String!, $plan: String) { districtsSharingTasks(with: $with, planId: $plan, first: 100) { district { shortName } sharedTasks } }`,
      variables: { with: name, plan: PLAN },
    },
    peer: {
      query: `query($name: String!, $plan: String!) { districts(where: { shortName: { eq: $name } }) { sharingTasks(planId: $plan, limit: 100) { shortName sharedTasks } } }`,
      variables: { name, plan: PLAN },
    },
    lower: { kind: 'crossReference', params: { name, plan: PLAN } },
    // Order included: most shared first; ties may be ordered differently, so they are compared as sets.
    canonicalOurs: (d) => groupTies(d.districtsSharingTasks.map((x: Json) => [x.district.shortName, x.sharedTasks])),
    canonicalPeer: (d) => groupTies(d.districts[0].sharingTasks.map((x: Json) => [x.shortName, x.sharedTasks])),
  };
}

/** [[name, count] ...] in the order given -> runs of equal count, each run sorted by name. */
function groupTies(rows: [string, number][]): [number, string[]][] {
  const runs: [number, string[]][] = [];
  for (const [name, count] of rows) {
    const last = runs[runs.length - 1];
    if (last && last[0] === count) last[1].push(name);
    else runs.push([count, [name]]);
  }
  return runs.map(([c, names]) => [c, byName(names)]);
}

/** The score as compared: Lucene's float, rounded so that the same score reads the same. */
const score = (s: number) => Math.round(s * 1e5) / 1e5;

export function search(term: string): Operation {
  return {
    kind: 'search',
    label: `search ${term}`,
    ours: {
      query: `query($q: String!, $plan: String) { search(query: $q, first: 10, kinds: [Task], planId: $plan) { totalCount edges { node { score highlight node { ... on Node { id } } } } } }`,
      variables: { q: term, plan: PLAN },
    },
    peer: {
      query: `query($phrase: String!, $plan: String!) { tasksFulltext(phrase: $phrase, first: 10, where: { node: { planId: { eq: $plan } } }, sort: [{ score: DESC }, { node: { id: ASC } }]) { totalCount edges { score node { id text } } } }`,
      variables: { phrase: `"${term}"`, plan: PLAN },
    },
    lower: { kind: 'search', params: { phrase: `"${term}"`, term, plan: PLAN } },
    canonicalOurs: (d) => ({ total: d.search.totalCount, hits: d.search.edges.map((e: Json) => [e.node.node.id, score(e.node.score)]) }),
    canonicalPeer: (d) => ({ total: d.tasksFulltext.totalCount, hits: d.tasksFulltext.edges.map((e: Json) => [e.node.id, score(e.score)]) }),
  };
}

/**
 * Page `page` (1-based) of a body's tasks, TASK_PAGE_SIZE at a time. Each contender pages its own
 * way: Plan Graph with its keyset cursor, the lower bound with the key of the last entry (text
 * position, link),
 * the peer with an offset (the library's cursors are offsets too). `cursors` are the `after`
 * values of Plan Graph and of the lower bound for this page, found by walking the pages before.
 */
export function taskPage(bodyId: string, page: number, cursors: { ours: string | null; lower: { start: number; link: string } | null }): Operation {
  const canonical = (total: number, ids: string[], hasNext: boolean) => ({ total, ids, hasNext });
  return {
    kind: 'taskPage',
    label: `tasks of ${bodyId}, page ${page}`,
    ours: {
      query: `query($id: String!, $plan: String, $after: String) { body(id: $id) { tasks(first: ${TASK_PAGE_SIZE}, after: $after, planId: $plan) { totalCount pageInfo { hasNextPage endCursor } edges { node { id text } } } } }`,
      variables: { id: bodyId, plan: PLAN, after: cursors.ours },
    },
    peer: {
      query: `query($id: ID!, $plan: String!, $offset: Int!) { bodies(where: { id: { eq: $id } }) { portfolioCount(planId: $plan) portfolio(planId: $plan, limit: ${TASK_PAGE_SIZE}, offset: $offset) { id text } } }`,
      variables: { id: bodyId, plan: PLAN, offset: (page - 1) * TASK_PAGE_SIZE },
    },
    lower: { kind: 'taskPage', params: { id: bodyId, plan: PLAN, after: cursors.lower } },
    canonicalOurs: (d) => canonical(d.body.tasks.totalCount, d.body.tasks.edges.map((e: Json) => e.node.id), d.body.tasks.pageInfo.hasNextPage),
    canonicalPeer: (d) => {
      const b = d.bodies[0];
      return canonical(b.portfolioCount, b.portfolio.map((t: Json) => t.id), page * TASK_PAGE_SIZE < b.portfolioCount);
    },
  };
}

export function portfolio(bodyId: string): Operation {
  const reports = (rs: Json[]) => rs.map((r: Json) => `${r.placeId}:${r.period}:${r.status}`).sort();
  return {
    kind: 'portfolio',
    label: `portfolio ${bodyId}`,
    ours: {
      query: `query($id: String!, $plan: String) { body(id: $id) { name tasks(first: 100, planId: $plan) { totalCount edges { node { id latestReports { status period placeId } } } } } }`,
      variables: { id: bodyId, plan: PLAN },
    },
    peer: {
      query: `query($id: ID!, $plan: String!) { bodies(where: { id: { eq: $id } }) { name portfolioCount(planId: $plan)
        portfolio(planId: $plan, limit: 100) { id latestReports { status period placeId } } } }`,
      variables: { id: bodyId, plan: PLAN },
    },
    lower: { kind: 'portfolio', params: { id: bodyId, plan: PLAN } },
    // Tasks in text order; the latest reports of a task as a set (one per place).
    canonicalOurs: (d) => ({ name: d.body.name, total: d.body.tasks.totalCount, tasks: d.body.tasks.edges.map((e: Json) => [e.node.id, reports(e.node.latestReports)]) }),
    canonicalPeer: (d) => {
      const b = d.bodies[0];
      return { name: b.name, total: b.portfolioCount, tasks: b.portfolio.map((t: Json) => [t.id, reports(t.latestReports)]) };
    },
  };
}

export function planTree(): Operation {
  const canonical = (chapters: Json[]) =>
    chapters.map((c: Json) => [c.number, c.title, c.sections.map((s: Json) => [s.number, s.title, s.measures.map((m: Json) => [m.title, m.tasks.map((t: Json) => [t.id, byName(t.places.map((p: Json) => p.name))])])])]);
  return {
    kind: 'planTree',
    label: 'plan tree',
    ours: {
      query: `query($id: ID) { plan(id: $id) { chapters { number title sections { number title measures { title tasks { id places { name } } } } } } }`,
      variables: { id: PLAN },
    },
    peer: {
      query: `query($id: ID!) { plans(where: { id: { eq: $id } }) { chapters(sort: [{ number: ASC }]) { number title sections(sort: [{ number: ASC }]) { number title
        measures(sort: [{ sourceStart: ASC }]) { title tasks(sort: [{ sourceStart: ASC }]) { id places { name } } } } } } }`,
      variables: { id: PLAN },
    },
    lower: { kind: 'planTree', params: { id: PLAN } },
    canonicalOurs: (d) => canonical(d.plan.chapters),
    canonicalPeer: (d) => canonical(d.plans[0].chapters),
  };
}
