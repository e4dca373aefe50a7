import { getNullableType, getOperationAST, getVariableValues, GraphQLError, isListType, type DocumentNode, type GraphQLField, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE, ITEM_WEIGHTS, LIST_SIZES, PAGE_SIZE_ARGUMENTS } from './list-sizes';
import { perDocument } from '../per-document';

/**
 * The price of an operation: roughly the number of values its answer can hold at most. A field
 * costs 1 plus its selection's cost times how many items it can give: the page size it asks for
 * (arguments are read after the variables are coerced, so `first: $n` with n = 100 is priced as
 * `first: 100`), the size LIST_SIZES gives an unpaged list, 1 for anything else; items that are
 * computed aggregates weigh more (ITEM_WEIGHTS). Fragments on
 * abstract types take the dearest branch (graphql-query-complexity).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
  maxPageSize: number,
): number {
  // Apollo hands every request with the same query text the same parsed document (its document
  // store); the price depends on that document, the operation chosen, the variables and the page
  // ceiling. Each document keeps its last MAX_PRICES_PER_DOCUMENT prices (a WeakMap: a document
  // Apollo forgets takes them along), and only for keys of at most MAX_KEY_LENGTH characters, so
  // that what is remembered stays small whatever the variables.
  const prices = pricesOf(schema, document, () => new Map());
  const key = JSON.stringify([operationName ?? null, maxPageSize, variables ?? null]);
  if (key.length > MAX_KEY_LENGTH) return priceOf(schema, document, variables, operationName, maxPageSize);
  const known = prices.get(key);
  if (known !== undefined) return known;
  const cost = priceOf(schema, document, variables, operationName, maxPageSize);
  const oldest = prices.size >= MAX_PRICES_PER_DOCUMENT ? prices.keys().next() : null;
  if (oldest && !oldest.done) prices.delete(oldest.value);
  prices.set(key, cost);
  return cost;
}

const MAX_PRICES_PER_DOCUMENT = 64;
const MAX_KEY_LENGTH = 2_000;
const pricesOf = perDocument<Map<string, number>>();

function priceOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
  maxPageSize: number,
): number {
  const price = (given: Record<string, unknown>) =>
    getComplexity({
      schema,
      query: document,
      variables: given,
      operationName,
      estimators: [
        ({ type, field, args, childComplexity }: ComplexityEstimatorArgs) =>
          1 + itemsOf(type.name, field, args, maxPageSize) * (ITEM_WEIGHTS[`${type.name}.${field.name}`] ?? 1) * childComplexity,
      ],
    });
  // Variables that cannot be coerced (missing, wrong type): graphql-js refuses the operation with
  // BAD_USER_INPUT before a single field runs, so there is no work to price.
  const operation = getOperationAST(document, operationName);
  if (operation && getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}).errors?.length) return 0;
  try {
    return price(variables ?? {});
  } catch (error) {
    // Anything the pricing cannot walk (more nodes than it visits, fragment explosions) is
    // priced as too dear: an operation is never let through unpriced.
    if (error instanceof GraphQLError) return Number.MAX_SAFE_INTEGER;
    throw error;
  }
}

function itemsOf(typeName: string, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, maxPageSize: number): number {
  // Introspection lists are as long as the schema is large, a few hundred at most; nesting is
  // bounded by the depth limit, and the result-item ceiling bounds what it produces.
  if (typeName.startsWith('__') || field.name.startsWith('__')) return 1;
  const pageArguments = field.args.filter((arg) => (PAGE_SIZE_ARGUMENTS as readonly string[]).includes(arg.name));
  if (pageArguments.length > 0) {
    const given = pageArguments.map((arg) => args[arg.name]).filter((v) => v !== undefined && v !== null);
    // No page size: the field's default page. One given wrongly is priced at the largest allowed.
    if (given.length === 0) return DEFAULT_PAGE_SIZE;
    const sizes = given.filter((v): v is number => typeof v === 'number');
    return sizes.length === given.length ? Math.max(1, ...sizes) : maxPageSize;
  }
  const listSize = LIST_SIZES[`${typeName}.${field.name}`];
  if (listSize !== undefined) return listSize;
  return isListType(getNullableType(field.type)) ? maxPageSize : 1;
}
