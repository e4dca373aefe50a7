import { defaultFieldResolver, getNullableType, isListType, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { andThen } from '../../schema/maybe-promise';
import { ExecutionBudget } from './execution-budget';

/**
 * Charges every field of the schema to its request's ExecutionBudget (the context's `budget`):
 * the budget is checked as each field starts, so that a spent budget or a passed deadline fails
 * the field at once, and a list field's items are counted once its value is known.
 *
 * Each resolver is wrapped once, when the API is built, rather than through Apollo's
 * `willResolveField` hook: a plugin with that hook makes Apollo wrap every field in its own
 * instrumentation, which builds arrays of hooks and a callback for every field of every answer,
 * and chains one more promise on every field that answers asynchronously. Here a field costs a
 * check, and only a list field that answers asynchronously costs a promise more.
 *
 * Contract: wrapping is idempotent (a field is wrapped once, whatever the number of calls), and
 * introspection types are left as they are. A context without a budget charges nothing.
 */
const wrapped = new WeakSet<GraphQLField<unknown, unknown>>();

export function chargeFieldsToBudget(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) charge(field);
  }
  return schema;
}

function budgetOf(context: unknown): ExecutionBudget | null {
  if (typeof context !== 'object' || context === null || !('budget' in context)) return null;
  return context.budget instanceof ExecutionBudget ? context.budget : null;
}

function charge(field: GraphQLField<unknown, unknown>): void {
  if (wrapped.has(field)) return;
  wrapped.add(field);
  const resolve = field.resolve ?? defaultFieldResolver;
  const isList = isListType(getNullableType(field.type));
  field.resolve = (source, args, context, info) => {
    const budget = budgetOf(context);
    budget?.check();
    const result = resolve(source, args, context, info);
    if (!isList || budget === null) return result;
    return andThen(result, (value) => {
      if (Array.isArray(value)) budget.addItems(value.length);
      return value;
    });
  };
}
