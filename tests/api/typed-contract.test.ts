import { SEED_PLAN_ID } from '../../src/load/seed-plan';
import { startTestApi, type TestApi } from '../helpers/api';
import { issueTestKey } from '../helpers/keys';

/**
 * The contract's types carry meaning: enums for closed sets, non-null where the data guarantees a
 * value, the search hit a union of what search finds, count-only pages, one BAD_USER_INPUT shape,
 * contradictory arguments refused. Expected values are read in seed/ by hand.
 */
describe('typed contract', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.stop());

  const data = (query: string, variables?: Record<string, unknown>) => api.data(query, variables);

  it('answers closed sets as enum values (seed: 专栏1 is the indicator table; row 1 reads ≥73, 预期性)', async () => {
    const d = await data(`{
      node(id: "${SEED_PLAN_ID}/box_1__ind_1") { ... on Indicator { name target targetText targetComparison attribute } }
      plan { issuedOn boxes { number boxKind } }
      district(name: "忠县") { placeKind code region { name } government { name bodyKind } }
    }`);
    // seed line 165: 1	常住人口城镇化率(%)	69.46	≥73	预期性
    expect(d.node).toEqual({ name: '常住人口城镇化率', target: 73, targetText: '≥73', targetComparison: 'gte', attribute: '预期性' });
    expect(d.plan.boxes.find((b: any) => b.number === 1).boxKind).toBe('indicators');
    // seed/chongqing-districts.csv: 500233,忠县,忠县,county,渝东北三峡库区城镇群
    expect(d.district).toEqual({ placeKind: 'county', code: '500233', region: { name: '渝东北三峡库区城镇群' }, government: { name: '忠县人民政府', bodyKind: 'government' } });
    // seed line 12: 2022年1月25日
    expect(d.plan.issuedOn).toBe('2022-01-25');
  });

  it('reads the comparators of 专栏1 as written (68左右 about, <5.5 lt, 15 eq)', async () => {
    const d = await data(`{ a: node(id: "${SEED_PLAN_ID}/box_1__ind_2") { ... on Indicator { targetComparison targetComparator } }
      b: node(id: "${SEED_PLAN_ID}/box_1__ind_3") { ... on Indicator { targetComparison targetComparator } }
      c: node(id: "${SEED_PLAN_ID}/box_1__ind_4") { ... on Indicator { targetComparison targetComparator } } }`);
    expect([d.a, d.b, d.c]).toEqual([
      { targetComparison: 'about', targetComparator: 'about' },
      { targetComparison: 'lt', targetComparator: '<' },
      { targetComparison: 'eq', targetComparator: '=' },
    ]);
  });

  it('lets one fragment on Node select the kinds, titles and units of every type side by side', async () => {
    const d = await data(`{ a: node(id: "${SEED_PLAN_ID}/box_1__ind_1") { ...all } b: node(id: "place/500233") { ...all } c: node(id: "body/gov/500233") { ...all } }
      fragment all on Node { __typename ... on Task { kind } ... on Place { placeKind } ... on Body { bodyKind } ... on Box { boxKind title } ... on Measure { heading }
        ... on Chapter { title } ... on Indicator { unit } ... on Target { statedUnit comparison } ... on Project { projectKind } }`);
    expect(d.a).toEqual({ __typename: 'Indicator', unit: '%' });
    expect(d.b).toEqual({ __typename: 'District', placeKind: 'county' });
    expect(d.c).toEqual({ __typename: 'Body', bodyKind: 'government' });
  });

  it('answers search hits as the union of the searchable types, with a highlight on every hit', async () => {
    const d = await data(`{ search(query: "保障性租赁住房", first: 20) { edges { node { highlight node { __typename ... on Node { id } } } } } }`);
    expect(d.search.edges.length).toBeGreaterThan(0);
    for (const e of d.search.edges) {
      expect(['Measure', 'Task', 'Indicator', 'Target', 'Project']).toContain(e.node.node.__typename);
      expect(typeof e.node.highlight).toBe('string');
    }
    // Selecting a field of Node straight on the union is not valid any more: it is not a Node.
    const { body } = await api.gql(`{ search(query: "县") { edges { node { node { id } } } } }`);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('counts without reading: first: 0 gives totalCount and no edges (忠县: 7 tasks, read by hand in contract.test.ts)', async () => {
    const d = await data(`{ district(name: "忠县") { tasks(first: 0, planId: "${SEED_PLAN_ID}") { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }
      search(query: "保障性租赁住房", first: 0) { totalCount edges { cursor } pageInfo { hasNextPage } } }`);
    expect(d.district.tasks).toEqual({ totalCount: 7, edges: [], pageInfo: { hasNextPage: true, endCursor: null } });
    expect(d.search.edges).toEqual([]);
    expect(d.search.totalCount).toBeGreaterThan(0);
    expect(d.search.pageInfo.hasNextPage).toBe(true);
  });

  it('pages backward: the last two of 忠县’s seven tasks, in text order (the seven read by hand in export/read-back.test.ts)', async () => {
    const page = async (args: string) => (await data(`{ district(name: "忠县") { tasks(planId: "${SEED_PLAN_ID}", ${args}) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor } } } }`)).district.tasks;
    const last = await page('last: 2');
    expect(last.totalCount).toBe(7);
    expect(last.edges.map((e: any) => e.node.id)).toEqual([`${SEED_PLAN_ID}/box_7__entry_3`, `${SEED_PLAN_ID}/box_9__entry_2`]);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const before = await page(`last: 3, before: "${last.pageInfo.startCursor}"`);
    expect(before.edges.map((e: any) => e.node.id)).toEqual([`${SEED_PLAN_ID}/chp_3__sec_3__para_2__sent_4`, `${SEED_PLAN_ID}/box_4__entry_7`, `${SEED_PLAN_ID}/chp_3__sec_5__para_1__sent_3`]);
    expect(before.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    // Between two cursors: after the first edge and before the last.
    const all = await page('first: 7');
    const between = await page(`first: 7, after: "${all.edges[0].cursor}", before: "${all.edges[6].cursor}"`);
    expect(between.edges.map((e: any) => e.node.id)).toEqual(all.edges.slice(1, 6).map((e: any) => e.node.id));
  });

  it('refuses first with last, a last over the page limit, and a cursor of another list', async () => {
    const both = await api.gql(`{ district(name: "忠县") { tasks(first: 2, last: 2) { totalCount } } }`);
    const above = await api.gql(`{ district(name: "忠县") { tasks(last: 101) { totalCount } } }`);
    const searchCursor = (await data(`{ search(query: "县", first: 1) { edges { cursor } } }`)).search.edges[0].cursor;
    const foreign = await api.gql(`{ district(name: "忠县") { tasks(last: 2, before: "${searchCursor}") { totalCount } } }`);
    expect(both.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'last', problems: ['give first or last, not both'] }] });
    expect(above.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'last', problems: ['last must be at most 100'] }] });
    expect(foreign.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'before', problems: [expect.stringContaining('`before`')] }] });
  });

  it('pages the cross-reference: 万州’s sharing districts as a connection agree with the deprecated list', async () => {
    const d = await data(`{ districtsSharingTasks(with: "万州", planId: "${SEED_PLAN_ID}", first: 100) { district { id } sharedTasks }
      districtsSharingTasksConnection(with: "万州", planId: "${SEED_PLAN_ID}", first: 100) { totalCount edges { node { id shortName } sharedTasks } } }`);
    const connection = d.districtsSharingTasksConnection;
    expect(connection.edges.map((e: any) => e.node.shortName)).toContain('开州');
    expect(connection.totalCount).toBe(d.districtsSharingTasks.length);
    expect(connection.edges.map((e: any) => ({ district: { id: e.node.id }, sharedTasks: e.sharedTasks }))).toEqual(d.districtsSharingTasks);
  });

  it('gives every BAD_USER_INPUT one shape: extensions.fields with each field and its problems', async () => {
    const below = await api.gql(`{ district(name: "忠县") { tasks(first: -1) { totalCount } } }`);
    const above = await api.gql(`{ district(name: "忠县") { tasks(first: 101) { totalCount } } }`);
    const cursor = await api.gql(`{ district(name: "忠县") { tasks(after: "nonsense") { totalCount } } }`);
    for (const { body } of [below, above, cursor]) {
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.extensions?.field).toBeUndefined();
      expect(body.errors?.[0]?.extensions?.fields).toEqual([{ field: expect.any(String), problems: [expect.any(String)] }]);
    }
    expect(below.body.errors![0].extensions!.fields).toEqual([{ field: 'first', problems: [expect.any(String)] }]);
    expect(above.body.errors![0].extensions!.fields).toEqual([{ field: 'first', problems: ['first must be at most 100'] }]);
    expect(cursor.body.errors![0].extensions!.fields).toEqual([{ field: 'after', problems: [expect.any(String)] }]);
  });

  it('refuses contradictory arguments: 万州 is not 500233 (忠县)', async () => {
    const { status, body } = await api.gql(`{ district(name: "万州", code: "500233") { name } }`);
    expect(status).toBe(200);
    expect(body.data?.district).toBeNull();
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'code', problems: [expect.stringContaining('万州')] }] });
    // Agreeing arguments answer as either alone (seed/chongqing-districts.csv: 500233,忠县).
    expect((await data(`{ district(name: "忠县", code: "500233") { name code } }`)).district).toEqual({ name: '忠县', code: '500233' });
  });

  it('refetches records by id: reports, observations and audit events are Nodes; events about keys only in the audit trail', async () => {
    const editor = await issueTestKey(api.graph, 'typed contract editor', 'editor');
    const admin = await issueTestKey(api.graph, 'typed contract admin', 'admin');
    const post = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const res = await fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as { data?: any; errors?: unknown[] };
    };
    const report = await post(
      `mutation($input: ReportProgressInput!) { reportProgress(input: $input) { id createdAt evidence } }`,
      { input: { taskId: `${SEED_PLAN_ID}/chp_3__sec_5__para_1__sent_3`, place: '忠县', period: '2025-Q3', status: 'in_progress', reporter: '忠县发展改革委', evidence: ['https://example.org/zhong/2025q3'] } },
      editor.token,
    );
    expect(report.errors).toBeUndefined();
    const observation = await post(
      `mutation($input: RecordObservationInput!) { recordObservation(input: $input) { id } }`,
      { input: { indicatorId: `${SEED_PLAN_ID}/box_1__ind_1`, year: 2024, value: 71.2, source: '统计公报', reporter: '市统计局' } },
      editor.token,
    );
    expect(observation.errors).toBeUndefined();
    const keyEvent = await post(`mutation { issueApiKey(name: "typed contract other", role: "editor") { key { keyId role createdAt } } }`, {}, admin.token);
    expect(keyEvent.errors).toBeUndefined();
    expect(keyEvent.data.issueApiKey.key.role).toBe('editor');
    const reportId: string = report.data.reportProgress.id;
    const observationId: string = observation.data.recordObservation.id;
    expect(reportId).toMatch(/^report\//);
    expect(observationId).toMatch(/^observation\//);
    expect(report.data.reportProgress.evidence).toEqual(['https://example.org/zhong/2025q3']);
    expect(report.data.reportProgress.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

    const trail = await post(`{ auditTrail(first: 100) { edges { node { id action } } } }`, {}, admin.token);
    const events: { id: string; action: string }[] = trail.data.auditTrail.edges.map((e: any) => e.node);
    const reportEvent = events.find((e) => e.action === 'report.create')!;
    const issueEvent = events.find((e) => e.action === 'key.issue')!;
    expect(reportEvent.id).toMatch(/^audit\//);
    expect(issueEvent.id).toMatch(/^audit\//);

    const refetch = `query($a: ID!, $b: ID!, $c: ID!, $d: ID!) {
      a: node(id: $a) { __typename id ... on ProgressReport { status place { name } } }
      b: node(id: $b) { __typename id ... on Observation { year value dataSource } }
      c: node(id: $c) { __typename id ... on AuditEvent { action } }
      d: node(id: $d) { __typename id } }`;
    const ids = { a: reportId, b: observationId, c: reportEvent.id, d: issueEvent.id };
    const anonymous = await post(refetch, ids);
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data).toEqual({
      a: { __typename: 'ProgressReport', id: reportId, status: 'in_progress', place: { name: '忠县' } },
      b: { __typename: 'Observation', id: observationId, year: 2024, value: 71.2, dataSource: '统计公报' },
      c: { __typename: 'AuditEvent', id: reportEvent.id, action: 'report.create' },
      d: null,
    });
    // An answer of node(id:) is the same for every caller: events about keys are read by admins in the trail.
    const byAdmin = await post(refetch, ids, admin.token);
    expect(byAdmin.errors).toBeUndefined();
    expect(byAdmin.data.d).toBeNull();
    expect(byAdmin.data.c).toEqual(anonymous.data.c);
  });
});
