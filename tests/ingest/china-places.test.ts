import { planJurisdiction } from '../../src/ingest/china-divisions';
import { ingestPlan } from '../../src/ingest/ingest-plan';
import { planText, referenceData } from '../helpers/seed-document';

const ingest = (lines: string[]) => ingestPlan({ file: 'plan.txt', bytes: planText(lines), planId: 't', ...referenceData() });
const linksOf = (doc: ReturnType<typeof ingest>, fragment: string) => {
  const task = doc.tasks.find((t) => t.text.includes(fragment));
  if (!task) throw new Error(`no task with ${fragment}`);
  return task.places.map((m) => `${m.placeId}@${m.quote}`);
};

/** Codes read by hand from the GB/T 2260 list (成都市 510100, 郫都区 510117 …). */
describe('places of all China, read in the light of the plan’s jurisdiction', () => {
  it('reads the jurisdiction from the issuer or the title', () => {
    expect(planJurisdiction(['重庆市人民政府'])).toBe('500000');
    expect(planJurisdiction(['四川省人民政府关于印发四川省新型城镇化规划的通知'])).toBe('510000');
    expect(planJurisdiction(['云南省国民经济和社会发展第十四个五年规划'])).toBe('530000');
    expect(planJurisdiction(['国务院关于深入推进新型城镇化战略的意见'])).toBeNull();
    expect(planJurisdiction(['中共中央 国务院关于全面推进乡村振兴的意见'])).toBeNull();
  });

  const sichuan = ingest([
    '四川省人民政府',
    '四川省新型城镇化规划',
    '第一章 空间格局',
    '支持成都建设践行新发展理念的公园城市示范区，推动郫都、武侯协同发展。',
    '加强与重庆市、云南省合作，推进成渝地区双城经济圈建设。',
    '深化与江北、万州的合作。',
  ]);

  it('links a provincial plan’s capital by its short form, and its districts', () => {
    expect(sichuan.plan.jurisdiction).toBe('510000');
    expect(linksOf(sichuan, '支持成都')).toEqual(['place/510100@成都', 'place/510117@郫都', 'place/510107@武侯']);
    expect(linksOf(sichuan, '重庆市、云南省')).toEqual(['place/500000@重庆市', 'place/530000@云南省']);
  });

  it('gives a plan of another jurisdiction none of Chongqing’s districts, regions or short names', () => {
    expect(linksOf(sichuan, '深化与江北')).toEqual([]);
    expect(sichuan.places.some((p) => p.kind === 'region')).toBe(false);
    expect(sichuan.places.map((p) => p.id).sort()).toEqual(['place/500000', 'place/510100', 'place/510107', 'place/510117', 'place/530000']);
  });

  it('links provinces and regions of a national document', () => {
    const doc = ingest(['国务院关于推进新型城镇化的意见', '一、总体要求', '支持北京、上海、香港、海南加快发展。']);
    expect(doc.plan.jurisdiction).toBeNull();
    expect(linksOf(doc, '支持北京')).toEqual(['place/110000@北京', 'place/310000@上海', 'place/810000@香港', 'place/460000@海南']);
  });

  it('does not read county names of elsewhere inside words (相适应城市, 均衡水平, 矿区)', () => {
    const doc = ingest(['国务院关于推进新型城镇化的意见', '一、总体要求', '建立与之相适应城市治理体系，提高均衡水平，治理矿区。']);
    expect(doc.tasks[0].places).toEqual([]);
  });
});
