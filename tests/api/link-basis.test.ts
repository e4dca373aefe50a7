import { SEED_PLAN_ID } from '../../src/load/seed-plan';
import { startTestApi, type TestApi } from '../helpers/api';

/**
 * Every basis and role the data holds comes through the API: a district government's links are
 * `derived` (the task names the district) with the role `deliver`. Both failed as internal errors
 * while the LinkBasis enum lacked `derived` and ingest wrote every task link as `named`.
 */
describe('link bases and roles end to end', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.stop());

  // Read by hand (第三章第五节): 支持垫江、忠县、彭水开展国家县城新型城镇化建设示范。
  const TASK = `${SEED_PLAN_ID}/chp_3__sec_5__para_1__sent_3`;

  const data = (query: string, variables?: Record<string, unknown>) => api.data(query, variables);

  it('answers the bases of every link of a district’s tasks', async () => {
    const d = await data(`{ district(name: "忠县") { tasks(first: 100) { edges { node { id bodyLinks { link { basis role } } } } } } }`);
    const links = d.district.tasks.edges.flatMap((e: any) => e.node.bodyLinks.map((l: any) => l.link));
    expect(d.district.tasks.edges.map((e: any) => e.node.id)).toContain(TASK);
    expect(links.map((l: any) => l.basis)).toContain('derived');
    expect(links.filter((l: any) => l.basis === 'derived').every((l: any) => l.role === 'deliver')).toBe(true);
  });

  it('names the three county governments that deliver the task, with the words that name their counties', async () => {
    const d = await data(`{ node(id: "${TASK}") { ... on Task { bodyLinks(basis: derived) { body { id } link { basis role quote } } } } }`);
    const links = d.node.bodyLinks.map((l: any) => ({ body: l.body.id, ...l.link }));
    // GB/T 2260 codes (seed/chongqing-districts.csv): 垫江县 500231, 忠县 500233, 彭水 500243.
    expect(links).toEqual(
      expect.arrayContaining([
        { body: 'body/gov/500231', basis: 'derived', role: 'deliver', quote: '垫江' },
        { body: 'body/gov/500233', basis: 'derived', role: 'deliver', quote: '忠县' },
        { body: 'body/gov/500243', basis: 'derived', role: 'deliver', quote: '彭水' },
      ]),
    );
    expect(links).toHaveLength(3);
  });

  it('answers a district government’s portfolio with its links', async () => {
    const d = await data(`{ body(id: "body/gov/500233") { tasks(first: 100, role: "deliver") { totalCount edges { node { id } link { basis role quote } } } } }`);
    expect(d.body.tasks.edges.map((e: any) => e.node.id)).toContain(TASK);
    expect(d.body.tasks.edges.every((e: any) => e.link.basis === 'derived' && e.link.role === 'deliver' && e.link.quote === '忠县')).toBe(true);
  });

  it('refuses a role outside the documented list', async () => {
    const { body } = await api.gql(`{ body(id: "body/gov/500233") { tasks(role: "owner") { totalCount } } }`);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'role', problems: [expect.any(String)] }] });
  });
});
