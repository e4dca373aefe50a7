import 'reflect-metadata';
import { getNamedType, isLeafType, isObjectType, type GraphQLObjectType } from 'graphql';
import { SEED_PLAN_ID } from '../../src/load/seed-plan';
import { buildPlanGraphSchema } from '../../src/schema/build-schema';
import { startTestApi, type TestApi } from '../helpers/api';

/**
 * A page of tasks reads only the task properties its operation selects (TaskPageArgs.properties).
 * Whatever Task fields an operation selects under a page, each task answers as it does read whole
 * by node(id:): every field of Task, taken from the schema so that a new field is covered, is
 * asked both ways and compared. Alone and beside others, a field must find what it reads.
 */
describe('the tasks of a page, read with the properties selected', () => {
  let api: TestApi;
  let everyField: string[];
  beforeAll(async () => {
    api = await startTestApi({ RESPONSE_CACHE: 'false' });
    const task = (await buildPlanGraphSchema()).getType('Task') as GraphQLObjectType;
    // Leaves by name; objects and lists of objects with their leaves (one level), or their type name.
    everyField = Object.values(task.getFields()).map((f) => {
      const type = getNamedType(f.type);
      if (isLeafType(type)) return f.name;
      const leaves = isObjectType(type) ? Object.values(type.getFields()).filter((g) => isLeafType(getNamedType(g.type)) && g.args.length === 0).map((g) => g.name) : [];
      return `${f.name} { __typename ${leaves.join(' ')} }`;
    });
  });
  afterAll(() => api.stop());

  const PAGES: [string, string, (d: any) => any[]][] = [
    ['a district’s tasks', `district(name: "万州") { tasks(first: 12, planId: "${SEED_PLAN_ID}") { edges { node { %s } } } }`, (d) => d.district.tasks.edges],
    ['a body’s tasks', `body(id: "body/gov/500101") { tasks(first: 12, planId: "${SEED_PLAN_ID}") { edges { node { %s } } } }`, (d) => d.body.tasks.edges],
    ['tasks shared by two places', `sharedTasks(places: ["万州", "开州"], first: 12) { edges { node { %s } } }`, (d) => d.sharedTasks.edges],
  ];

  async function compare(page: string, edgesOf: (d: any) => any[], fields: string[]): Promise<number> {
    const { body } = await api.gql(`{ ${page.replace('%s', `id ${fields.join(' ')}`)} }`);
    expect(body.errors).toBeUndefined();
    const edges = edgesOf(body.data);
    for (const { node } of edges) {
      const whole = await api.gql(`query($id: ID!) { node(id: $id) { ... on Task { id ${fields.join(' ')} } } }`, { id: node.id });
      expect(whole.body.errors).toBeUndefined();
      expect(node).toEqual(whole.body.data?.node);
    }
    return edges.length;
  }

  it.each(PAGES)('%s: every Task field at once, as read whole', async (_name, page, edgesOf) => {
    expect(await compare(page, edgesOf, everyField)).toBeGreaterThan(1);
  });

  it.each(PAGES)('%s: each Task field alone, as read whole', async (_name, page, edgesOf) => {
    for (const field of everyField) expect(await compare(page, edgesOf, [field])).toBeGreaterThan(1);
  });
});
