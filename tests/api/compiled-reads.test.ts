import { parse, type OperationDefinitionNode } from 'graphql';
import { crossReference, dossier, planTree, portfolio, search, taskPage, type Operation } from '../../bench/operations';
import { PORTFOLIO_BODY } from '../../bench/queries';
import { startTestApi, type TestApi } from '../helpers/api';

/**
 * One round trip per root field: the operations of the benchmark (bench/operations.ts), and
 * nested variants of them, each cost exactly as many database statements as they have root
 * fields, however deep they reach. Counted on the API's own GraphClient (statements run by a
 * heavy-operation thread are added to it with the answer).
 */
describe('compiled reads: one statement per root field', () => {
  let api: TestApi;
  beforeAll(async () => {
    // The response cache reads the graph's versions once per request; it is counted apart (response-cache.test.ts).
    api = await startTestApi({ RESPONSE_CACHE: 'false' });
  });
  afterAll(() => api.stop());

  const rootFields = (query: string): number => {
    const op = parse(query).definitions[0] as OperationDefinitionNode;
    return op.selectionSet.selections.length;
  };

  async function statements(query: string, variables: Record<string, unknown> = {}): Promise<number> {
    api.graph.resetStats();
    await api.data(query, variables);
    return api.graph.stats.roundTrips;
  }

  const BENCH: Operation[] = [
    dossier('万州'),
    dossier('忠县'),
    crossReference('万州'),
    search('保障性租赁住房'),
    planTree(),
    portfolio(PORTFOLIO_BODY),
    taskPage('body/gov/500233', 1, { ours: null, lower: null }),
  ];

  it.each(BENCH.map((op) => [op.label, op] as const))('%s costs one statement', async (_label, op) => {
    expect(rootFields(op.ours.query)).toBe(1);
    expect(await statements(op.ours.query, op.ours.variables)).toBe(1);
  });

  it('a page after a cursor costs one statement too', async () => {
    const first = await api.data('{ body(id: "body/gov/500233") { tasks(first: 2) { pageInfo { endCursor } } } }');
    const after = first.body.tasks.pageInfo.endCursor;
    expect(await statements('query($after: String) { body(id: "body/gov/500233") { tasks(first: 2, after: $after) { edges { node { id measure { title } places { name } } } } } }', { after })).toBe(1);
  });

  it('reads six levels below a district, with fragments and aliases, in one statement', async () => {
    const query = `query($plan: String) { district(name: "忠县") {
      ...where
      own: tasks(first: 5, planId: $plan) { edges { node { id measure { section { chapter { title } } } bodies { name governs { name } } latestReports { status } } } }
      inRegion: regionTasks(first: 3) { totalCount edges { node { text containingChapter { number } } } }
      projects { name } pilotZones { name } zones { name }
    } }
    fragment where on District { region { name parent { name } districts { shortName } } regions { name } }`;
    expect(await statements(query, { plan: 'cq-nup-2021-2035' })).toBe(1);
  });

  it('reads every district with their tasks and regions in one statement', async () => {
    expect(await statements('{ districts { code region { name } tasks(first: 3) { totalCount edges { node { id measure { title } } } } } }')).toBe(1);
  });

  it('reads every body with its portfolio and the district it governs in one statement', async () => {
    expect(await statements('{ bodies { id name governs { shortName } tasks(first: 2) { totalCount edges { node { id } } } } }')).toBe(1);
  });

  it('costs one statement per root field when an operation has several', async () => {
    const query = `{ a: district(name: "万州") { region { name } } b: body(id: "body/gov/500233") { governs { name } } c: districtsSharingTasksConnection(with: "开州", first: 3) { edges { sharedTasks } } }`;
    expect(rootFields(query)).toBe(3);
    expect(await statements(query)).toBe(3);
  });
});
