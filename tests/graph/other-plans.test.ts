import type { GraphClient } from '../../src/graph/graph-client';
import { startTestApi, type TestApi } from '../helpers/api';
import { removePlan, testClient } from '../helpers/graph';
import { writeSichuanPlan } from '../helpers/sichuan-plan';

/** A plan of another jurisdiction, with parts, beside the seed: read back through the API. */
describe('a provincial plan with parts', () => {
  const PLAN = 'test-sichuan-parts';
  let client: GraphClient;
  let api: TestApi;

  beforeAll(async () => {
    client = await testClient();
    await removePlan(client, PLAN);
    await writeSichuanPlan(client, PLAN);
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.stop();
    await removePlan(client, PLAN);
    await client.close();
  });

  it('serves its parts, their chapters, its jurisdiction and its ingest report', async () => {
    const { body } = await api.gql(`query($id: ID!) { plan(id: $id) {
      title jurisdiction
      parts { id number title chapters { number title } source { quote line } }
      chapters { number title }
      ingestReport { file counts { parts chapters sections tasks targets } layout { wrapWidth } warnings { line kind } }
      regions { name }
    } }`, { id: PLAN });
    expect(body.errors).toBeUndefined();
    const plan = (body.data as { plan: Record<string, unknown> }).plan;
    expect(plan.title).toBe('四川省新型城镇化规划');
    expect(plan.jurisdiction).toBe('510000');
    expect(plan.parts).toEqual([
      { id: `${PLAN}/part_1`, number: 1, title: '发展基础', chapters: [{ number: 1, title: '发展成就' }], source: { quote: '第一篇 发展基础', line: 3 } },
      { id: `${PLAN}/part_2`, number: 2, title: '空间格局', chapters: [{ number: 2, title: '优化城镇体系' }, { number: 3, title: '推进成渝地区双城经济圈建设' }], source: { quote: '第二篇 空间格局', line: 5 } },
    ]);
    expect(plan.chapters).toEqual([{ number: 1, title: '发展成就' }, { number: 2, title: '优化城镇体系' }, { number: 3, title: '推进成渝地区双城经济圈建设' }]);
    // Chapter 1 describes (no task); chapters 2 and 3 direct: 1 + 2 sentences after their leads.
    expect(plan.ingestReport).toEqual({ file: 'sichuan.txt', counts: { parts: 2, chapters: 3, sections: 1, tasks: 3, targets: 1 }, layout: { wrapWidth: null }, warnings: [] });
    // Regions belong to the plan that defines them: none of Chongqing's here.
    expect(plan.regions).toEqual([]);
  });

  it('links the divisions it names, with their codes, and keeps the seed’s regions', async () => {
    const { body: tasks } = await api.gql(`query($id: ID!) { node(id: $id) { ... on Task { text mood places { ... on Division { code } } } } }`, { id: `${PLAN}/chp_2__sec_1__para_1__sent_1` });
    expect(tasks.errors).toBeUndefined();
    expect(tasks.data).toEqual({ node: { text: '支持成都建设公园城市示范区，推动郫都、武侯协同发展。', mood: 'directive', places: [{ code: '510100' }, { code: '510117' }, { code: '510107' }] } });
    const { body } = await api.gql(`{ cd: node(id: "place/510100") { ... on Division { name code kind } }
      pd: node(id: "place/510117") { ... on Division { name code kind } }
      seed: plan { regions { name } } }`);
    expect(body.errors).toBeUndefined();
    const d = body.data as Record<string, { name?: string; regions?: { name: string }[] }>;
    expect(d.cd).toEqual({ name: '成都市', code: '510100', kind: 'prefecture' });
    expect(d.pd).toEqual({ name: '郫都区', code: '510117', kind: 'county_level' });
    expect(d.seed.regions!.map((r) => r.name)).toEqual(expect.arrayContaining(['一区两群', '主城都市区', '两群']));
  });
});
