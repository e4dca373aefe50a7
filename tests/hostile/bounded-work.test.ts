import { SEED_PLAN_ID } from '../../src/load/seed-plan';
import { startTestApi, type TestApi } from '../helpers/api';

/**
 * No single request may take the API down: the operations an attacker would send first, and
 * their nearest variants, are refused before they run or stopped by a hard ceiling, each within
 * 2 s, and the server answers a cheap query right after.
 */
jest.setTimeout(180_000);

describe('hostile operations are refused or bounded', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ RESPONSE_CACHE: 'false' });
  });
  afterAll(() => api.stop());

  const timed = async (query: string, variables?: Record<string, unknown>) => {
    const started = Date.now();
    const res = await api.gql(query, variables);
    return { ...res, ms: Date.now() - started, codes: (res.body.errors ?? []).map((e) => e.extensions?.code) };
  };

  const expectRefused = async (query: string, variables?: Record<string, unknown>) => {
    const res = await timed(query, variables);
    expect(res.codes).toEqual(['QUERY_TOO_COMPLEX']);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.ms).toBeLessThan(2_000);
    return res;
  };

  afterEach(async () => {
    const cheap = await timed('{ plan(id: "cq-nup-2021-2035") { id } }');
    expect(cheap.body.data).toEqual({ plan: { id: SEED_PLAN_ID } });
  });

  it('refuses the 133-byte query that exhausted the memory', async () => {
    const res = await expectRefused('{ bodies { measures { tasks { bodies { measures { tasks { bodies { measures { tasks { bodies { measures { id } } } } } } } } } } } }');
    expect(res.body.errors?.[0].message).toMatch(/GRAPHQL_MAX_COST|first:|nested lists/);
  });

  it('refuses its shallower, fragment and alias variants', async () => {
    await expectRefused('{ bodies { measures { tasks { bodies { measures { tasks { bodies { measures { id } } } } } } } } }');
    await expectRefused('fragment B on Body { measures { tasks { bodies { measures { tasks { id } } } } } } { bodies { ...B } }');
    await expectRefused('{ bodies { ... on Body { measures { tasks { bodies { measures { tasks { text } } } } } } } }');
    await expectRefused('{ a: bodies { measures { tasks { bodies { id } } } } b: bodies { measures { tasks { bodies { id } } } } c: bodies { measures { tasks { bodies { measures { id } } } } } }');
  });

  it('prices `first` given as a variable like the same literal', async () => {
    const nested = 'query($n: Int!) { bodies { tasks(first: $n) { edges { node { bodies { tasks(first: $n) { edges { node { id } } } } } } } } }';
    await expectRefused(nested, { n: 100 });
    await expectRefused(nested.replace('query($n: Int!) ', '').replace(/\$n/g, '100'));
    await expectRefused('query($n: Int!) { districts { tasks(first: $n) { edges { node { places { tasks(first: $n) { edges { node { text } } } } } } } } }', { n: 100 });
  });

  it('refuses a fragment explosion that the pricing cannot walk', async () => {
    const spreads = (name: string) => Array.from({ length: 10 }, () => `...${name}`).join(' ');
    await expectRefused(`{ districts { ...F4 } }
      fragment F0 on District { name }
      fragment F1 on District { ${spreads('F0')} }
      fragment F2 on District { ${spreads('F1')} }
      fragment F3 on District { ${spreads('F2')} }
      fragment F4 on District { ${spreads('F3')} }`);
  });

  it('prices a page size left to its default at that default', async () => {
    // sharingDistricts defaults to first: 50: four levels of it price at 50^4 times the districts.
    await expectRefused('{ districts { sharingDistricts { district { sharingDistricts { district { sharingDistricts { district { sharingDistricts { district { name } } } } } } } } } }');
  });

  it('refuses the cross-reference nested in itself, and lets one level of it through', async () => {
    // Within the limits before items were weighed: one query per district pair, 3 s, 800 kB.
    await expectRefused('{ districts { sharingDistricts(first: 50) { district { sharingDistricts(first: 50) { district { name } sharedTasks } } } } }');
    await expectRefused('{ districtsSharingTasks(with: "万州区", first: 50) { district { sharingDistricts(first: 50) { district { name } sharedTasks } } } }');
    const one = await timed('{ districts { sharingDistricts(first: 50) { district { name } sharedTasks } } }');
    expect(one.body.errors).toBeUndefined();
    // Chongqing has 38 county-level divisions: 26 districts, 8 counties, 4 autonomous counties.
    expect((one.body.data as { districts: unknown[] }).districts).toHaveLength(38);
  });

  it('lets a realistic page through', async () => {
    const res = await timed(`{ district(name: "忠县") { tasks(first: 100, planId: "${SEED_PLAN_ID}") { totalCount edges { node { text measure { title } } } } } }`);
    expect(res.body.errors).toBeUndefined();
    // Read by hand: 忠县 is named in 7 tasks of the seed plan.
    expect(res.body.data).toMatchObject({ district: { tasks: { totalCount: 7 } } });
  });
});

describe('hard ceilings stop what the estimate lets through', () => {
  it('answers RESULT_TOO_LARGE, with nothing partial, once the list items pass the ceiling', async () => {
    const api = await startTestApi({ RESPONSE_CACHE: 'false', GRAPHQL_MAX_RESULT_ITEMS: '50' });
    try {
      // The seed plan has 9 chapters and far more than 50 measures among them.
      const res = await api.gql(`{ plan(id: "${SEED_PLAN_ID}") { chapters { sections { measures { tasks { id } } } } } }`);
      expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['RESULT_TOO_LARGE']);
      expect(res.body.errors?.[0].extensions).toMatchObject({ limit: 'GRAPHQL_MAX_RESULT_ITEMS', limitValue: 50 });
      expect(res.body.data).toBeNull();
      const small = await api.gql(`{ plan(id: "${SEED_PLAN_ID}") { chapters { number } } }`);
      expect(small.body.data).toMatchObject({ plan: { chapters: expect.arrayContaining([expect.objectContaining({ number: 9 })]) } });
    } finally {
      await api.stop();
    }
  });

  it('answers TIMEOUT once the operation passes its deadline', async () => {
    const api = await startTestApi({ RESPONSE_CACHE: 'false', GRAPHQL_TIMEOUT_MS: '1' });
    try {
      // Each level waits for a database round trip, which takes more than 1 ms.
      const res = await api.gql(`{ plan(id: "${SEED_PLAN_ID}") { chapters { sections { measures { tasks { id } } } } } }`);
      expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['TIMEOUT']);
      expect(res.body.errors?.[0].extensions).toMatchObject({ limit: 'GRAPHQL_TIMEOUT_MS' });
    } finally {
      await api.stop();
    }
  });
});
