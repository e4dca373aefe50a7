import { SEED_PLAN_ID } from '../../src/load/seed-plan';
import { startTestApi, type TestApi } from '../helpers/api';

/** Every field of the contract, answered over real HTTP from the real Neo4j with the seed loaded. */
describe('GraphQL contract', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.stop());

  const data = (query: string, variables?: Record<string, unknown>) => api.data(query, variables);

  it('plan and plans: the seeded plan by default and by id', async () => {
    const d = await data(`{ plans { id } plan { id title documentNumber chapters { number } } byId: plan(id: "${SEED_PLAN_ID}") { id } }`);
    expect(d.plans.map((p: any) => p.id)).toEqual([SEED_PLAN_ID]); // the file starts on the seed state: one plan
    expect(d.plan).toMatchObject({ id: SEED_PLAN_ID, title: '重庆市新型城镇化规划(2021—2035 年)', documentNumber: '渝府发〔2022〕9号' });
    expect(d.plan.chapters).toHaveLength(9);
    expect(d.byId.id).toBe(SEED_PLAN_ID);
  });

  it('district by full name, short name and code; its tasks checked by hand', async () => {
    const q = `query($name: String, $code: String) { district(name: $name, code: $code) { id code name shortName kind region { name } } }`;
    const byName = (await data(q, { name: '石柱土家族自治县' })).district;
    const byShort = (await data(q, { name: '石柱' })).district;
    const byCode = (await data(q, { code: '500240' })).district;
    expect(byName).toEqual(byShort);
    expect(byCode).toEqual(byShort);
    expect(byShort).toMatchObject({ code: '500240', kind: 'autonomous_county', region: { name: '渝东南武陵山区城镇群' } });

    const zhong = (await data(`{ district(name: "忠县") { tasks(first: 50, planId: "${SEED_PLAN_ID}") { totalCount edges { node { id kind text } link { basis quote } } } } }`)).district.tasks;
    // Read by hand: 忠县 is named in 3 sentences of 3.3, the 3.5 pilot sentence, 专栏4 (positioning),
    // 专栏7 (G348忠县县城至涂井) and 专栏9 (市级城乡融合发展先行示范区).
    expect(zhong.totalCount).toBe(7);
    expect(zhong.edges.map((e: any) => e.node.id.replace(`${SEED_PLAN_ID}/`, ''))).toEqual([
      'chp_3__sec_3__para_1__sent_1',
      'chp_3__sec_3__para_1__sent_3',
      'chp_3__sec_3__para_2__sent_4',
      'box_4__entry_7',
      'chp_3__sec_5__para_1__sent_3',
      'box_7__entry_3',
      'box_9__entry_2',
    ]);
    expect(zhong.edges.every((e: any) => e.node.text.includes('忠县') && e.link.basis === 'text' && e.link.quote === '忠县')).toBe(true);
  });

  it('place: any kind of place, including a region by its alias and a zone', async () => {
    const q = `query($n: String!) { place(name: $n) { __typename id name ... on Region { districts { shortName } } ... on Zone { districts { shortName } } } }`;
    const region = (await data(q, { n: '主城区' })).place;
    expect(region).toMatchObject({ __typename: 'Region', name: '主城都市区' });
    expect(region.districts).toHaveLength(21);
    const zone = (await data(q, { n: '两江新区' })).place;
    expect(zone).toMatchObject({ __typename: 'Zone' });
    expect(zone.districts.map((d: any) => d.shortName).sort()).toEqual(['北碚', '江北', '渝北'].sort());
    expect((await data(q, { n: '成都' })).place.__typename).toBe('OutsidePlace');
    expect((await data(q, { n: '不存在的地方' })).place).toBeNull();
  });

  it('districts, all or of one region', async () => {
    const all = (await data(`{ districts { code } }`)).districts;
    expect(all).toHaveLength(38);
    const ne = (await data(`{ districts(region: "渝东北三峡库区城镇群") { shortName } }`)).districts.map((d: any) => d.shortName);
    expect(ne).toEqual(['万州', '开州', '梁平', '城口', '丰都', '垫江', '忠县', '云阳', '奉节', '巫山', '巫溪']);
    const { body } = await api.gql(`{ districts(region: "火星") { code } }`);
    expect(body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('the plan tree: chapters, sections, measures, tasks, with sources', async () => {
    const d = await data(`{ plan { chapters { number sections { number title chapter { number } measures { title tasks { id } source { line } } } } } }`);
    const ch4 = d.plan.chapters[3];
    expect(ch4.sections.map((s: any) => s.measures.length)).toEqual([2, 5, 2, 3]);
    expect(ch4.sections[0].measures[0]).toMatchObject({ title: '深化户籍制度改革', source: { line: 351 } });
    expect(ch4.sections[0].measures[0].tasks).toHaveLength(4);
    expect(ch4.sections[0].chapter.number).toBe(4);
  });

  it('boxes, the 9 indicators with baselines and targets, targets, projects, pilot zones, regions', async () => {
    const d = await data(`{ plan {
      boxes { number title }
      indicators { name unit baseline target targetComparator attribute targets { year } }
      targets { id } projects { name areaKm2 places { name } } pilotZones { name areaKm2 members { name } }
      regions { name } } }`);
    expect(d.plan.boxes).toHaveLength(9);
    expect(d.plan.boxes[0]).toEqual({ number: 1, title: '“十四五”新型城镇化主要发展目标' });
    expect(d.plan.indicators).toHaveLength(9);
    expect(d.plan.indicators[0]).toMatchObject({ name: '常住人口城镇化率', unit: '%', baseline: 69.46, target: 73, targetComparator: '>=', attribute: '预期性' });
    expect(d.plan.indicators[0].targets.map((t: any) => t.year).sort()).toEqual([2025, 2025, 2035]);
    expect(d.plan.indicators[3]).toMatchObject({ baseline: null, target: 15 });
    expect(d.plan.indicators[6]).toMatchObject({ name: '空气质量优良天数比率', attribute: '约束性' });
    expect(d.plan.targets.length).toBeGreaterThanOrEqual(50);
    expect(d.plan.projects.find((p: any) => p.name === '广阳岛')).toMatchObject({ areaKm2: 168 });
    expect(d.plan.pilotZones[0]).toMatchObject({ name: '国家城乡融合发展试验区重庆西部片区', areaKm2: 15000 });
    expect(d.plan.pilotZones[0].members).toHaveLength(9);
    expect(d.plan.regions.map((r: any) => r.name)).toEqual(expect.arrayContaining(['一区两群', '主城都市区', '中心城区', '主城新区', '两群']));
  });

  it('task: measure, box, places, bodies, source', async () => {
    const id = `${SEED_PLAN_ID}/chp_4__sec_4__para_1__sent_1`;
    const d = await data(`query($id: ID!) { node(id: $id) { ... on Task { id text measure { title } box { id } bodies(basis: text) { name } bodyLinks(basis: text) { link { basis quote } } curated: bodyLinks(basis: curated) { body { name } link { role rationale quote } } source { quote path start end line } } } }`, { id });
    expect(d.node.measure.title).toBe('完善财政转移支付与农业转移人口市民化挂钩机制');
    expect(d.node.box).toBeNull();
    expect(d.node.bodies.map((b: any) => b.name)).toEqual(['区县政府']);
    expect(d.node.bodyLinks[0].link).toEqual({ basis: 'text', quote: '区县政府' });
    // The measure's curated lead comes with a rationale and without a quote.
    expect(d.node.curated[0]).toMatchObject({ body: { name: '市财政局' }, link: { role: 'lead', quote: null } });
    expect(d.node.curated[0].link.rationale.length).toBeGreaterThan(0);
    expect(d.node.source).toMatchObject({ path: id, line: 383 });
    expect(d.node.source.quote).toBe(d.node.text);
    const text = (await data(`{ plan { text } }`)).plan.text as string;
    expect(text.slice(d.node.source.start, d.node.source.end)).toBe(d.node.text);
  });

  it('node: any node by id; an unknown id is null', async () => {
    const d = await data(`{ a: node(id: "place/500101") { __typename id } b: node(id: "${SEED_PLAN_ID}/box_9") { __typename ... on Box { title } } c: node(id: "nope/chp_99") { id } }`);
    expect(d.a).toEqual({ __typename: 'District', id: 'place/500101' });
    expect(d.b).toEqual({ __typename: 'Box', title: '城乡融合发展改革试验' });
    expect(d.c).toBeNull();
  });

  it('search: a phrase from the text, with highlights, scores and nodes', async () => {
    const d = await data(`{ search(query: "保障性租赁住房", first: 10) { totalCount edges { cursor node { score text highlight matches { start end } node { __typename ... on Node { id } } } } pageInfo { hasNextPage } } }`);
    expect(d.search.totalCount).toBeGreaterThanOrEqual(3);
    const first = d.search.edges[0].node;
    expect(first.highlight).toContain('<em>保障性租赁住房</em>');
    expect(first.text.slice(first.matches[0].start, first.matches[0].end)).toBe('保障性租赁住房');
    expect(d.search.edges.map((e: any) => e.node.node.id)).toContain(`${SEED_PLAN_ID}/box_1__row_4`);
    expect(d.search.edges[0].node.score).toBeGreaterThanOrEqual(d.search.edges[1].node.score);
  });

  it('search: one character finds something; Lucene syntax is harmless', async () => {
    const one = await data(`{ search(query: "县", first: 3) { totalCount edges { node { text } } } }`);
    expect(one.search.totalCount).toBeGreaterThan(0);
    expect(one.search.edges.every((e: any) => e.node.text.includes('县'))).toBe(true);
    for (const q of ['a:b', '(', '"', '\\', 'AND', '*', '保障~', '[1 TO 2]', '\u0000\u0007', '"unclosed']) {
      const { status, body } = await api.gql(`query($q: String!) { search(query: $q) { totalCount } }`, { q });
      expect(status).toBe(200);
      if (body.errors) expect(body.errors[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('pagination: keyset cursors walk the whole list without overlap', async () => {
    const q = `query($after: String) { place(name: "万州") { tasks(first: 4, after: $after, planId: "${SEED_PLAN_ID}") { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } } }`;
    const all = (await data(`{ place(name: "万州") { tasks(first: 100, planId: "${SEED_PLAN_ID}") { totalCount edges { node { id } } } } }`)).place.tasks;
    const walked: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: any = (await data(q, { after })).place.tasks;
      walked.push(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(walked).toEqual(all.edges.map((e: any) => e.node.id));
    expect(all.totalCount).toBe(walked.length);
    const { body } = await api.gql(`{ place(name: "万州") { tasks(after: "not-a-cursor") { totalCount } } }`);
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a district’s own tasks exclude its region’s, which are a separate field', async () => {
    const d = await data(`{ district(name: "忠县") { tasks(first: 100, planId: "${SEED_PLAN_ID}") { edges { node { id } } } regionTasks(first: 100, planId: "${SEED_PLAN_ID}") { totalCount edges { node { text } } } } }`);
    const own = new Set(d.district.tasks.edges.map((e: any) => e.node.id));
    expect(d.district.regionTasks.totalCount).toBeGreaterThan(0);
    expect(d.district.regionTasks.edges.some((e: any) => own.has(e.node.id))).toBe(false);
  });

  it('cross-references: shared tasks, sharing districts, matrix, region work', async () => {
    const shared = await data(`{ sharedTasks(places: ["万州", "开州"], planId: "${SEED_PLAN_ID}") { totalCount edges { node { text } } } }`);
    expect(shared.sharedTasks.totalCount).toBeGreaterThanOrEqual(2);
    // 万州 is named by its name or inside an abbreviation (万达开, 郑万, 渝万, 成达万).
    const namesWanzhou = (t: string) => ['万州', '万达开', '郑万', '渝万', '成达万'].some((n) => t.includes(n));
    expect(shared.sharedTasks.edges.every((e: any) => namesWanzhou(e.node.text) && e.node.text.includes('开'))).toBe(true);

    const sharing = await data(`{ districtsSharingTasks(with: "万州", planId: "${SEED_PLAN_ID}") { district { shortName } sharedTasks } }`);
    const counts = sharing.districtsSharingTasks.map((s: any) => s.sharedTasks);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    expect(sharing.districtsSharingTasks.map((s: any) => s.district.shortName)).toContain('开州');

    const m = await data(`{ districtChapterMatrix { districts { code } chapters { number } cells { district { shortName } chapter { number } taskCount } } }`);
    expect(m.districtChapterMatrix.districts).toHaveLength(38);
    expect(m.districtChapterMatrix.chapters).toHaveLength(9);
    const zhongCh3 = m.districtChapterMatrix.cells.find((c: any) => c.district.shortName === '忠县' && c.chapter.number === 3);
    expect(zhongCh3.taskCount).toBe(6);

    const work = await data(`{ place(name: "渝东南武陵山区城镇群") { ... on Region { districtTaskCounts(planId: "${SEED_PLAN_ID}") { district { shortName } taskCount } } } }`);
    expect(work.place.districtTaskCounts).toHaveLength(6);
  });
});
