import { sentenceMood } from '../../src/ingest/sentence-mood';
import { seedDocument } from '../helpers/seed-document';

/** Sentences of the seed, each read by hand: does it ask for something to be done? */
describe('the mood of a sentence', () => {
  it.each([
    ['全面放开城镇落户限制，逐步消化城市存量农业转移人口。', 'directive'],
    ['到2025年，建设5G基站数15万个。', 'directive'],
    ['以“聚人”为目标，全面放开城镇落户限制，逐步消化城市存量农业转移人口。', 'directive'],
    ['各区县要结合实际制定具体实施方案。', 'directive'],
    ['户籍制度改革取得历史性突破，除中心城区外的城镇落户限制全面放开。', 'descriptive'],
    ['城镇化建设投融资渠道单一，政府债务风险不容忽视。', 'descriptive'],
    ['农民进城仍是大趋势，主城新区和“两群”仍处于快速城镇化阶段。', 'descriptive'],
  ])('%s → %s', (sentence, mood) => {
    expect(sentenceMood(sentence)).toBe(mood);
  });

  it('gives the seed its 409 tasks: chapters 1 and 2 mostly describe, 3 to 9 mostly direct', () => {
    const doc = seedDocument();
    expect(doc.tasks).toHaveLength(409);
    expect(doc.descriptiveChapters).toEqual(['seed/chp_1', 'seed/chp_2']);
    expect(doc.tasks.filter((t) => t.kind === 'sentence').every((t) => t.mood !== null)).toBe(true);
    expect(doc.tasks.filter((t) => t.kind !== 'sentence').every((t) => t.mood === null)).toBe(true);
  });
});
