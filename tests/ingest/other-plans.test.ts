import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanDocument } from '../../src/ingest/document';
import { ingestPlan } from '../../src/ingest/ingest-plan';
import { referenceData } from '../helpers/seed-document';

/**
 * Two real national documents (seed/other-plans/README.md names their source), ingested and
 * compared with counts read by hand from the files. Every number below was counted in the
 * text, item by item; none was taken from the parser's output.
 */
const DIR = join(__dirname, '..', '..', 'seed', 'other-plans');
const ingest = (file: string, planId: string): PlanDocument =>
  ingestPlan({ file, bytes: readFileSync(join(DIR, file)), planId, ...referenceData() });

const itemsPerChapter = (doc: PlanDocument) => doc.chapters.map((c) => doc.sections.filter((s) => s.chapterId === c.id).length);
const tasksOfChapter = (doc: PlanDocument, n: number) => doc.tasks.filter((t) => t.id.startsWith(`${doc.plan.id}/chp_${n}__`)).length;

describe('国发〔2018〕38号: measures for the pilot free trade zones', () => {
  const doc = ingest('state-council-2018-38-free-trade-zones.txt', 'ftz');
  const sectionOfItem = (n: number) => doc.sections.find((s) => s.number === n)!;

  it('reads its notice: title, number, issuer and date from the signature after the body', () => {
    expect(doc.plan.title).toBe('国务院关于支持自由贸易试验区深化改革创新若干措施的通知');
    expect(doc.plan.documentNumber).toBe('国发〔2018〕38号');
    expect(doc.plan.issuer).toBe('国务院');
    expect(doc.plan.issuedOn).toBe('2018-11-07');
    expect(doc.plan.jurisdiction).toBeNull();
  });

  it('has five 一、 divisions and 53 items numbered across them', () => {
    // Read by hand: 一、营造优良投资环境 （一）-（十六）; 二、提升贸易便利化水平 （十七）-（三十五）;
    // 三、推动金融创新服务实体经济 （三十六）-（四十七）; 四、推进人力资源领域先行先试 （四十八）-（五十三）;
    // 五、切实做好组织实施: four paragraphs, no item.
    expect(doc.parts).toEqual([]);
    expect(doc.chapters.map((c) => c.title)).toEqual(['营造优良投资环境', '提升贸易便利化水平', '推动金融创新服务实体经济', '推进人力资源领域先行先试', '切实做好组织实施']);
    expect(itemsPerChapter(doc)).toEqual([16, 19, 12, 6, 0]);
    expect(doc.sections.map((s) => s.number)).toEqual(Array.from({ length: 53 }, (_, i) => i + 1));
    expect(doc.report!.warnings).toEqual([]);
  });

  it('reads an item that is one sentence as its text, with its note of responsibility', () => {
    // （三）将建筑工程施工许可…下放至自贸试验区。（负责部门：住房城乡建设部）
    const s3 = sectionOfItem(3);
    expect(s3.title).toBe('');
    const tasks = doc.tasks.filter((t) => t.id.startsWith(`${s3.id}__`));
    expect(tasks.map((t) => t.text)).toEqual(['将建筑工程施工许可、建筑施工企业安全生产许可等工程审批类权限下放至自贸试验区。（负责部门：住房城乡建设部）']);
    expect(tasks[0].mood).toBe('directive');
    // A short sentence followed by its note is no title either: （十三）支持在自贸试验区设置商标受理窗口。（负责部门：知识产权局）
    expect(sectionOfItem(13).title).toBe('');
    expect(doc.tasks.filter((t) => t.id.startsWith(`${sectionOfItem(13).id}__`)).map((t) => t.text)).toEqual(['支持在自贸试验区设置商标受理窗口。（负责部门：知识产权局）']);
  });

  it('finds every sentence of the body as a task', () => {
    // Sentences counted by hand, item by item: one each, except （二十二）, （四十）, （四十七）
    // with two; chapter 5: 2 + 3 + 4 + 6 after the lead sentences 坚持党的领导。维护国家安全。
    // 强化组织管理。狠抓工作落实。
    expect([1, 2, 3, 4, 5].map((n) => tasksOfChapter(doc, n))).toEqual([16, 20, 14, 6, 15]);
    expect(doc.tasks).toHaveLength(71);
  });

  // Places named in the text, each with the item that names it (read by hand).
  const NAMED: [number, string, string][] = [
    [1, 'place/110000', '北京市'],
    [7, 'place/810000', '香港'],
    [7, 'place/820000', '澳门'],
    [16, 'place/330000', '浙江'],
    [29, 'place/350000', '福建'],
    // A county and two prefecture seats by short name, in items whose note names their province
    // (适用范围：福建自贸试验区 / 河南… / 陕西…); codes from the GB/T 2260 list.
    [29, 'place/350128', '平潭'],
    [30, 'place/410000', '河南'],
    [30, 'place/410100', '郑州'],
    [31, 'place/610000', '陕西'],
    [31, 'place/610100', '西安'],
    [32, 'place/610100', '西安'],
    [33, 'place/500000', '重庆'],
    [35, 'place/710000', '台湾'],
    [35, 'place/350000', '福建省'],
    [35, 'place/350128', '平潭'],
    [44, 'place/350128', '平潭'],
    [45, 'place/330000', '浙江'],
    [46, 'place/710000', '台湾'],
    [52, 'place/440000', '广东'],
    [53, 'place/310000', '上海'],
  ];

  it('links the provinces it names, in the items that name them, and nothing else', () => {
    for (const [item, placeId, quote] of NAMED) {
      const links = doc.tasks.filter((t) => t.id.startsWith(`${sectionOfItem(item).id}__`)).flatMap((t) => t.places);
      expect({ item, link: links.find((l) => l.placeId === placeId)?.quote }).toEqual({ item, link: quote });
    }
    // Every link is one of the names read by hand: 11 provinces and regions, 平潭, 郑州 and 西安.
    const allowed = new Set(NAMED.map(([, id]) => id));
    expect(doc.tasks.flatMap((t) => t.places.map((p) => p.placeId)).filter((id) => !allowed.has(id))).toEqual([]);
    expect(new Set(doc.tasks.flatMap((t) => t.places.map((p) => p.placeId))).size).toBe(14);
  });

  it('reads no target: its numbers are conditions (五分之一, 18周岁, 六批), not goals', () => {
    expect(doc.targets).toEqual([]);
  });
});

