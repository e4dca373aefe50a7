import { GraphQLError, type ValidationContext } from 'graphql';

/**
 * A refusal of the operator's limits (depth, cost, aliases, directives, tokens): its own class, so
 * the error formatter recognises it by class and the client gets QUERY_TOO_COMPLEX with a 400.
 */
export class QueryTooComplexError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } });
    this.name = 'QueryTooComplexError';
  }
}

/**
 * graphql-armor's onReject hook: it hands over its own plain GraphQLError, worded as a syntax error.
 * During validation the refusal is reported to the validation context (armor is told not to report
 * or throw its own); elsewhere it is thrown.
 */
export function rejectAsTooComplex(context: ValidationContext | null, error: GraphQLError): void {
  const refusal = new QueryTooComplexError(error.message.replace(/^Syntax Error: /, ''));
  if (context) context.reportError(refusal);
  else throw refusal;
}

/** Makes every armor limit given refuse with QueryTooComplexError. */
export function withLimitRejections<T extends Record<string, object | undefined>>(options: T): T {
  const tagged: Record<string, object | undefined> = {};
  for (const [name, option] of Object.entries(options)) {
    const hooks = (option as { onReject?: unknown[] } | undefined)?.onReject ?? [];
    tagged[name] = option === undefined || name === 'blockFieldSuggestion' ? option : { ...option, propagateOnRejection: false, onReject: [...hooks, rejectAsTooComplex] };
  }
  return tagged as T;
}
