import type { Driver } from 'neo4j-driver';
import type { GraphClient } from '../../src/graph/graph-client';
import { namedPlaceParams, PLACE_BY_NAME, placeByName } from '../../src/graph/read/places';
import { testGraph, type TestGraph } from '../helpers/graph';
import { profiledRead } from '../helpers/profile';
import { NO_ROWS } from '../helpers/rows';

/**
 * A place named by its full name, short name, GB/T 2260 code or an alias, each found through an
 * index: with the places of the whole country loaded (thousands), a lookup by name may cost no
 * more than with the seed's sixty.
 */
describe('a place by name', () => {
  let graph: TestGraph;
  let client: GraphClient;
  let driver: Driver;
  beforeAll(async () => {
    graph = await testGraph();
    ({ client, driver } = graph);
  });
  afterAll(() => graph?.close());
  const idOf = async (name: string) => (await placeByName(client, name))?.id ?? null;

  it('by full name, short name, code and alias; outside places too', async () => {
    expect(await idOf('万州区')).toBe('place/500101');
    expect(await idOf('万州')).toBe('place/500101');
    expect(await idOf('500101')).toBe('place/500101');
    // 一区两群: 一区 is 主城都市区 (an alias of the region).
    expect(await idOf('一区')).toBe('place/主城都市区');
    expect(await idOf('成都')).toBe('place/outside/成都');
  });

  it('finds nothing for a name that is no place, whatever its characters', async () => {
    for (const name of ['不存在的地方', '', ' ', '"', '\\', '一区"', '"一区"', '一', 'OR', '*', '万州 OR 一区']) expect(await idOf(name)).toBeNull();
  });

  it('ranks an exact full name first, outside places last, then by id', async () => {
    await client.writeRows(
      `CREATE (:Entity:Place:OutsidePlace {id: 'place/test-rank/b-outside', nodeType: 'OutsidePlace', name: '排序甲', shortName: '排序', kind: 'outside'})
       CREATE (:Entity:Place:District {id: 'place/test-rank/c-district', nodeType: 'District', name: '排序乙区', shortName: '排序', kind: 'district', code: '799998', aliases: ['排序甲']})
       CREATE (:Entity:Place:District {id: 'place/test-rank/a-district', nodeType: 'District', name: '排序丙区', shortName: '排序', kind: 'district', code: '799999'})`,
      {}, NO_ROWS,
    );
    // The outside place's full name beats the district's alias.
    expect(await idOf('排序甲')).toBe('place/test-rank/b-outside');
    // Short names: the districts before the outside place, the lower id first.
    expect(await idOf('排序')).toBe('place/test-rank/a-district');
  });

  it('costs the same with four thousand more places', async () => {
    const hits = async (name: string) => (await profiledRead(driver, PLACE_BY_NAME, namedPlaceParams(name))).hits;
    const names = ['万州区', '万州', '500101', '一区', '无此地'];
    const before = await Promise.all(names.map(hits));
    await client.writeRows(
      `UNWIND range(1, 4000) AS i
       CREATE (:Entity:Place:OutsidePlace {id: 'place/test-nation/' + i, nodeType: 'OutsidePlace', name: '测试县' + i, shortName: '测试' + i, kind: 'outside',
         code: toString(700000 + i), aliases: ['旧名' + i]})`,
      {}, NO_ROWS,
    );
    const after = await Promise.all(names.map(hits));
    // A scan of every place would add at least 4,000 hits to each.
    after.forEach((h, i) => expect(h).toBeLessThan(before[i] + 50));
    expect(await idOf('旧名3999')).toBe('place/test-nation/3999');
  });
});
