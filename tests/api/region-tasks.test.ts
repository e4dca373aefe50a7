import { startTestApi, type TestApi } from '../helpers/api';

/**
 * District.regionTasks is documented as the tasks that name a region the district lies in, not
 * the district itself: a task that names both belongs to District.tasks only, so a page of the
 * district's own tasks and a page of its region tasks never share a task.
 */
describe('District.regionTasks', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ RESPONSE_CACHE: 'false' });
  });
  afterAll(() => api.stop());

  type Page = { totalCount: number; edges: { node: { id: string } }[] };
  type Row = { name: string; tasks: Page; regionTasks: Page };

  it('never lists a task that names the district itself', async () => {
    const { body } = await api.gql(`{ districts { name tasks(first: 100) { totalCount edges { node { id } } } regionTasks(first: 100) { totalCount edges { node { id } } } } }`);
    expect(body.errors).toBeUndefined();
    const districts = (body.data as { districts: Row[] }).districts;
    expect(districts).toHaveLength(38);
    const overlaps: string[] = [];
    for (const d of districts) {
      // Whole lists, so that an overlap beyond the first page cannot hide.
      expect(d.tasks.edges).toHaveLength(d.tasks.totalCount);
      expect(d.regionTasks.edges).toHaveLength(Math.min(100, d.regionTasks.totalCount));
      const own = new Set(d.tasks.edges.map((e) => e.node.id));
      for (const e of d.regionTasks.edges) if (own.has(e.node.id)) overlaps.push(`${d.name}: ${e.node.id}`);
    }
    expect(overlaps).toEqual([]);
  });
});
