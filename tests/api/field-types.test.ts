import { readFileSync } from 'node:fs';
import { buildSchema, isAbstractType, isObjectType, type GraphQLAbstractType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { SDL_FILE } from '../../src/schema/emit-sdl';

/**
 * One type per field name. graphql-js's OverlappingFieldsCanBeMerged refuses a selection such as
 * `node(id:) { ... on Task { kind } ... on Project { kind } }` when the two `kind` fields return
 * different types (nullability included), so codegen and Apollo Client refuse it until it is
 * aliased. Two parents meet in one selection set exactly when they are possible types of one
 * abstract type (an interface or a union); the rule is checked there. Deprecated fields are
 * out of the rule: they stay for one transition and clients move off them.
 */

const schema = buildSchema(readFileSync(SDL_FILE, 'utf8'));

/** Field name -> output type -> object types that have it, among the members of one abstract type. */
function clashesAmong(members: readonly GraphQLObjectType[]): string[] {
  const byName = new Map<string, Map<string, string[]>>();
  for (const type of members) {
    for (const field of Object.values(type.getFields())) {
      if (field.deprecationReason !== undefined && field.deprecationReason !== null) continue;
      const types = byName.get(field.name) ?? new Map<string, string[]>();
      const owners = types.get(String(field.type)) ?? [];
      owners.push(type.name);
      types.set(String(field.type), owners);
      byName.set(field.name, types);
    }
  }
  return [...byName]
    .filter(([, types]) => types.size > 1)
    .map(([name, types]) => `${name}: ${[...types].map(([t, owners]) => `${t} on ${owners.join(', ')}`).join(' | ')}`);
}

const abstractTypes = (s: GraphQLSchema): GraphQLAbstractType[] => Object.values(s.getTypeMap()).filter((t): t is GraphQLAbstractType => !t.name.startsWith('__') && isAbstractType(t));

describe('field types across the schema', () => {
  const abstracts = abstractTypes(schema);

  it('finds the abstract types it checks (Node, Place and the search hit union)', () => {
    expect(abstracts.map((t) => t.name)).toEqual(expect.arrayContaining(['Node', 'Place', 'SearchHitNode']));
  });

  it.each(['Node', 'Place', 'SearchHitNode'])('gives every field name one type among the members of %s', (name) => {
    const type = schema.getType(name);
    if (!isAbstractType(type)) throw new Error(`${name} is not an abstract type of the schema`);
    const members = schema.getPossibleTypes(type);
    expect(members.length).toBeGreaterThan(1);
    expect(clashesAmong(members)).toEqual([]);
  });

  it('gives every field name one type among the members of every abstract type', () => {
    const all = abstracts.flatMap((t) => clashesAmong(schema.getPossibleTypes(t)).map((c) => `${t.name}: ${c}`));
    expect(all).toEqual([]);
  });

  it('would catch a clash: Task.kind and a String kind on another Node type', () => {
    const bad = buildSchema(`
      interface Node { id: ID! }
      enum TaskKind { sentence }
      type Task implements Node { id: ID! kind: TaskKind! }
      type Project implements Node { id: ID! kind: String! }
      type Query { node: Node }
    `);
    const node = bad.getType('Node');
    if (!isAbstractType(node)) throw new Error('Node is not abstract');
    const members = bad.getPossibleTypes(node);
    expect(clashesAmong(members)).toEqual(['kind: TaskKind! on Task | String! on Project']);
    expect(members.every(isObjectType)).toBe(true);
  });
});
