import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { LimitsConfig } from '../../config';
import { AppError } from '../../errors/app-error';
import { currentCausality } from '../../graph/causality';
import type { DatabaseHealth } from '../../graph/database-health';
import type { Context } from '../../schema/context';
import { admitHeavy, type Admission } from '../limits/admission';
import { operationPrices } from '../limits/operation-prices';
import type { HeavyPool } from './heavy-pool';

/**
 * Heavy reads run in the worker pool instead of on the API's thread: a query priced above
 * GRAPHQL_HEAVY_COST takes an admission slot (or waits, or is refused, as in the API's thread),
 * and its answer is what the worker gives. Placed after the response cache, so that cached answers
 * never reach a worker, and before execution, so that graphql-js never runs it here. Mutations
 * and cheap reads run here as before. A refusal spends the request's budget, and limitsPlugin
 * answers with that error.
 */
export function heavyOffloadPlugin(pool: HeavyPool, admission: Admission, limits: LimitsConfig, health: DatabaseHealth): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ source, request, operation, contextValue }) {
          const cost = operationPrices.get(contextValue) ?? 0;
          if (operation.operation !== 'query' || cost <= limits.heavyCost) return null;
          const budget = contextValue.budget;
          const refused = { body: { kind: 'single' as const, singleResult: { data: null } }, http: { status: undefined, headers: new HeaderMap() } };
          const release = await admitHeavy(admission, health, budget);
          if (!release) return refused;
          try {
            const answer = await pool.run({
              query: source,
              variables: request.variables,
              operationName: request.operationName,
              token: contextValue.token,
              requestId: contextValue.requestId,
              startedAt: budget.started,
              bookmarks: [...(await contextValue.client.bookmarks()), ...(currentCausality()?.after ?? [])],
            });
            const result = JSON.parse(answer.json) as FormattedExecutionResult;
            // What the worker learnt of the database is the API's too: its statements count as
            // round trips, its answers as signs of life, its outage errors as an outage.
            const stats = contextValue.client.stats;
            stats.roundTrips += answer.roundTrips;
            stats.lastAnswerAt = Math.max(stats.lastAnswerAt, answer.lastAnswerAt);
            const outage = result.errors?.find((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE');
            if (outage) health.reportFailure(new AppError('SERVICE_UNAVAILABLE', outage.message));
            return { body: { kind: 'single' as const, singleResult: result }, http: { status: undefined, headers: new HeaderMap() } };
          } catch (error) {
            budget.stop(error instanceof AppError ? error : new AppError('SERVICE_UNAVAILABLE', 'The server could not run this operation just now; retry shortly.'));
            return refused;
          } finally {
            release();
          }
        },
      };
    },
  };
}
