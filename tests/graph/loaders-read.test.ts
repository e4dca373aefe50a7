import { loadConfig } from '../../src/config';
import { RowDecodeError } from '../../src/graph/decode';
import { GraphClient } from '../../src/graph/graph-client';
import type { ChapterRow, NodeRow } from '../../src/graph/read/rows';
import { Loaders } from '../../src/schema/loaders';

/**
 * Values read ahead (a plan tree, a compiled read) reach their resolvers at once, not through a
 * promise; anything else still goes through the loader, and so to the database.
 */
describe('Loaders.read', () => {
  let client: GraphClient;
  beforeAll(() => {
    client = GraphClient.create(loadConfig(process.env).neo4j);
  });
  afterAll(() => client.close());

  const chapter = (id: string): ChapterRow => ({
    nodeType: 'Chapter', id, planId: 'p', sourcePath: 'p.txt', sourceStart: 0, sourceEnd: 10, sourceLine: 1, sourceEndLine: 1,
    quote: null, number: 1, title: '总体要求', tocTitle: null, partId: null,
  });

  it('gives a primed value as it is, and an unprimed key through the loader', async () => {
    const loaders = new Loaders(client);
    const primed: NodeRow[] = [chapter('loaders-read/chp_1')];
    loaders.prime(loaders.children('Chapter', 'x'), ['loaders-read/plan'], [primed]);
    const value = loaders.read(loaders.children('Chapter', 'x'), 'loaders-read/plan');
    expect(value).not.toBeInstanceOf(Promise);
    expect(value).toBe(primed);
    // No such plan in the database: the loader asks it, and finds no chapter.
    const unprimed = loaders.read(loaders.children('Chapter', 'x'), 'loaders-read/no-such-plan');
    expect(unprimed).toBeInstanceOf(Promise);
    expect(await unprimed).toEqual([]);
  });

  it('keeps the first value given for a key, as the loader does', async () => {
    const loaders = new Loaders(client);
    const first = chapter('loaders-read/chp_1');
    loaders.primeNodes([first, { ...first, title: '另一个标题' }]);
    expect(loaders.read(loaders.node, first.id)).toBe(first);
    expect(await loaders.node.load(first.id)).toBe(first);
  });

  it('checks the type of a node read ahead at once', () => {
    const loaders = new Loaders(client);
    loaders.primeNodes([chapter('loaders-read/chp_2')]);
    expect(loaders.nodeOf('Chapter', 'loaders-read/chp_2')).toEqual(chapter('loaders-read/chp_2'));
    expect(() => loaders.nodeOf('Measure', 'loaders-read/chp_2')).toThrow(RowDecodeError);
    expect(loaders.nodeOf('Measure', null)).toBeNull();
  });
});
