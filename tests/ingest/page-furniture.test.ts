import { normalise } from '../../src/ingest/normalise';
import { seedDocument, SEED_TEXT_BYTES } from '../helpers/seed-document';

describe('page furniture', () => {
  it('leaves out page numbers of every form and the running title beside them, and joins across them', () => {
    const text = [
      '某省新型城镇化规划', // 1: the title page's own line: kept
      '第一章 总则',
      '推进以人为核心的新型城镇化，',
      '第 1 页 共 3 页', // 4
      '某省新型城镇化规划', // 5
      '提高城镇化质量。',
      '8', // 7
      '某省新型城镇化规划', // 8
      '完善体制机制。',
      '9', // 10
      '某省新型城镇化规划', // 11
      '强化规划实施。',
      '10', // 13
    ].join('\n');
    const norm = normalise(text);
    expect(norm.furniture.map((f) => [f.line, f.kind])).toEqual([
      [4, 'page_number'],
      [5, 'running_title'],
      [7, 'page_number'],
      [8, 'running_title'],
      [10, 'page_number'],
      [11, 'running_title'],
      [13, 'page_number'],
    ]);
    expect(norm.text).toBe('某省新型城镇化规划\n第一章 总则\n推进以人为核心的新型城镇化，提高城镇化质量。\n完善体制机制。\n强化规划实施。');
  });

  it('finds none in the seed, whose text stays as it was', () => {
    const norm = normalise(SEED_TEXT_BYTES().toString('utf8'));
    expect(norm.furniture).toEqual([]);
    expect(norm.wrapWidth).toBeNull();
    expect(seedDocument().text).toBe(norm.text);
  });
});
