import { SEED_PLAN_ID } from '../../src/load/seed-plan';
import { startTestApi, type TestApi } from '../helpers/api';

/**
 * A plan tree reads the places its tasks name in the same statement as the tree (the ids of the
 * places, in the order of the links), not through each task's links. Whatever a tree's tasks
 * select about places, each task answers as it does read alone by node(id:), which reads its
 * links: the same places in the same order, one per link, for every task of the seed plan.
 */
describe('the places of a plan tree’s tasks', () => {
  let api: TestApi;
  beforeAll(async () => {
    // The whole tree with three place fields per task is dearer than the default cost ceiling, and
    // a batch of node(id:) lookups uses more aliases than the default allows.
    api = await startTestApi({ RESPONSE_CACHE: 'false', GRAPHQL_MAX_COST: '100000000', GRAPHQL_MAX_ALIASES: '200' });
  });
  afterAll(() => api.stop());

  const PLACES = 'places { id name } textPlaces: places(basis: text) { id } placeLinks { place { id } link { basis quote start end } }';

  it('every task of the tree names the places node(id:) gives it, in the same order', async () => {
    const tree = await api.gql<any>(`query($id: ID) { plan(id: $id) { chapters { sections { measures { tasks { id ${PLACES} } } } } } }`, { id: SEED_PLAN_ID });
    expect(tree.body.errors).toBeUndefined();
    const tasks: { id: string; places: { id: string }[] }[] = tree.body.data?.plan.chapters.flatMap((c: any) => c.sections.flatMap((s: any) => s.measures.flatMap((m: any) => m.tasks)));
    // The seed's sections hold hundreds of tasks, and many name places (read in the text).
    expect(tasks.length).toBeGreaterThan(300);
    expect(tasks.filter((t) => t.places.length > 1).length).toBeGreaterThan(20);

    // node(id:) in batches of aliases: one request per 25 tasks.
    for (let i = 0; i < tasks.length; i += 25) {
      const batch = tasks.slice(i, i + 25);
      const query = `query { ${batch.map((t, k) => `t${k}: node(id: ${JSON.stringify(t.id)}) { ... on Task { id ${PLACES} } }`).join(' ')} }`;
      const alone = await api.gql<any>(query);
      expect(alone.body.errors).toBeUndefined();
      expect(batch).toEqual(batch.map((_, k) => alone.body.data?.[`t${k}`]));
    }
  });

  it('places alone under the tree, as read alone', async () => {
    const tree = await api.gql<any>(`query($id: ID) { plan(id: $id) { chapters { sections { measures { tasks { id places { id } } } } } } }`, { id: SEED_PLAN_ID });
    expect(tree.body.errors).toBeUndefined();
    const tasks: { id: string; places: { id: string }[] }[] = tree.body.data?.plan.chapters.flatMap((c: any) => c.sections.flatMap((s: any) => s.measures.flatMap((m: any) => m.tasks)));
    const named = tasks.filter((t) => t.places.length > 0).slice(0, 25);
    expect(named.length).toBe(25);
    const alone = await api.gql<any>(`query { ${named.map((t, k) => `t${k}: node(id: ${JSON.stringify(t.id)}) { ... on Task { id places { id } } }`).join(' ')} }`);
    expect(alone.body.errors).toBeUndefined();
    expect(named).toEqual(named.map((_, k) => alone.body.data?.[`t${k}`]));
  });
});
