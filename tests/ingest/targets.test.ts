import { ingestPlan } from '../../src/ingest/ingest-plan';
import { planText, referenceData } from '../helpers/seed-document';

const targetsOf = (paragraph: string) => {
  const doc = ingestPlan({ file: 'plan.txt', bytes: planText(['第一章 主要任务', paragraph]), planId: 't', ...referenceData() });
  return { doc, targets: doc.targets.map((t) => [t.text, t.value, t.unit, t.comparator, t.year]) };
};

/** Quantities as OCR and other extractions write them; values read by hand. */
describe('targets', () => {
  it('reads digits spaced by OCR, with the year before them', () => {
    expect(targetsOf('加快发展。到2 0 2 5年，地区生产总值年均增长1 2 %左右。').targets).toEqual([['1 2 %左右', 12, '%', 'about', 2025]]);
    expect(targetsOf('提升水平。推动常住人口城镇化率提高到4 8 %。到2 0 0 5年建成高速公路1 3 0 0公里。').targets).toEqual([
      ['4 8 %', 48, '%', '>=', null],
      ['1 3 0 0公里', 1300, '公里', '=', 2005],
    ]);
  });

  it('reads full-width digits and a year that follows its year (2025年达到)', () => {
    expect(targetsOf('加快建设。２０２５年达到１５万个。').targets).toEqual([['１５万个', 15, '万个', '>=', 2025]]);
  });

  it('reads the end of a five-year plan period as its year, and 百分之 percentages', () => {
    expect(targetsOf('加快建设。到“十四五”末，覆盖率达到百分之六十。').targets).toEqual([['百分之六十', 60, '%', '>=', 2025]]);
  });

  it('warns, with the line, when two years precede a target', () => {
    const { doc, targets } = targetsOf('加快建设。到2025年基本建成，到2035年全面建成，绿地率达到40%。');
    expect(targets).toEqual([['40%', 40, '%', '>=', 2035]]);
    expect(doc.report!.warnings).toEqual([{ line: 2, kind: 'target', message: expect.stringMatching(/2025 and 2035; took 2035/) }]);
  });
});
