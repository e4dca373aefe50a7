import { seedDocument } from '../helpers/seed-document';

describe('the seed plan: boxes', () => {
  const doc = seedDocument();
  const placesOf = (mentions: { placeId: string }[]) => mentions.map((m) => m.placeId);

  it('reads the 9 indicators of 专栏1 across its repeated header', () => {
    const rows = doc.indicators.map((i) => [i.number, i.name, i.unit, i.baseline, i.target, i.targetComparator, i.attribute]);
    expect(rows).toEqual([
      [1, '常住人口城镇化率', '%', 69.46, 73, '>=', '预期性'],
      [2, '主城都市区常住人口占全市常住人口比重', '%', 65.89, 68, 'about', '预期性'],
      [3, '城镇调查失业率', '%', 5.7, 5.5, '<', '预期性'],
      [4, '新市民保障性租赁住房覆盖率', '%', null, 15, '=', '预期性'],
      [5, '中心城区轨道交通占公共交通出行比例', '%', 32.9, 50, '>=', '预期性'],
      [6, '城市建成区绿化覆盖率', '%', 41.7, 43, '=', '预期性'],
      [7, '空气质量优良天数比率', '%', 91, 92.6, '=', '约束性'],
      [8, '政务服务事项“全网通办率”', '%', 84, 95, '=', '预期性'],
      [9, '城乡居民人均可支配收入比', null, 2.45, 2.35, '=', '预期性'],
    ]);
    expect(doc.indicators.every((i) => i.baselineYear === 2020 && i.targetYear === 2025)).toBe(true);
    expect(doc.indicators[6].source.line).toBe(173); // after the repeated header row
  });

  it('reads the demonstration projects of 专栏2 with their areas and districts', () => {
    const projects = doc.projects.filter((p) => p.kind === 'demonstration');
    expect(projects.map((p) => [p.name, p.areaKm2])).toEqual([
      ['长嘉汇', 16.2],
      ['广阳岛', 168],
      ['科学城', null],
      ['枢纽港', null],
      ['智慧园', null],
      ['艺术湾', 26.6],
    ]);
    const changjiahui = projects[0];
    expect(placesOf(changjiahui.places).sort()).toEqual(['place/500103', 'place/500105', 'place/500108']); // 渝中 江北 南岸
    expect(changjiahui.places.every((m) => m.basis === 'gazetteer')).toBe(true);
    const kexuecheng = projects[2];
    expect(placesOf(kexuecheng.places)).toEqual(expect.arrayContaining(['place/重庆高新区', 'place/500120', 'place/500107', 'place/500109', 'place/500116']));
  });

  it('reads the positioning of each district with its group', () => {
    const positioning = doc.tasks.filter((t) => t.kind === 'positioning');
    expect(positioning).toHaveLength(12 + 11 + 6);
    const byPlace = (id: string) => positioning.filter((t) => t.places[0]?.placeId === id);
    expect(byPlace('place/500115')[0].group).toBe('同城化先行区'); // 长寿
    expect(byPlace('place/500102')[0].group).toBe('支点城市'); // 涪陵
    expect(byPlace('place/500153')[0].group).toBe('桥头堡城市'); // 荣昌
    expect(byPlace('place/500233')[0].group).toBe('渝东北三峡库区城镇群'); // 忠县
    expect(byPlace('place/500243')[0].text).toContain('民族地区产城景融合发发展示范区'); // 彭水, verbatim
    // 綦江—万盛 is one entry for two places.
    const qijiang = positioning.find((t) => t.text.startsWith('綦江—万盛：'))!;
    expect(placesOf(qijiang.places).slice(0, 2)).toEqual(['place/500110', 'place/万盛经开区']);
  });

  it('splits the transport projects of 专栏7 into items with their places', () => {
    const items = doc.projects.filter((p) => p.kind === 'transport');
    expect(items.filter((p) => p.category === '铁路').map((p) => p.name)).toEqual([
      '枢纽东环线及黄茅坪和机场支线',
      '渝合铁路',
      '成渝铁路改造工程重庆站至江津段',
      '万州经石柱至黔江高速铁路',
      '长垫梁铁路',
      '铁路二环线',
      '枢纽西环线',
      '汉南泸城际铁路',
    ]);
    const g348 = items.find((p) => p.name === 'G348忠县县城至涂井')!;
    expect(placesOf(g348.places)).toEqual(['place/500233']);
    const changdianliang = items.find((p) => p.name === '长垫梁铁路')!;
    expect(placesOf(changdianliang.places)).toEqual(['place/500115', 'place/500231', 'place/500155']);
    expect(items.find((p) => p.name === '巫山至巫溪（巫山至大昌段）')).toBeDefined();
    expect(items).toHaveLength(8 + 24 + 6);
  });

  it('reads the renewal programmes of 专栏8 and their targets', () => {
    const renewal = doc.projects.filter((p) => p.kind === 'renewal').map((p) => p.name);
    expect(renewal).toEqual(['城市绿色空间提升工程', '居住区设施配套工程', '慢行交通提升工程', '供水设施建设建设工程', '污水处理设施建设建设工程', '垃圾处理设施建设工程']);
    const housing = doc.targets.filter((t) => t.taskId === 'seed/box_8__entry_2');
    expect(housing.map((t) => [t.value, t.unit, t.year])).toEqual([
      [1, '亿平方米', 2025],
      [10, '万户', 2025],
      [1340, '座', 2025],
      [933, '座', 2025],
    ]);
  });

  it('reads the pilot zones of 专栏9 with members and areas', () => {
    expect(doc.pilotZones.map((z) => [z.name, z.areaKm2, z.members.length])).toEqual([
      ['国家城乡融合发展试验区重庆西部片区', 15000, 9],
      ['市级城乡融合发展先行示范区', 14000, 8],
    ]);
    const city = doc.pilotZones[1];
    expect(placesOf(city.members)).toEqual([
      'place/500108', // 南岸区
      'place/500115', // 长寿区
      'place/500110', // 綦江
      'place/万盛经开区', // 万盛 (綦江—万盛)
      'place/500231', // 垫江县
      'place/500233', // 忠县
      'place/500156', // 武隆区
      'place/500241', // 秀山县
    ]);
    expect(city.focus).toMatch(/^建立城乡有序流动的人口迁徙制度/);
    // The zone's task covers both of its lines, which have no blank line between them.
    const task = doc.tasks.find((t) => t.id === city.taskId)!;
    expect(task.text).toContain('\n试验重点：');
  });
});

