import { seedDocument } from '../helpers/seed-document';

/** Facts read by hand from seed/chongqing-new-urbanization-plan-2021-2035.txt. */
describe('the seed plan: structure', () => {
  const doc = seedDocument();

  it('reads the metadata of the notice', () => {
    expect(doc.plan.title).toBe('重庆市新型城镇化规划(2021—2035 年)');
    expect(doc.plan.documentNumber).toBe('渝府发〔2022〕9号');
    expect(doc.plan.issuer).toBe('重庆市人民政府');
    expect(doc.plan.issuedOn).toBe('2022-01-25');
  });

  it('has 9 chapters with the body titles, in order', () => {
    expect(doc.chapters.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(doc.chapters[0].title).toBe('规划背景');
    expect(doc.chapters[2].title).toBe('高水平构建城镇化空间格局');
    expect(doc.chapters[8].title).toBe('规划实施保障');
  });

  it('has the sections per chapter the text has (chapter 1 none)', () => {
    const perChapter = doc.chapters.map((c) => doc.sections.filter((s) => s.chapterId === c.id).length);
    expect(perChapter).toEqual([0, 3, 6, 4, 4, 4, 4, 4, 5]);
  });

  it('reads the table of contents and lets the body title win where they differ', () => {
    expect(doc.toc.filter((e) => e.level === 'chapter')).toHaveLength(9);
    expect(doc.toc.filter((e) => e.level === 'section')).toHaveLength(34);
    const s32 = doc.sections.find((s) => s.id === 'seed/chp_3__sec_2')!;
    expect(s32.title).toBe('提升重庆主城区发展能级和综合竞争力');
    expect(s32.tocTitle).toBe('提升重庆主城都市区发展能级和综合竞争力');
    expect(doc.sections.filter((s) => s.tocTitle !== null)).toHaveLength(1);
  });

  it('joins paragraphs broken by a page end', () => {
    const preface = doc.measures.find((m) => m.id === 'seed/preface__para_1')!;
    expect(preface.text).toContain('有关要求和《重庆市国民经济和社会发展第十四个五年规划');
    expect(preface.source.line).toBe(108);
    expect(preface.source.endLine).toBe(110);
    const background = doc.measures.find((m) => m.id === 'seed/chp_1__para_1')!;
    expect(background.text.endsWith('城乡居民人均可支配收入比降至 2.45 : 1。')).toBe(true);
    expect(doc.measures.filter((m) => m.chapterId === 'seed/chp_1')).toHaveLength(3);
  });

  it('takes the lead sentence of a paragraph as the measure title', () => {
    const m = doc.measures.find((x) => x.id === 'seed/chp_4__sec_1__para_1')!;
    expect(m.title).toBe('深化户籍制度改革');
    expect(m.text.startsWith('深化户籍制度改革。以“聚人”为目标')).toBe(true);
    // A section of one paragraph without a lead sentence has no title.
    const noLead = doc.measures.find((x) => x.id === 'seed/chp_8__sec_2__para_1')!;
    expect(noLead.title).toBeNull();
  });

  it('makes each sentence after the lead a task, and none in background chapters', () => {
    const tasks = doc.tasks.filter((t) => t.measureId === 'seed/chp_4__sec_1__para_1');
    expect(tasks.map((t) => t.text)).toEqual([
      '以“聚人”为目标，全面放开城镇落户限制，逐步消化城市存量农业转移人口。',
      '完善人口管理制度，建立以经常居住地登记户口制度，逐步实现人口自由流动和迁徙。',
      '深化“互联网+”户政服务，融入全国公开统一的户籍管理政务服务平台，提高户籍登记、迁移便利度。',
      '推动成渝地区双城经济圈户籍准入年限同城化累计互认、居住证互通互认，有序扩大户政业务“跨省通办”范围。',
    ]);
    expect(doc.tasks.filter((t) => t.measureId?.startsWith('seed/chp_1__') || t.measureId?.startsWith('seed/chp_2__'))).toHaveLength(0);
  });

  it('finds 9 boxes of the right kinds', () => {
    expect(doc.boxes.map((b) => [b.number, b.kind])).toEqual([
      [1, 'indicators'],
      [2, 'projects'],
      [3, 'positioning'],
      [4, 'positioning'],
      [5, 'positioning'],
      [6, 'corridors'],
      [7, 'transport_projects'],
      [8, 'renewal_projects'],
      [9, 'pilot_zones'],
    ]);
  });

  it('ends a box where the prose resumes', () => {
    const box1Tasks = doc.tasks.filter((t) => t.boxId === 'seed/box_1');
    expect(box1Tasks).toHaveLength(9);
    // 到 2035 年 ... right after the table is a measure of section 2.3, not a box entry.
    const after = doc.measures.find((m) => m.text.startsWith('到 2035 年，新型城镇化基本实现'))!;
    expect(after.sectionId).toBe('seed/chp_2__sec_3');
    // 推动主城新区扩容提质 follows box 2 and is a measure with its title.
    expect(doc.measures.some((m) => m.title === '推动主城新区扩容提质')).toBe(true);
    expect(doc.tasks.filter((t) => t.boxId === 'seed/box_2')).toHaveLength(6);
  });

  it('gives every quote exactly as the normalised text has it', () => {
    const spans = [
      ...doc.chapters,
      ...doc.sections,
      ...doc.measures,
      ...doc.boxes,
      ...doc.tasks,
      ...doc.indicators,
      ...doc.targets,
      ...doc.projects,
      ...doc.pilotZones,
    ].map((n) => n.source);
    for (const s of spans) expect(doc.text.slice(s.start, s.end)).toBe(s.quote);
    for (const t of doc.tasks) for (const m of t.places) expect(doc.text.slice(m.start, m.end)).toBe(m.quote);
  });

  it('keeps extraction glitches verbatim', () => {
    expect(doc.text).toContain('重庆美术馆、重庆博物馆、重庆美术馆'); // doubled word
    expect(doc.text).toContain('增强人口和要素资源吸引力，大城市规模'); // dropped word
    expect(doc.text).toContain('民族地区产城景融合发发展示范区');
  });

  it('gives ids that are unique and identical across runs', () => {
    const ids = [...doc.chapters, ...doc.sections, ...doc.measures, ...doc.boxes, ...doc.tasks, ...doc.indicators, ...doc.targets, ...doc.projects, ...doc.pilotZones].map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    const again = seedDocument('seed2');
    expect(again.tasks.map((t) => t.id.replace('seed2/', 'seed/'))).toEqual(doc.tasks.map((t) => t.id));
    expect(again.plan.checksum).toBe(doc.plan.checksum);
  });
});
