import type { GraphQLError } from 'graphql';

/**
 * graphql-armor refuses an operation over a limit (depth, cost, aliases, tokens, directives) with a
 * plain GraphQLError. Its onReject hook hands us that very error object: we remember it, so that
 * the error formatter recognises a refusal by identity and gives it QUERY_TOO_COMPLEX.
 */
const rejections = new WeakSet<GraphQLError>();

export function rememberLimitRejection(_context: unknown, error: GraphQLError): void {
  rejections.add(error);
}

export function isLimitRejection(error: unknown): error is GraphQLError {
  return typeof error === 'object' && error !== null && rejections.has(error as GraphQLError);
}

/** Adds rememberLimitRejection to the onReject hooks of every armor option given. */
export function withLimitRejections<T extends Record<string, object | undefined>>(options: T): T {
  const tagged: Record<string, object | undefined> = {};
  for (const [name, option] of Object.entries(options)) {
    const hooks = (option as { onReject?: unknown[] } | undefined)?.onReject ?? [];
    tagged[name] = option === undefined ? option : { ...option, onReject: [...hooks, rememberLimitRejection] };
  }
  return tagged as T;
}
