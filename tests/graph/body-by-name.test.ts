import type { Driver } from 'neo4j-driver';
import type { GraphClient } from '../../src/graph/graph-client';
import { BODY_BY_ID_OR_NAME, bodyByIdOrName } from '../../src/graph/read/responsibilities';
import { testGraph, type TestGraph } from '../helpers/graph';
import { profiledRead } from '../helpers/profile';
import { NO_ROWS } from '../helpers/rows';

/**
 * `body(id:)` takes an id, a name or a full name. Plans of many cities bring thousands of bodies,
 * many sharing a name (every city has its 住房城乡建委): each way is an index lookup, an id beats
 * a name, and among bodies of one name the lowest id is chosen, not whichever the database stores
 * first.
 */
describe('a body by id, name or full name', () => {
  const COMMISSION = 'body/housing-urban-rural-development-commission';
  let graph: TestGraph;
  let client: GraphClient;
  let driver: Driver;
  beforeAll(async () => {
    graph = await testGraph();
    ({ client, driver } = graph);
  });
  afterAll(() => graph?.close());
  const idOf = async (v: string) => (await bodyByIdOrName(client, v))?.id ?? null;

  it('by id, name and full name', async () => {
    expect(await idOf(COMMISSION)).toBe(COMMISSION);
    expect(await idOf('市住房城乡建委')).toBe(COMMISSION);
    expect(await idOf('重庆市住房和城乡建设委员会')).toBe(COMMISSION);
    expect(await idOf('住房城乡建委')).toBeNull();
  });

  it('an id first; among bodies of one name, the lowest id', async () => {
    await client.writeRows(
      `CREATE (:Entity:Body {id: 'body/test-rank/z', nodeType: 'Body', kind: 'department', name: 'body/test-rank/a'})
       CREATE (:Entity:Body {id: 'body/test-rank/c', nodeType: 'Body', kind: 'department', name: '排序委'})
       CREATE (:Entity:Body {id: 'body/test-rank/a', nodeType: 'Body', kind: 'department', name: '排序委'})
       CREATE (:Entity:Body {id: 'body/test-rank/b', nodeType: 'Body', kind: 'department', name: '另一个', fullName: '排序委'})`,
      {}, NO_ROWS,
    );
    expect(await idOf('body/test-rank/a')).toBe('body/test-rank/a');
    expect(await idOf('排序委')).toBe('body/test-rank/a');
  });

  it('costs the same with three thousand more bodies', async () => {
    const hits = async (v: string) => (await profiledRead(driver, BODY_BY_ID_OR_NAME, { v })).hits;
    const given = [COMMISSION, '市住房城乡建委', '重庆市住房和城乡建设委员会', '无此机构'];
    const before = await Promise.all(given.map(hits));
    await client.writeRows(
      `UNWIND range(1, 3000) AS i
       CREATE (:Entity:Body {id: 'body/test-city/' + i, nodeType: 'Body', kind: 'department', name: '城市' + i + '住建委', fullName: '城市' + i + '住房和城乡建设委员会'})`,
      {}, NO_ROWS,
    );
    const after = await Promise.all(given.map(hits));
    // A scan of every body would add at least 3,000 hits to each.
    after.forEach((h, i) => expect(h).toBeLessThan(before[i] + 50));
  });
});
