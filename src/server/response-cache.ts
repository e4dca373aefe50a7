import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLRequestContext, GraphQLResponse } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { withTimeout, type DatabaseHealth } from '../graph/database-health';
import type { GraphClient } from '../graph/graph-client';
import { currentCausality } from '../graph/causality';
import { freshSharedRead } from '../graph/read/fresh-read';
import { AppError } from '../errors/app-error';
import { graphVersions, type GraphVersions } from '../graph/read/graph-versions';
import { currentQuarter } from '../monitoring/period';
import type { Context } from '../schema/context';
import { operationCacheScope } from './cache-scope';
import { carriesKey } from './http-cache-policy';

/**
 * A response cache for repeated read operations, keyed by the operation, its variables and the
 * current quarter (answers such as a scorecard "as of this quarter" change with the calendar),
 * and valid while the graph's versions are those it was stored under. A plan load moves
 * `structure` and drops every entry; a monitoring write moves `records` and drops only entries
 * whose operation selects a type hinted `records` (src/schema/cache-scope.hint.ts); operations that
 * select a `private` type are never cached. Each request reads the two versions, so replicas never
 * serve what another replica changed; requests that arrive together share one small query, sent
 * after each of them arrived (freshSharedRead), so a flood of requests is not a flood of reads.
 *
 * Stale-if-error: while the database is unreachable (DatabaseHealth), an answer already cached
 * is served at once, marked `x-cache: stale`, instead of waiting for the database.
 * Only complete answers without errors are stored; mutations never. A request that carries an API
 * key neither reads nor fills the cache: what a key may see (an admin's audit trail lists key
 * events) must never reach an anonymous caller, whatever the type's hint says.
 */

/** How long the versions read may take before a cached answer is served stale instead. */
const VERSIONS_WAIT_MS = 1_500;

interface Entry {
  result: FormattedExecutionResult;
  structure: number;
  records: number | null;
  bytes: number;
}

export interface ResponseCacheOptions {
  maxEntries: number;
  maxBytes: number;
}

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly options: ResponseCacheOptions) {}

  /** The stored answer whatever the versions: for stale-if-error only. */
  peek(key: string): FormattedExecutionResult | null {
    return this.entries.get(key)?.result ?? null;
  }

  get(key: string, versions: GraphVersions): FormattedExecutionResult | null {
    const entry = this.entries.get(key);
    if (!entry || entry.structure !== versions.structure || (entry.records !== null && entry.records !== versions.records)) {
      if (entry) this.delete(key);
      this.misses++;
      return null;
    }
    // Least recently used goes first: re-insert on every hit.
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.hits++;
    return entry.result;
  }

  set(key: string, result: FormattedExecutionResult, versions: GraphVersions, dependsOnRecords: boolean): void {
    const bytes = JSON.stringify(result).length * 2;
    if (bytes > this.options.maxBytes / 10) return;
    this.delete(key);
    this.entries.set(key, { result, structure: versions.structure, records: dependsOnRecords ? versions.records : null, bytes });
    this.bytes += bytes;
    for (const [oldest] of this.entries) {
      if (this.entries.size <= this.options.maxEntries && this.bytes <= this.options.maxBytes) break;
      this.delete(oldest);
    }
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.bytes;
    this.entries.delete(key);
  }
}

function cacheKey(ctx: GraphQLRequestContext<Context>, quarter: string): string {
  const { query, variables, operationName } = ctx.request;
  return createHash('sha256').update(`${quarter}\n${operationName ?? ''}\n${query ?? ''}\n${JSON.stringify(variables ?? {})}`).digest('hex');
}

export interface ResponseCacheDeps {
  client: GraphClient;
  health: DatabaseHealth;
  /** The clock, for the quarter in the key. */
  now?: () => Date;
}

export function responseCachePlugin(cache: ResponseCache, { client, health, now = () => new Date() }: ResponseCacheDeps): ApolloServerPlugin<Context> {
  const stale = (ctx: GraphQLRequestContext<Context>, result: FormattedExecutionResult): GraphQLResponse => {
    ctx.response.http.headers.set('x-cache', 'stale');
    return { http: ctx.response.http, body: { kind: 'single', singleResult: result } };
  };
  const readVersions = freshSharedRead(() => graphVersions(client));
  return {
    async requestDidStart() {
      let key: string | null = null;
      let versions: GraphVersions | null = null;
      let dependsOnRecords = false;
      return {
        async responseForOperation(ctx) {
          if (ctx.operation?.operation !== 'query' || carriesKey(ctx.request.http?.headers)) return null;
          const scope = operationCacheScope(ctx.schema, ctx.document);
          if (scope === 'private') return null;
          key = cacheKey(ctx, currentQuarter(now()));
          dependsOnRecords = scope === 'records';
          const cached = cache.peek(key);
          // Known down: no versions to read. What is cached is served stale; the rest fails fast
          // in limitsPlugin.
          if (health.isDown) return cached ? stale(ctx, cached) : null;
          try {
            // A request that carries a bookmark reads the versions after it, alone: a read shared
            // with requests that carry none might be answered by a member that lags behind it.
            const read = currentCausality()?.after.length ? graphVersions(client) : readVersions();
            versions = await (cached ? withTimeout(read, VERSIONS_WAIT_MS) : read);
          } catch (error) {
            health.reportFailure(error);
            // The client's own mistake (a bookmark the database does not know): no caching; the
            // operation runs and answers with that error where it reads.
            if (error instanceof AppError && error.code === 'BAD_USER_INPUT') {
              key = null;
              return null;
            }
            if (cached) return stale(ctx, cached);
            throw error;
          }
          const hit = cache.get(key, versions);
          if (!hit) return null;
          ctx.response.http.headers.set('x-cache', 'hit');
          return { http: ctx.response.http, body: { kind: 'single', singleResult: hit } };
        },
        async didEncounterErrors(ctx) {
          for (const error of ctx.errors) health.reportFailure(error.originalError);
        },
        async willSendResponse(ctx) {
          if (!key || !versions || ctx.response.http.headers.get('x-cache')) return;
          const body = ctx.response.body;
          if (body.kind !== 'single' || body.singleResult.errors?.length) return;
          cache.set(key, body.singleResult, versions, dependsOnRecords);
          ctx.response.http.headers.set('x-cache', 'miss');
        },
      };
    },
  };
}
