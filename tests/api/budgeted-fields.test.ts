import { buildSchema, execute, parse, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { AppError } from '../../src/errors/app-error';
import { chargeFieldsToBudget } from '../../src/server/limits/budgeted-fields';
import { ExecutionBudget } from '../../src/server/limits/execution-budget';

/**
 * Every field is charged to the request's ExecutionBudget (src/server/limits/budgeted-fields.ts):
 * checked as it starts, a list's items counted once known. A small schema of its own, with
 * resolvers that answer at once or through a promise, so that both paths are taken.
 */
describe('fields charged to the execution budget', () => {
  function schemaOf(names: string[]): GraphQLSchema {
    const schema = buildSchema('type Query { items: [Item!]! later: [Item!]! title: String } type Item { name: String }');
    const fields = schema.getQueryType()!.getFields();
    fields.items.resolve = () => names.map((name) => ({ name }));
    fields.later.resolve = async () => names.map((name) => ({ name }));
    fields.title.resolve = () => '规划';
    return schema;
  }
  const run = async (schema: GraphQLSchema, query: string, budget: ExecutionBudget): Promise<ExecutionResult> =>
    execute({ schema, document: parse(query), contextValue: { budget } });
  const codes = (result: ExecutionResult) => [...new Set(result.errors?.map((e) => (e.originalError instanceof AppError ? e.originalError.code : e.message)))];

  it('counts a list’s items, answered at once or later, and fails the fields that start after the limit', async () => {
    const schema = chargeFieldsToBudget(schemaOf(['a', 'b', 'c', 'd', 'e']));
    for (const field of ['items', 'later']) {
      const result = await run(schema, `{ ${field} { name } }`, ExecutionBudget.start(60_000, 4));
      expect(codes(result)).toEqual(['RESULT_TOO_LARGE']);
      expect(result.errors).toHaveLength(5);
    }
    const within = await run(schema, '{ items { name } later { name } }', ExecutionBudget.start(60_000, 10));
    expect(within.errors).toBeUndefined();
    expect(within.data).toEqual({ items: ['a', 'b', 'c', 'd', 'e'].map((name) => ({ name })), later: ['a', 'b', 'c', 'd', 'e'].map((name) => ({ name })) });
  });

  it('fails every field once the deadline has passed', async () => {
    const schema = chargeFieldsToBudget(schemaOf(['a']));
    const result = await run(schema, '{ title items { name } }', ExecutionBudget.start(1, 100, Date.now() - 1_000));
    expect(codes(result)).toEqual(['TIMEOUT']);
    expect(result.data).toBeNull();
  });

  it('wraps a field once, however often it is asked to', async () => {
    const schema = chargeFieldsToBudget(chargeFieldsToBudget(schemaOf(['a', 'b', 'c'])));
    // Counted twice, three items would pass a limit of five.
    const result = await run(schema, '{ items { name } }', ExecutionBudget.start(60_000, 5));
    expect(result.errors).toBeUndefined();
  });

  it('keeps a synchronous answer synchronous, and charges nothing without a budget', () => {
    const schema = chargeFieldsToBudget(schemaOf(['a', 'b']));
    const answer = execute({ schema, document: parse('{ title items { name } }'), contextValue: { budget: ExecutionBudget.start(60_000, 100) } });
    expect(answer).not.toBeInstanceOf(Promise);
    expect(answer).toEqual({ data: { title: '规划', items: [{ name: 'a' }, { name: 'b' }] } });
    expect(execute({ schema, document: parse('{ title }'), contextValue: {} })).toEqual({ data: { title: '规划' } });
  });
});
