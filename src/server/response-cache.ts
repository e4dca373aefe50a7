import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { GraphClient } from '../graph/graph-client';
import { graphVersions, type GraphVersions } from '../graph/read/graph-versions';
import type { Context } from '../schema/context';

/**
 * A response cache for repeated read operations, keyed by the operation, its variables and the
 * graph's versions. A plan load moves `structure` and drops every entry; a monitoring write moves
 * `records` and drops only the entries whose operation reads monitoring fields. Each request reads
 * the two versions (one small query), so replicas never serve what another replica changed.
 * Only complete answers without errors are stored; mutations and API-key reads never.
 */

/** Fields whose answers depend on monitoring records. */
const RECORD_FIELDS = /\b(reports|latestReports|scorecard|progress|observations|auditTrail|apiKeys)\b/;

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

function cacheKey(ctx: GraphQLRequestContext<Context>): string {
  const { query, variables, operationName } = ctx.request;
  return createHash('sha256').update(`${operationName ?? ''}\n${query ?? ''}\n${JSON.stringify(variables ?? {})}`).digest('hex');
}

export function responseCachePlugin(cache: ResponseCache, client: GraphClient): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let key: string | null = null;
      let versions: GraphVersions | null = null;
      let dependsOnRecords = false;
      return {
        async responseForOperation(ctx) {
          if (ctx.operation?.operation !== 'query' || !ctx.request.query || /\bapiKeys\b/.test(ctx.request.query)) return null;
          key = cacheKey(ctx);
          dependsOnRecords = RECORD_FIELDS.test(ctx.request.query);
          versions = await graphVersions(client);
          const hit = cache.get(key, versions);
          if (!hit) return null;
          ctx.response.http.headers.set('x-cache', 'hit');
          return { http: ctx.response.http, body: { kind: 'single', singleResult: hit } };
        },
        async willSendResponse(ctx) {
          if (!key || !versions || ctx.response.http.headers.get('x-cache') === 'hit') return;
          const body = ctx.response.body;
          if (body.kind !== 'single' || body.singleResult.errors?.length) return;
          cache.set(key, body.singleResult, versions, dependsOnRecords);
          ctx.response.http.headers.set('x-cache', 'miss');
        },
      };
    },
  };
}
