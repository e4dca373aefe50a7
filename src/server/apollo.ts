import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import { ResponseCache, responseCachePlugin, type ResponseCacheDeps } from './response-cache';
import type { Context } from '../schema/context';
import { createFormatError } from './format-error';
import { httpCachePolicyPlugin } from './http-cache-policy';
import { Admission } from './limits/admission';
import { chargeFieldsToBudget } from './limits/budgeted-fields';
import { limitsPlugin } from './limits/limits-plugin';
import { heavyOffloadPlugin } from './heavy/heavy-offload';
import type { HeavyPool } from './heavy/heavy-pool';
import { withLimitRejections } from './limit-rejections';
import type { Logger } from './logger';

/**
 * The GraphQL engine: Apollo Server with the operator's limits (graphql-armor: depth, aliases,
 * tokens, directives, no field suggestions in production; limitsPlugin: cost with variables,
 * heavy-operation slots; every field charged to the request's deadline and result size,
 * chargeFieldsToBudget; heavy reads in the worker pool when given),
 * CSRF prevention on,
 * errors formatted and masked in one place, no landing page (the explorer is ours), the
 * version-keyed response cache unless switched off, and the HTTP cache-control header decided
 * from the schema's cache-scope hints (Apollo's own cacheControl plugin off: see
 * http-cache-policy.ts).
 */
export function createApollo(schema: GraphQLSchema, config: Config, logger: Logger, graph: ResponseCacheDeps, heavy: HeavyPool | null = null): ApolloServer<Context> {
  const { limits } = config;
  const admission = new Admission(limits.heavyConcurrency, limits.heavyQueue, limits.heavyRefusalPauseMs);
  const armor = new ApolloArmor(withLimitRejections({
    maxDepth: { n: limits.maxDepth },
    // The cost limit is ours (limitsPlugin): armor's prices lists without `first` as one item
    // and reads no variables.
    costLimit: { enabled: false },
    maxAliases: { n: limits.maxAliases },
    // Tokens are counted before Apollo (request-checks.ts): armor's parse-phase counter would turn
    // every syntax error into an unexpected plugin error.
    maxTokens: { enabled: false },
    maxDirectives: { n: 20 },
    blockFieldSuggestion: { enabled: config.production },
  }));
  const protection = armor.protect();
  return new ApolloServer<Context>({
    schema: chargeFieldsToBudget(schema),
    introspection: config.introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // main.ts owns the signals: drain, close the driver, stop the local Neo4j, exit 0. Apollo's own
    // handlers would re-raise the signal and kill the process half-way through that.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    formatError: createFormatError(logger, { hideSuggestions: config.production }),
    validationRules: [...protection.validationRules],
    plugins: [
      ...protection.plugins,
      limitsPlugin(limits, graph.health, admission),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ...(config.responseCacheEntries > 0 ? [responseCachePlugin(new ResponseCache({ maxEntries: config.responseCacheEntries, maxBytes: 64 * 1024 * 1024 }), graph)] : []),
      // After the response cache: only answers it does not hold reach a worker.
      ...(heavy ? [heavyOffloadPlugin(heavy, admission, limits, graph.health)] : []),
      // Last: it reads the answer after limitsPlugin may have replaced it with an error.
      httpCachePolicyPlugin(config.httpCache),
    ],
  });
}
