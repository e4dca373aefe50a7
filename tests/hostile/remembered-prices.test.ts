import 'reflect-metadata';
import { parse, type GraphQLSchema } from 'graphql';
import { buildPlanGraphSchema } from '../../src/schema/build-schema';
import { operationCacheScope } from '../../src/server/cache-scope';
import { operationCost } from '../../src/server/limits/operation-cost';

/**
 * Prices and cache scopes are remembered per parsed document (Apollo reuses one document for
 * every request with the same text): a remembered price must still follow the variables, the
 * operation chosen and the page ceiling, however many variants a document is asked with.
 */
describe('prices remembered per document', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildPlanGraphSchema();
  });

  // search(first: n) { edges { node { score } } }: 1 + n × (1 + 1 × (1 + 1 × 1)) = 1 + 3n.
  const SEARCH = parse('query S($n: Int) { search(query: "住房", first: $n) { edges { node { score } } } } query T { search(query: "住房", first: 7) { edges { node { score } } } }');

  it('prices the same document by its variables, each time', () => {
    expect(operationCost(schema, SEARCH, { n: 10 }, 'S', 100)).toBe(31);
    expect(operationCost(schema, SEARCH, { n: 100 }, 'S', 100)).toBe(301);
    expect(operationCost(schema, SEARCH, { n: 10 }, 'S', 100)).toBe(31);
    expect(operationCost(schema, SEARCH, {}, 'T', 100)).toBe(22);
  });

  it('stays right past the number of prices a document keeps', () => {
    const prices = Array.from({ length: 150 }, (_, i) => operationCost(schema, SEARCH, { n: i + 1 }, 'S', 100));
    expect(prices).toEqual(Array.from({ length: 150 }, (_, i) => 1 + 3 * (i + 1)));
    expect(operationCost(schema, SEARCH, { n: 1 }, 'S', 100)).toBe(4);
  });

  it('prices variables of any size, remembered or not', () => {
    const long = 'x'.repeat(5_000);
    const document = parse('query($q: String!, $n: Int) { search(query: $q, first: $n) { edges { node { score } } } }');
    expect(operationCost(schema, document, { q: long, n: 5 }, undefined, 100)).toBe(16);
    expect(operationCost(schema, document, { q: long, n: 50 }, undefined, 100)).toBe(151);
  });

  it('gives each document its own cache scope', () => {
    expect(operationCacheScope(schema, parse('{ plan { id } }'))).toBe('structure');
    // ApiKeyInfo carries the private hint (monitoring.types.ts).
    expect(operationCacheScope(schema, parse('{ apiKeys { keyId } }'))).toBe('private');
    expect(operationCacheScope(schema, parse('{ plan { id } }'))).toBe('structure');
  });
});