describe('国发〔2018〕42号: agricultural mechanisation', () => {
  const doc = ingest('state-council-2018-42-agricultural-mechanisation.txt', 'agri');

  it('reads its notice and its eight divisions of twenty items', () => {
    expect(doc.plan.title).toBe('国务院关于加快推进农业机械化和农机装备产业转型升级的指导意见');
    expect(doc.plan.documentNumber).toBe('国发〔2018〕42号');
    expect(doc.plan.issuer).toBe('国务院');
    expect(doc.plan.issuedOn).toBe('2018-12-21');
    expect(doc.chapters.map((c) => c.title)).toEqual([
      '总体要求', '加快推动农机装备产业高质量发展', '着力推进主要农作物生产全程机械化', '大力推广先进适用农机装备与机械化技术',
      '积极发展农机社会化服务', '持续改善农机作业基础条件', '切实加强农机人才培养', '强化组织领导',
    ]);
    expect(itemsPerChapter(doc)).toEqual([2, 4, 2, 3, 2, 2, 2, 3]);
    expect(doc.sections.find((s) => s.number === 8)!.title).toBe('协同构建高效机械化生产体系');
    expect(doc.report!.warnings).toEqual([]);
  });

  it('finds the sentences after each item’s title as tasks', () => {
    // Counted by hand: （三）4 （四）4 （五）4 （六）6 | （七）4 （八）4 | （九）7 （十）5 （十一）4 |
    // （十二）5 （十三）6 | （十四）3 （十五）5 | （十六）7 （十七）4 | （十八）2 （十九）2 （二十）5.
    // Chapter 1 (总体要求) states goals (基本解决, 持续提升): read as descriptive, it yields none.
    expect([2, 3, 4, 5, 6, 7, 8].map((n) => tasksOfChapter(doc, n))).toEqual([18, 8, 16, 11, 8, 11, 9]);
    // The first sentence after a fused item title is text: （八）协同构建高效机械化生产体系。加快选育、推广…品种。
    const s8 = doc.sections.find((s) => s.number === 8)!;
    expect(doc.tasks.find((t) => t.id === `${s8.id}__para_1__sent_1`)?.text).toBe('加快选育、推广适于机械化作业、轻简化栽培的品种。');
  });

  it('reads its goals for 2020 and 2025, in 亿千瓦 and in percent', () => {
    // Read by hand in （二）发展目标: 2020: 超过10亿千瓦, 1.2亿千瓦, 70%; 2025: 11亿千瓦左右,
    // 1.3亿千瓦, 75%, 55% (丘陵山区), 45% (马铃薯), 60% (棉花), 65% and 55% (花生), 50% and 65%
    // (油菜), 30% (甘蔗), 50%左右.
    expect(doc.targets.map((t) => [t.year, t.value, t.unit])).toEqual([
      [2020, 10, '亿千瓦'], [2020, 1.2, '亿千瓦'], [2020, 70, '%'],
      [2025, 11, '亿千瓦'], [2025, 1.3, '亿千瓦'], [2025, 75, '%'], [2025, 55, '%'], [2025, 45, '%'], [2025, 60, '%'],
      [2025, 65, '%'], [2025, 55, '%'], [2025, 50, '%'], [2025, 65, '%'], [2025, 30, '%'], [2025, 50, '%'],
    ]);
    expect(doc.targets.map((t) => t.comparator).filter((c) => c === 'about')).toHaveLength(2);
    for (const t of doc.targets) expect(doc.text.slice(t.source.start, t.source.end)).toBe(t.source.quote);
  });

  it('names no division of China: 长江中下游地区 and 丘陵山区 are areas, not places of the list', () => {
    expect(doc.tasks.flatMap((t) => t.places)).toEqual([]);
  });
});

