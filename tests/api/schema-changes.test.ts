import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildPlanGraphSchema } from '../../src/schema/build-schema';
import { describeChanges, undeprecatedBreakingChanges } from '../helpers/schema-changes';

/**
 * The change policy (CHANGELOG.md): the schema the code builds may differ from the committed
 * contract (schema.graphql) by safe changes, and by breaking ones only where the committed
 * contract deprecated the element first. The snapshot test (tests/api/schema-snapshot.test.ts)
 * says that they differ; this one says whether the difference breaks clients.
 */
const committedSdl = readFileSync(join(__dirname, '..', '..', 'schema.graphql'), 'utf8');

describe('schema change policy', () => {
  let code: GraphQLSchema;
  let committed: GraphQLSchema;
  beforeAll(async () => {
    code = await buildPlanGraphSchema();
    committed = buildSchema(committedSdl);
  });

  it('the code breaks nothing of the committed contract that was not deprecated first', async () => {
    const breaking = await undeprecatedBreakingChanges(committed, code);
    expect(breaking.map((c) => `${c.path}: ${c.message}`)).toEqual([]);
  });

  it('flags a removed field of the real contract, unless it was deprecated first', async () => {
    const query = committed.getQueryType()!;
    const victim = Object.values(query.getFields()).find((f) => !f.deprecationReason)!;
    const withoutField = (sdl: string) => buildSchema(sdl.replace(new RegExp(`^  ${victim.name}(\\(|:)`, 'm'), `  ${victim.name}Gone$1`));
    const removed = await undeprecatedBreakingChanges(committed, withoutField(committedSdl));
    expect(removed.map((c) => c.path)).toContain(`Query.${victim.name}`);

    const deprecatedFirst = buildSchema(printSchema(committed).replace(new RegExp(`^(  ${victim.name}(\\([^)]*\\))?: [^\\n]+)$`, 'm'), '$1 @deprecated(reason: "test")'));
    expect(deprecatedFirst.getQueryType()!.getFields()[victim.name].deprecationReason).toBe('test');
    const afterDeprecation = await undeprecatedBreakingChanges(deprecatedFirst, withoutField(printSchema(deprecatedFirst)));
    expect(afterDeprecation.map((c) => c.path)).not.toContain(`Query.${victim.name}`);
  });

  it('tells breaking from safe changes on a small contract', async () => {
    const before = buildSchema(`
      type Query { a: String, b: String @deprecated(reason: "use a"), c(x: Int, y: Int @deprecated): Int, e: E, old: Old @deprecated }
      type Old { id: ID }
      enum E { X Y @deprecated(reason: "gone soon") }
    `);
    const after = buildSchema(`
      type Query { a: Int!, c(x: Int, z: Int!): Int, e: E, added: String }
      enum E { X }
    `);
    const flagged = (await undeprecatedBreakingChanges(before, after)).map((c) => c.path).sort();
    // a changed type (String -> Int!), a new required argument z; b, c.y, E.Y and Old were deprecated.
    expect(flagged).toEqual(['Query.a', 'Query.c.z']);
    const all = await describeChanges(before, after);
    expect(all.some((line) => line.startsWith('NON_BREAKING Query.added'))).toBe(true);
  });
});
