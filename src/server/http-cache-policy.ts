import type { ApolloServerPlugin, HeaderMap } from '@apollo/server';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { tokenFromHeaders } from '../auth/api-key';
import type { HttpCacheConfig } from '../config';
import type { Context } from '../schema/context';
import { operationCacheScope } from './cache-scope';

/**
 * The `cache-control` header of every GraphQL answer, for browsers and CDNs in front of the API.
 *
 * Contract (the first rule that applies wins):
 * - a request that carries an API key (Authorization or x-api-key), a mutation, an answer with
 *   errors, an answer served stale while the database is down, or an operation that selects a
 *   type hinted `private`: `no-store`;
 * - an operation that selects a type hinted `records` (monitoring records, which change with every
 *   report): `public, max-age=<HTTP_CACHE_RECORDS_MAX_AGE>`;
 * - any other read (it changes only when a plan is loaded): `public, max-age=<HTTP_CACHE_MAX_AGE>`.
 * A max-age of 0 turns that kind of answer into `no-store`. Cacheable answers vary on the key
 * headers, so a shared cache never answers a keyed request with an anonymous answer.
 *
 * The policy is decided from the operation's document and the schema's cache-scope hints
 * (cache-scope.ts), not from the fields that ran: answers from the response cache, which run no
 * resolver, get the same header as the answer they repeat. This is why Apollo's cacheControl
 * plugin (which collects hints while fields resolve) is switched off in apollo.ts.
 * The strong ETag and the 304 answer to If-None-Match are the HTTP adapter's (http-server.ts):
 * they need the final bytes.
 */

export const NO_STORE = 'no-store';

/** Headers whose presence makes a request keyed; cacheable answers vary on them. */
export const KEY_HEADERS = ['authorization', 'x-api-key'];

export interface HttpCachePolicyInput {
  schema: GraphQLSchema;
  document: DocumentNode | undefined;
  operation: 'query' | 'mutation' | 'subscription' | undefined;
  keyed: boolean;
  hasErrors: boolean;
  stale: boolean;
}

export function httpCacheControl(input: HttpCachePolicyInput, config: HttpCacheConfig): string {
  if (input.keyed || input.operation !== 'query' || !input.document || input.hasErrors || input.stale) return NO_STORE;
  const scope = operationCacheScope(input.schema, input.document);
  const maxAge = scope === 'private' ? 0 : scope === 'records' ? config.recordsMaxAgeSeconds : config.maxAgeSeconds;
  return maxAge > 0 ? `public, max-age=${maxAge}` : NO_STORE;
}

/** True when the request carries an API key, valid or not. */
export function carriesKey(headers: HeaderMap | undefined): boolean {
  return headers !== undefined && tokenFromHeaders(Object.fromEntries(headers)) !== null;
}

/**
 * Writes the header on every answer Apollo sends. Register it after limitsPlugin, whose
 * willSendResponse may still turn an answer into an error.
 */
export function httpCachePolicyPlugin(config: HttpCacheConfig): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(ctx) {
          const body = ctx.response.body;
          const headers = ctx.response.http.headers;
          const value = httpCacheControl(
            {
              schema: ctx.schema,
              document: ctx.document,
              operation: ctx.operation?.operation,
              keyed: carriesKey(ctx.request.http?.headers),
              hasErrors: body.kind !== 'single' || (body.singleResult.errors?.length ?? 0) > 0,
              stale: headers.get('x-cache') === 'stale',
            },
            config,
          );
          headers.set('cache-control', value);
          if (value !== NO_STORE) headers.set('vary', KEY_HEADERS.join(', '));
        },
      };
    },
  };
}