describe('上海市长宁区“十五五”规划纲要: a district plan of Shanghai', () => {
  const doc = ingest('shanghai-changning-15th-five-year-plan.txt', 'cn');
  const taskWith = (fragment: string) => {
    const found = doc.tasks.filter((t) => t.text.includes(fragment));
    expect({ fragment, found: found.length }).toEqual({ fragment, found: 1 });
    return found[0];
  };

  it('reads its title and its jurisdiction, Shanghai', () => {
    expect(doc.plan.title).toBe('《上海市长宁区国民经济和社会发展第十五个五年规划纲要》');
    expect(doc.plan.jurisdiction).toBe('310000');
  });

  it('has twelve 一、 divisions, 49 (一) items and 88 1. points', () => {
    // Read by hand, chapter by chapter.
    expect(doc.parts).toEqual([]);
    expect(doc.chapters.map((c) => c.title)).toEqual([
      '发展新阶段新起点', '指导思想和发展蓝图', '全力服务“五个中心”建设', '加快形成现代化产业体系核心竞争力',
      '全面深化高水平改革开放', '持续优化重点区域功能布局', '深入营造文明时尚的人文城区', '全面建设和谐包容的友好城区',
      '全力打造惠民利民的品质城区', '持续建设生态宜居的美丽城区', '合力构筑共建共享的善治城区', '切实强化规划实施保障',
    ]);
    expect(itemsPerChapter(doc)).toEqual([3, 3, 5, 4, 3, 4, 4, 5, 6, 5, 4, 3]);
    const points = doc.chapters.map((c) => doc.measures.filter((m) => m.chapterId === c.id && /^\d+\./.test(m.text)).length);
    expect(points).toEqual([5, 4, 0, 9, 9, 9, 9, 12, 12, 13, 6, 0]);
  });

  it('reads 538 sentences as tasks; an unmarked first sentence is no title where titled points are numbered', () => {
    // Counted by hand, item by item, outside the indicator table and the glossary.
    expect(doc.tasks).toHaveLength(538);
    // Its points are titled only after a number (1.生活互联网。…); these two open their item's
    // text without one, and are sentences of it.
    for (const sentence of ['建立前沿技术和未来产业发展定期评估、比选寻优、动态调整机制。', '促进三大重点片区之间以及与其他区域联动协同发展。']) {
      const task = taskWith(sentence);
      expect({ sentence, task: task.text, order: task.order }).toEqual({ sentence, task: sentence, order: 1 });
      expect(doc.measures.find((m) => m.id === task.measureId)!.title).toBeNull();
    }
  });

  it('keeps the indicator table and the glossary out of the measures, and says so', () => {
    // The table (长宁区“十五五”经济社会发展主要指标, one cell per line) and 名词解释 stay in the text.
    expect(doc.text).toContain('序号\n\n指标名称');
    expect(doc.measures.filter((m) => m.text === '预期性' || m.text.startsWith('1.虹桥国际中央商务区“一核两轴四片”'))).toEqual([]);
    expect(doc.report!.warnings.map((w) => w.kind)).toEqual(['table_row']);
    // Chapter 12 (its three items of prose) keeps its tasks: the glossary does not drown them.
    expect(tasksOfChapter(doc, 12)).toBeGreaterThan(0);
  });

  it('links the places named in ten sentences, read by hand', () => {
    const NAMED: [string, string[]][] = [
      ['全力服务上海“五个中心”建设', ['place/310000']],
      ['强化虹桥国际机场与浦东国际机场联动', ['place/310115']],
      ['推动更多主体、更多功能和更多业务在长宁集聚', ['place/310105']],
      ['有序实施长宁区外环西段路网建设', ['place/310105']],
      ['立足上海、辐射长三角', ['place/310000']],
      ['上海市民营经济促进条例', ['place/310000']],
      ['促进外籍人士融入长宁', ['place/310105']],
      ['打造融合传统上海风情与现代都市活力的“百年街巷、烟火长宁”', ['place/310000', 'place/310105']],
      ['全力建设上海市柔性医疗机器人重点实验室', ['place/310000']],
      ['智慧高效的美丽长宁建设', ['place/310105']],
    ];
    for (const [fragment, places] of NAMED) {
      expect({ fragment, places: taskWith(fragment).places.map((p) => p.placeId) }).toEqual({ fragment, places });
    }
  });

  it('links no street or subdistrict named after a province or a city', () => {
    // 江苏北路 (a street), 江苏街道 (a subdistrict), 苏州河 (a river), 延安西路, 遵义路, 天山路.
    for (const fragment of ['推动江苏北路三街坊', '推进天山、程家桥、江苏等街道', '推动江苏、新华等一批社区卫生服务中心', '统筹苏州河、外环西河', '安西路(延安西路-武夷路)', '推动遵义路(茅台路-紫云路)', '丰富愚园路、定西路、天山路']) {
      expect({ fragment, places: taskWith(fragment).places }).toEqual({ fragment, places: [] });
    }
    // Only Shanghai and two of its districts are named in the body.
    expect([...new Set(doc.tasks.flatMap((t) => t.places.map((p) => p.placeId)))].sort()).toEqual(['place/310000', 'place/310105', 'place/310115']);
  });

  it('reads its goals for 2030 with their values, units and comparators', () => {
    // Read by hand: 到2030年数字化示范应用场景超过100个; 公共数据归集率达到100%; 税收亿元楼达到45幢以上;
    // 研发经费支出…比例超过3.5%; 经常参加体育锻炼的人数比例达到53%以上; 入境过夜旅游者超过65万人次.
    const goals: [string, number, string, string][] = [
      ['到2030年数字化示范应用场景超过100个', 100, '个', '>'],
      ['到2030年区政务信息系统公共数据归集率达到100%', 100, '%', '>='],
      ['到2030年全区税收亿元楼达到45幢以上', 45, '幢', '>='],
      ['到2030年全社会研发经费支出相当于地区生产总值比例超过3.5%', 3.5, '%', '>'],
      ['到2030年经常参加体育锻炼的人数比例达到53%以上', 53, '%', '>='],
      ['到2030年入境过夜旅游者超过65万人次', 65, '万人次', '>'],
    ];
    for (const [fragment, value, unit, comparator] of goals) {
      const task = taskWith(fragment);
      const targets = doc.targets.filter((t) => t.taskId === task.id).map((t) => ({ year: t.year, value: t.value, unit: t.unit, comparator: t.comparator }));
      expect({ fragment, targets }).toEqual({ fragment, targets: [{ year: 2030, value, unit, comparator }] });
    }
    // The achievements of chapter 1 (年均增速达到8.8%, 累计达200万平方米) are no targets.
    expect(doc.targets.filter((t) => (t.measureId ?? t.taskId ?? '').startsWith('cn/chp_1__'))).toEqual([]);
  });

  it('reads all 34 of its quantified goals, read by hand in text order', () => {
    // Every number with a unit that a directing sentence commits to, outside chapter 1 (what was
    // achieved), the indicator table and the glossary. The year is the last one the text names
    // before the number in its item (到2030年), none where it names none. A range (1-2项) commits
    // to its lower end.
    const HAND: [string, number | null, number, string, string][] = [
      ['100个', 2030, 100, '个', '>'], ['100%', 2030, 100, '%', '>='], ['1.42万平方米', 2030, 1.42, '万平方米', '='],
      ['10处以上', 2030, 10, '处', '>='], ['45幢以上', 2030, 45, '幢', '>='], ['1000家', 2030, 1000, '家', '>'],
      ['450家以上', 2030, 450, '家', '>='], ['3.5%', 2030, 3.5, '%', '>'], ['150家以上', null, 150, '家', '>='],
      ['30家以上', null, 30, '家', '>='], ['300家以上', null, 300, '家', '>='], ['40%', null, 40, '%', '>='],
      ['35%', null, 35, '%', '>='], ['0.25平方米以上', 2030, 0.25, '平方米', '>='], ['53%以上', 2030, 53, '%', '>='],
      ['1.6平方米以上', 2030, 1.6, '平方米', '>='], ['65万人次', 2030, 65, '万人次', '>'], ['100个以上', null, 100, '个', '>='],
      ['50套以上', 2030, 50, '套', '>='], ['100%', 2030, 100, '%', '>='], ['4000人以上', null, 4000, '人', '>='],
      ['7.5万人次', null, 7.5, '万人次', '>'], ['2小时', null, 2, '小时', '>='], ['98%以上', 2030, 98, '%', '>='],
      ['1-2项', null, 1, '项', '>='], ['40座以上', null, 40, '座', '>='], ['2万平方米以上', null, 2, '万平方米', '>='],
      ['70%以上', 2030, 70, '%', '>='], ['16条', 2030, 16, '条', '='], ['70%以上', 2030, 70, '%', '>='],
      ['1.5平方米以上', 2030, 1.5, '平方米', '>='], ['0.006人/亿元以下', 2030, 0.006, '人/亿元', '<='],
      ['99.6%以上', 2030, 99.6, '%', '>='], ['45%以上', 2030, 45, '%', '>='],
    ];
    expect(doc.targets.map((t) => [t.source.quote, t.year, t.value, t.unit, t.comparator])).toEqual(HAND);
  });

  it('reads a list under one comparator, a rate with its unit, and no number that names a thing', () => {
    const targetsOf = (fragment: string) => doc.targets.filter((t) => t.taskId === taskWith(fragment).id).map((t) => ({ value: t.value, unit: t.unit, comparator: t.comparator }));
    // 东虹桥片区税收占虹桥国际中央商务区、全区税收比重分别不低于40%、35%。
    expect(targetsOf('分别不低于40%、35%')).toEqual([
      { value: 40, unit: '%', comparator: '>=' },
      { value: 35, unit: '%', comparator: '>=' },
    ]);
    // 单位生产总值生产安全事故死亡人数控制在0.006人/亿元以下。
    expect(targetsOf('0.006人/亿元')).toEqual([{ value: 0.006, unit: '人/亿元', comparator: '<=' }]);
    // Names and schedules: 深化“15分钟就业服务圈”, 加快构建“15分钟出海服务圈”, 提供365天×24小时“馨宁”热线.
    for (const fragment of ['深化“15分钟就业服务圈”', '加快构建“15分钟出海服务圈”', '提供365天×24小时“馨宁”热线']) {
      expect({ fragment, targets: targetsOf(fragment) }).toEqual({ fragment, targets: [] });
    }
  });
});
