import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { LimitsConfig } from '../../config';
import { AppError } from '../../errors/app-error';
import type { DatabaseHealth } from '../../graph/database-health';
import type { Context } from '../../schema/context';
import { admitHeavy, databaseUnreachable, type Admission } from './admission';
import { operationPrices } from './operation-prices';
import { operationCost } from './operation-cost';

/**
 * Bounded work per request, in three steps:
 * 0. while the database is known to be down, nothing executes: SERVICE_UNAVAILABLE at once;
 * 1. before execution, the operation's cost (operationCost, with its variables) must not exceed
 *    GRAPHQL_MAX_COST: QUERY_TOO_COMPLEX, and nothing runs;
 * 2. an operation dearer than GRAPHQL_HEAVY_COST waits for one of GRAPHQL_HEAVY_CONCURRENCY
 *    slots (answers from the response cache never do); heavy reads take theirs in
 *    heavyOffloadPlugin and run in a worker thread, everything else takes it here;
 * 3. during execution, the request's ExecutionBudget is checked as each field starts and charged
 *    with the items of each list a field returns (budgeted-fields.ts, wrapped into the schema by
 *    createApollo); once spent, the whole answer is its one error (TIMEOUT or RESULT_TOO_LARGE),
 *    never a partial tree.
 */
export function limitsPlugin(limits: LimitsConfig, health: DatabaseHealth, admission: Admission): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let cost = 0;
      let release: (() => void) | null = null;
      return {
        async didResolveOperation({ schema, document, request, operationName, operation, contextValue }) {
          if (operation?.operation === 'mutation') contextValue.budget.allowUpTo(limits.mutationTimeoutMs, 'GRAPHQL_MUTATION_TIMEOUT_MS');
          cost = operationCost(schema, document, request.variables, operationName ?? undefined, limits.maxPageSize);
          operationPrices.set(contextValue, cost);
          contextValue.compileReads = cost <= limits.compiledReadMaxCost;
          if (cost > limits.maxCost) {
            throw clientError(
              new AppError(
                'QUERY_TOO_COMPLEX',
                `Query Cost limit of ${limits.maxCost} exceeded: this operation could produce about ${cost} values. Ask for smaller pages (first:) or fewer nested lists.`,
                { limit: 'GRAPHQL_MAX_COST', limitValue: limits.maxCost, cost },
              ),
            );
          }
        },
        async executionDidStart({ contextValue }) {
          const budget = contextValue.budget;
          // While the database is known to be down, fail at once instead of waiting for it; the
          // health probe notices when it is back.
          if (cost > limits.heavyCost) release = await admitHeavy(admission, health, budget);
          else if (health.isDown) budget.stop(databaseUnreachable());
        },
        async willSendResponse({ contextValue, response }) {
          release?.();
          const spent = contextValue.budget.spent;
          if (spent && response.body.kind === 'single') {
            response.body.singleResult = { data: null, errors: [{ message: spent.message, extensions: { code: spent.code, ...spent.details } }] };
          }
        },
      };
    },
  };
}

/** An error Apollo answers with status 400 and formatError shows (its original is an AppError). */
function clientError(error: AppError): GraphQLError {
  return new GraphQLError(error.message, { originalError: error, extensions: { code: error.code, http: { status: 400 } } });
}