describe('the seed plan: targets', () => {
  const doc = seedDocument();
  const find = (text: string) => doc.targets.filter((t) => t.text === text);

  it('links prose targets to their indicator and year', () => {
    const urbanisation = doc.targets.filter((t) => t.indicatorId === 'seed/box_1__ind_1');
    expect(urbanisation.map((t) => [t.value, t.comparator, t.year])).toEqual([
      [73, '>=', 2025], // the table
      [73, '>=', 2025], // 全市常住人口城镇化率达到 73%
      [80, 'about', 2035], // 到 2035 年 ... 达到 80% 左右
    ]);
  });

  it('reads values, units, comparators and years of the prose', () => {
    expect(find('13 平方米')[0]).toMatchObject({ value: 13, unit: '平方米', comparator: '>=', year: 2025 });
    expect(find('15 万个')[0]).toMatchObject({ value: 15, unit: '万个', year: 2025 });
    expect(find('88%')[0]).toMatchObject({ value: 88, unit: '%', comparator: '>=', year: 2025 });
    expect(find('120 平方米以内')[0]).toMatchObject({ value: 120, unit: '平方米', comparator: '<=', year: 2035 });
    expect(find('60 万人以上')[0]).toMatchObject({ value: 60, unit: '万人', comparator: '>=', year: null });
  });

  it('takes no numbers of the background chapter, of codes or of years', () => {
    expect(doc.targets.some((t) => t.text.includes('69.46%') && !t.taskId?.includes('box_1'))).toBe(false);
    expect(doc.targets.some((t) => /^(243|348|502|5G)/.test(t.text))).toBe(false);
    expect(doc.targets.some((t) => t.unit === '年')).toBe(false);
  });
});
