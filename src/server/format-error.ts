import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AppError } from '../errors/app-error';
import type { Logger } from './logger';

/**
 * One place decides what a client sees of an error. Expected errors keep their message and a
 * stable extensions.code; anything unexpected becomes INTERNAL_SERVER_ERROR with a generic
 * message, and the original goes to the log with the request id. No stack trace, no Cypher.
 */

/** Codes produced by graphql-js, Apollo and graphql-armor for bad operations: safe to pass on. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'QUERY_TOO_COMPLEX',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'SERVICE_UNAVAILABLE',
  'TIMEOUT',
  'RATE_LIMITED',
  'CONFLICT',
]);

interface ValidationErrorLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

function flattenValidation(errors: ValidationErrorLike[], prefix = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
    return [...own, ...flattenValidation(e.children ?? [], field)];
  });
}

export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const unwrapped = unwrapResolverError(error);
    // Errors raised by plugins (cost, limits) arrive as GraphQLErrors wrapping the AppError.
    const original = unwrapped instanceof GraphQLError && unwrapped.originalError instanceof AppError ? unwrapped.originalError : unwrapped;
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    if (original instanceof AppError) {
      return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
    }
    const validation = (original as { extensions?: { validationErrors?: ValidationErrorLike[] } })?.extensions?.validationErrors;
    if (Array.isArray(validation)) {
      const fields = flattenValidation(validation);
      const message = fields.map((f) => `${f.field}: ${f.problems.join('; ')}`).join(' | ') || 'Argument validation failed';
      return { ...base, message, extensions: { code: 'BAD_USER_INPUT', fields } };
    }
    // graphql-armor's limits surface as parse or validation errors: give them their own code.
    if (/(Query depth|Aliases|Token|Query Cost|Directives) limit of/.test(formatted.message)) {
      return { ...base, message: formatted.message.replace(/^Syntax Error: /, ''), extensions: { code: 'QUERY_TOO_COMPLEX' } };
    }
    // graphql-armor parses documents itself, so a syntax error may arrive coded as a validation error.
    if (/^Syntax Error/.test(formatted.message)) {
      return { ...base, message: formatted.message.split('\n\n')[0], extensions: { code: 'GRAPHQL_PARSE_FAILED' } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      return { ...base, extensions: { code } };
    }
    // graphql-armor rejects with plain GraphQLErrors during validation: they carry no code.
    if (!code || code === 'INTERNAL_SERVER_ERROR') {
      if (/Cannot query field|Unknown (argument|type|fragment)|Variable "\$|Expected type|Field ".*" argument|must have a selection/.test(formatted.message)) {
        return { ...base, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
      }
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error');
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
