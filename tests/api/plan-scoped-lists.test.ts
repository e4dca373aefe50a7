import type { GraphClient } from '../../src/graph/graph-client';
import { writePlan } from '../../src/graph/plan-writer';
import { toGraph } from '../../src/ingest/to-graph';
import { SEED_PLAN_ID } from '../../src/load/seed-plan';
import { startTestApi, type TestApi } from '../helpers/api';
import { removePlan, testClient } from '../helpers/graph';
import { seedDocument } from '../helpers/seed-document';

/**
 * A district's positioning entries, projects and pilot zones span every plan; `planId` keeps one
 * plan's. With a second copy of the seed loaded, each scoped list holds exactly the unscoped
 * list's members of that plan (ids start with the plan's id), and the two plans' lists match.
 */
describe('a district’s lists of one plan', () => {
  const COPY = 'test-plan-scoped-lists';
  let client: GraphClient;
  let api: TestApi;

  beforeAll(async () => {
    client = await testClient();
    await removePlan(client, COPY);
    await writePlan(client, toGraph(seedDocument(COPY)));
    api = await startTestApi({ RESPONSE_CACHE: 'false' });
  });
  afterAll(async () => {
    await api?.stop();
    await removePlan(client, COPY);
    await client.close();
  });

  type Lists = { positioning: { id: string }[]; projects: { id: string }[]; pilotZones: { id: string }[] };
  const lists = async (planId: string | null): Promise<Lists> => {
    const { body } = await api.gql<{ district: Lists }>(
      `query($p: String) { district(name: "万州") { positioning(planId: $p) { id } projects(planId: $p) { id } pilotZones(planId: $p) { id } } }`,
      { p: planId },
    );
    expect(body.errors).toBeUndefined();
    return body.data!.district;
  };
  const ids = (l: Lists, key: keyof Lists) => l[key].map((n) => n.id).sort();
  const KEYS: (keyof Lists)[] = ['positioning', 'projects', 'pilotZones'];

  it('keeps exactly one plan’s entries, and every plan’s without planId', async () => {
    const all = await lists(null);
    const seed = await lists(SEED_PLAN_ID);
    const copy = await lists(COPY);
    for (const key of KEYS) {
      const ofSeed = ids(all, key).filter((id) => id.startsWith(`${SEED_PLAN_ID}/`));
      const ofCopy = ids(all, key).filter((id) => id.startsWith(`${COPY}/`));
      expect({ key, ids: ids(seed, key) }).toEqual({ key, ids: ofSeed });
      expect({ key, ids: ids(copy, key) }).toEqual({ key, ids: ofCopy });
      // The copy is the seed's text: the same entries under its own ids.
      expect({ key, ids: ids(copy, key).map((id) => id.slice(COPY.length)) }).toEqual({ key, ids: ofSeed.map((id) => id.slice(SEED_PLAN_ID.length)) });
    }
    // 万州 has positioning entries in the seed's boxes (专栏 of functional positioning).
    expect(seed.positioning.length).toBeGreaterThan(0);
    expect(all.positioning).toHaveLength(2 * seed.positioning.length);
  });

  it('names no plan that exists: empty lists, not an error', async () => {
    const none = await lists('no-such-plan');
    expect(none).toEqual({ positioning: [], projects: [], pilotZones: [] });
  });
});
