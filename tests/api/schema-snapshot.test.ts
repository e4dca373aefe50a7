import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { printPlanGraphSdl, SDL_FILE } from '../../src/schema/emit-sdl';

/** schema.graphql is the contract front-end teams build on: a change must be deliberate. */
describe('the committed SDL', () => {
  it('matches the schema the code builds (run `npm run schema:emit` after an intended change)', async () => {
    expect(await printPlanGraphSdl()).toBe(readFileSync(SDL_FILE, 'utf8'));
  });

  it('has the required contract entry points, arguments and types', async () => {
    const schema = buildSchema(readFileSync(SDL_FILE, 'utf8'));
    const query = schema.getQueryType()!.getFields();
    // Argument order does not matter in GraphQL; the committed SDL is sorted.
    const signature = (name: string) => `${query[name].args.map((a) => `${a.name}: ${a.type}`).sort().join(', ')} -> ${query[name].type}`;
    expect(signature('plan')).toBe('id: ID -> Plan');
    expect(signature('plans')).toBe(' -> [Plan!]!');
    expect(signature('district')).toBe('code: String, name: String -> District');
    expect(signature('place')).toBe('name: String! -> Place');
    expect(signature('districts')).toBe('region: String -> [District!]!');
    expect(signature('search')).toMatch(/^after: String, .*first: Int, .*query: String!.* -> SearchConnection!$/);
    expect(signature('node')).toBe('id: ID! -> Node');
    const fields = (type: string) => Object.keys((schema.getType(type) as any).getFields());
    expect(fields('Task')).toEqual(expect.arrayContaining(['id', 'text', 'measure', 'box', 'places', 'bodies', 'source']));
    expect(fields('SourceSpan')).toEqual(expect.arrayContaining(['quote', 'path', 'start', 'end', 'line']));
    expect(fields('District')).toEqual(expect.arrayContaining(['id', 'code', 'name', 'shortName', 'kind', 'region', 'tasks']));
    expect(fields('Region')).toEqual(expect.arrayContaining(['id', 'name', 'districts', 'tasks']));
    expect(fields('Zone')).toEqual(expect.arrayContaining(['id', 'name', 'districts', 'tasks']));
    expect(fields('Plan')).toEqual(expect.arrayContaining(['id', 'title', 'chapters', 'boxes', 'indicators', 'targets', 'projects', 'pilotZones', 'regions']));
    expect(fields('SearchHit')).toEqual(expect.arrayContaining(['score', 'text', 'highlight', 'node']));
    expect(fields('TaskConnection')).toEqual(expect.arrayContaining(['edges', 'pageInfo', 'totalCount']));
    expect((schema.getType('Place') as any).getFields().tasks.args.map((a: any) => a.name)).toEqual(expect.arrayContaining(['first', 'after']));
  });
});
