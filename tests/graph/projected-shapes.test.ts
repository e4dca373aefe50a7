import { PartialTaskRow, TASK_KEYS } from '../../src/graph/read/rows';
import { keptPerKeys, maskOf } from '../../src/graph/read/projected-shapes';

/**
 * A plan tree decodes its task rows with PartialTaskRow narrowed to the keys it read: the same
 * checks on the properties read, the same output, none of the work for properties it did not.
 */
describe('a partial row shape narrowed to the keys read', () => {
  const READ = [...Object.keys(TASK_KEYS), 'text', 'kind'];
  const narrowed = PartialTaskRow.pick(maskOf(PartialTaskRow.shape, READ));
  const row = {
    id: 'p/chp_1__para_1__sent_1', nodeType: 'Task', planId: 'p', measureId: 'p/chp_1__para_1', boxId: null,
    chapterId: 'p/chp_1', sectionId: null, sourceStart: 120, retired: null, text: '推进新型城镇化。', kind: 'sentence',
  };

  it('holds exactly the keys read that the shape knows', () => {
    expect(Object.keys(maskOf(PartialTaskRow.shape, [...READ, 'notAProperty'])).sort()).toEqual([...READ].sort());
  });

  it('decodes a row as the whole partial shape does', () => {
    expect(narrowed.parse(row)).toEqual(PartialTaskRow.parse(row));
    // retired null reads as false; absent optional keys stay absent.
    expect(narrowed.parse(row)).toEqual({ ...row, retired: false });
  });

  it.each([
    ['a position that is not an integer', { sourceStart: '120' }],
    ['a kind outside the closed set', { kind: 'paragraph' }],
    ['a missing id', { id: undefined }],
    ['text that is not a string', { text: 7 }],
  ])('refuses %s, as the whole partial shape does', (_name, change) => {
    const bad = { ...row, ...change };
    expect(PartialTaskRow.safeParse(bad).success).toBe(false);
    expect(narrowed.safeParse(bad).success).toBe(false);
  });

  it('keeps one value per key list, the most recent 64', () => {
    let made = 0;
    const shapes = keptPerKeys((keys) => ({ keys, serial: ++made }));
    const first = shapes(['id']);
    expect(shapes(['id'])).toBe(first);
    expect(made).toBe(1);
    for (let i = 0; i < 64; i++) shapes([`k${i}`]);
    expect(made).toBe(65);
    // The first list was the oldest of 65: made again, once.
    expect(shapes(['id'])).not.toBe(first);
    expect(made).toBe(66);
  });
});
