import { createHash } from 'node:crypto';
import { Lexer, Source, TokenKind } from 'graphql';

/**
 * Checks of a GraphQL request's parameters that Apollo would otherwise answer badly: automatic
 * persisted queries with another protocol version or a hash that is not the query's (Apollo
 * answers both as INTERNAL_SERVER_ERROR), variables nested so deep that coercing them
 * overflows the stack, and documents over the token limit (counted with graphql-js's lexer before
 * anything parses them). Each refusal is the client's doing: a 400 with its own code.
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

/** More than `limit` tokens? A document the lexer refuses is left to Apollo's parser, which reports it. */
function exceedsTokens(query: string, limit: number): boolean {
  const lexer = new Lexer(new Source(query));
  try {
    for (let count = 0; lexer.advance().kind !== TokenKind.EOF; ) if (++count > limit) return true;
  } catch {
    return false;
  }
  return false;
}

export function checkGraphQLParams(params: GraphQLParams, maxTokens: number): RequestRefusal | null {
  if (typeof params.query === 'string' && exceedsTokens(params.query, maxTokens)) {
    return { status: 400, code: 'QUERY_TOO_COMPLEX', message: `Token limit of ${maxTokens} exceeded: ask for fewer fields, or split the operation` };
  }
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
