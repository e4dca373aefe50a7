/**
 * Schema hints for caches, set with type-graphql's @Extensions on object types and read from the
 * built schema (src/server/cache-scope.ts), never from query text:
 * - `records`: the type is (or is computed from) monitoring records, so answers that select it
 *   change with every report, observation or key event;
 * - `private`: the type is only for authenticated callers; answers that select it are never cached.
 * A type without a hint changes only when a plan is loaded.
 */
export type CacheScope = 'structure' | 'records' | 'private';

export const CACHE_SCOPE_EXTENSION = 'cacheScope';

export const RECORDS_SCOPE = { [CACHE_SCOPE_EXTENSION]: 'records' } as const;
export const PRIVATE_SCOPE = { [CACHE_SCOPE_EXTENSION]: 'private' } as const;
