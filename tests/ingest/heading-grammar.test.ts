import { ingestPlan } from '../../src/ingest/ingest-plan';
import { planText, referenceData } from '../helpers/seed-document';

const ingest = (lines: string[]) => ingestPlan({ file: 'plan.txt', bytes: planText(lines), planId: 't', ...referenceData() });

/** Small plans in the layouts of the genre, each read by hand. */
describe('the heading grammar', () => {
  it('reads a national opinion: 一、 chapters, （一） sections, 1. points as measures', () => {
    const doc = ingest([
      '国务院关于深入推进新型城镇化战略的意见',
      '各省、自治区、直辖市人民政府：',
      '为深入推进新型城镇化战略，现提出如下意见。',
      '一、总体要求',
      '（一）指导思想。以习近平新时代中国特色社会主义思想为指导，坚持以人为本。',
      '（二）主要目标。到2025年，常住人口城镇化率提高到65%。',
      '二、主要任务',
      '（三）推进农业转移人口市民化。',
      '1.深化户籍制度改革。全面放开城镇落户限制。',
      '2.推进基本公共服务均等化。完善服务体系。',
      '（四）优化城镇化空间格局。',
      '3.支持北京、上海发展。加快建设。',
    ]);
    expect(doc.plan.title).toBe('国务院关于深入推进新型城镇化战略的意见');
    expect(doc.chapters.map((c) => [c.number, c.title])).toEqual([[1, '总体要求'], [2, '主要任务']]);
    expect(doc.sections.map((s) => [s.id, s.title])).toEqual([
      ['t/chp_1__sec_1', '指导思想'],
      ['t/chp_1__sec_2', '主要目标'],
      ['t/chp_2__sec_3', '推进农业转移人口市民化'],
      ['t/chp_2__sec_4', '优化城镇化空间格局'],
    ]);
    expect(doc.measures.filter((m) => m.sectionId === 't/chp_2__sec_3').map((m) => m.text)).toEqual([
      '1.深化户籍制度改革。全面放开城镇落户限制。',
      '2.推进基本公共服务均等化。完善服务体系。',
    ]);
    // The preamble before the first heading (the addressees and the opening) is kept.
    expect(doc.measures.filter((m) => m.chapterId === '').map((m) => m.text)).toEqual(['各省、自治区、直辖市人民政府：', '为深入推进新型城镇化战略，现提出如下意见。']);
    // (三)(四) continue the numbering across chapters, as opinions do: no warning for that.
    expect(doc.warnings.filter((w) => /numbering: chapter/.test(w.message))).toEqual([]);
  });

  it('reads parts whose heading shares a line with the next chapter heading', () => {
    const doc = ingest([
      '四川省国民经济和社会发展第十四个五年规划',
      '第一篇 开启全面建设社会主义现代化四川新征程',
      '第一章 发展基础',
      '“十三五”时期，全省经济实力大幅跃升。',
      '第二章 指导思想',
      '坚持以人民为中心。',
      '第二篇 坚持创新驱动发展 第三章 建设具有全国影响力的科技创新中心',
      '第一节 强化战略科技力量',
      '加快建设成渝综合性科学中心。',
    ]);
    expect(doc.parts.map((p) => [p.id, p.title])).toEqual([
      ['t/part_1', '开启全面建设社会主义现代化四川新征程'],
      ['t/part_2', '坚持创新驱动发展'],
    ]);
    expect(doc.chapters.map((c) => [c.number, c.title, c.partId])).toEqual([
      [1, '发展基础', 't/part_1'],
      [2, '指导思想', 't/part_1'],
      [3, '建设具有全国影响力的科技创新中心', 't/part_2'],
    ]);
    const c3 = doc.chapters[2];
    expect(doc.text.slice(c3.source.start, c3.source.end)).toBe('第三章 建设具有全国影响力的科技创新中心');
    expect(doc.sections.map((s) => s.id)).toEqual(['t/chp_3__sec_1']);
    expect(doc.warnings).toEqual([]);
  });

  it('reads a dotted table of contents without 目录, and a chapter title on the line after its number', () => {
    const doc = ingest([
      '某市城市更新规划',
      '第一章 总则..........1',
      '第二章 重点任务..........3',
      '第一章',
      '总则',
      '本规划所称城市更新，是指对建成区的改造提升。',
      '第二章 重点任务',
      '加快老旧小区改造。到2025年改造1200个小区。',
    ]);
    expect(doc.toc.map((e) => [e.number, e.title, e.page])).toEqual([[1, '总则', 1], [2, '重点任务', 3]]);
    expect(doc.chapters.map((c) => [c.number, c.title])).toEqual([[1, '总则'], [2, '重点任务']]);
    expect(doc.plan.title).toBe('某市城市更新规划');
  });

  it('warns with the line of a gap in the numbering, and goes on', () => {
    const doc = ingest(['第一章 总则', '坚持党的领导。', '第二章 任务', '第一节 甲', '推进落户。', '第三节 丙', '完善服务。']);
    expect(doc.sections.map((s) => s.number)).toEqual([1, 3]);
    expect(doc.warnings.map((w) => w.line)).toEqual([6]);
  });
});
