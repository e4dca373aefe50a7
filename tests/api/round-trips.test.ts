import { writePlan } from '../../src/graph/plan-writer';
import { ingestPlan } from '../../src/ingest/ingest-plan';
import { loadReferenceData } from '../../src/ingest/seed-data';
import { toGraph } from '../../src/ingest/to-graph';
import { SEED_PLAN_ID } from '../../src/load/seed-plan';
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
    // One compiled statement, whatever the depth (src/schema/compile).
    expect(six).toBe(1);
  });

  it('does not grow with the size of the heaviest read, the whole plan tree', async () => {
    // A tiny plan beside the seed: the same operation over 2 tasks and over 409 costs the same.
    const tiny = ingestPlan({
      file: 'tiny.txt',
      bytes: Buffer.from(['第一章 总则', '', '第一节 任务', '', '深化改革。支持万州先行。推动忠县发展。'].join('\n')),
      planId: 'test-tiny-tree',
      ...loadReferenceData(),
    });
    await writePlan(api.graph, toGraph(tiny), { force: true });
    const TREE = `query($id: ID) { plan(id: $id) { chapters { sections { measures { title tasks { text places { name } bodies { name } } } } } } }`;
    const big = await roundTrips(TREE, { id: SEED_PLAN_ID });
    const small = await roundTrips(TREE, { id: 'test-tiny-tree' });
    expect(big).toBe(small);
    // The plan with its whole tree in one statement, then the bodies of the tasks (a loader below the tree).
    expect(big).toBe(2);
  });
});
