import { startTestApi, type TestApi } from '../helpers/api';

/**
 * No N+1: the database round trips of an operation depend on the depth of the query, not on the
 * size of its result. The same nested query over 1 district and over 38 must cost the same.
 */
describe('database round trips per operation', () => {
  let api: TestApi;
  beforeAll(async () => {
    // The response cache adds one read of the graph's versions; counted apart in its own test.
    api = await startTestApi({ RESPONSE_CACHE: 'false' });
  });
  afterAll(() => api.stop());

  async function roundTrips(query: string, variables?: Record<string, unknown>): Promise<number> {
    api.graph.resetStats();
    const { body } = await api.gql(query, variables);
    expect(body.errors).toBeUndefined();
    return api.graph.stats.roundTrips;
  }

  const DOSSIER = `query($region: String) { districts(region: $region) {
    name region { name } positioning { text } projects { name } pilotZones { name }
    tasks(first: 20) { totalCount edges { node { text measure { title section { title chapter { title } } } places { name } } } }
  } }`;

  it('does not grow with the number of districts in a nested dossier', async () => {
    const six = await roundTrips(DOSSIER, { region: '渝东南武陵山区城镇群' });
    const twentyOne = await roundTrips(DOSSIER, { region: '主城都市区' });
    const all = await roundTrips(DOSSIER, { region: null });
    expect(twentyOne).toBe(six);
    expect(all).toBe(six);
    const one = six;
    expect(one).toBeLessThanOrEqual(12);
  });

  it('does not grow with the size of the heaviest read, the whole plan tree', async () => {
    const TREE = `{ plan { chapters { sections { measures { tasks { text places { name } bodies { name } } } } } } }`;
    const trips = await roundTrips(TREE);
    // plan, chapters, sections, measures, tasks, places, bodies: one query each.
    expect(trips).toBe(7);
    const SMALLER = `{ plan { chapters { sections { measures { tasks { text } } } } } }`;
    expect(await roundTrips(SMALLER)).toBe(5);
  });
});
