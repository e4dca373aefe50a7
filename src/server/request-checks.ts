import { createHash } from 'node:crypto';

/**
 * Checks of a GraphQL request's parameters that Apollo would otherwise answer badly: automatic
 * persisted queries with another protocol version or a hash that is not the query's (Apollo
 * answers both as INTERNAL_SERVER_ERROR), and variables nested so deep that coercing them
 * overflows the stack. Each refusal is the client's doing: a 400 with its own code.
 */

export interface RequestRefusal {
  status: number;
  code: string;
  message: string;
}

/** Far more than any input type of the schema nests; far less than what overflows the stack. */
export const MAX_VARIABLE_DEPTH = 64;

/** Nesting depth of a JSON value, counted without recursion, stopping as soon as it exceeds `limit`. */
function exceedsDepth(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

export interface GraphQLParams {
  query?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

export function checkGraphQLParams(params: GraphQLParams): RequestRefusal | null {
  if (exceedsDepth(params.variables, MAX_VARIABLE_DEPTH)) {
    return { status: 400, code: 'BAD_USER_INPUT', message: `The variables nest deeper than ${MAX_VARIABLE_DEPTH} levels` };
  }
  const persisted = (params.extensions as { persistedQuery?: unknown } | null | undefined)?.persistedQuery;
  if (persisted !== undefined && persisted !== null) {
    const { version, sha256Hash } = persisted as { version?: unknown; sha256Hash?: unknown };
    if (version !== 1) {
      return { status: 400, code: 'PERSISTED_QUERY_VERSION_UNSUPPORTED', message: 'Persisted queries: only extensions.persistedQuery.version 1 is supported' };
    }
    if (typeof sha256Hash !== 'string') {
      return { status: 400, code: 'PERSISTED_QUERY_HASH_MISSING', message: 'Persisted queries: extensions.persistedQuery.sha256Hash must be the hex SHA-256 of the query' };
    }
    if (typeof params.query === 'string' && createHash('sha256').update(params.query).digest('hex') !== sha256Hash) {
      return { status: 400, code: 'PERSISTED_QUERY_HASH_MISMATCH', message: 'Persisted queries: extensions.persistedQuery.sha256Hash is not the SHA-256 of the query' };
    }
  }
  return null;
}

/** The parameters of a GET request: variables and extensions are JSON text (undefined when not JSON: Apollo refuses those). */
export function paramsFromSearch(search: URLSearchParams): GraphQLParams {
  const json = (name: string): unknown => {
    const raw = search.get(name);
    if (raw === null) return undefined;
    try {
      return JSON.parse(raw);
    } catch {
      return undefined;
    }
  };
  return { query: search.get('query') ?? undefined, variables: json('variables'), extensions: json('extensions') };
}
