import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import { AppError, type FieldProblems } from '../errors/app-error';
import { QueryTooComplexError } from './limit-rejections';
import type { Logger } from './logger';

/**
 * One place decides what a client sees of an error, by the error's class, never by its text:
 * - an AppError (anywhere in the chain of originalError) keeps its message and its code;
 * - type-graphql's argument validation becomes BAD_USER_INPUT naming the fields;
 * - a refusal of the limits (QueryTooComplexError, see limit-rejections.ts) is QUERY_TOO_COMPLEX;
 * - a request error made by graphql-js or Apollo before execution (parse, validation, variable
 *   coercion: a GraphQLError without a path whose whole chain is GraphQLErrors) keeps its message
 *   and its code;
 * - anything else becomes INTERNAL_SERVER_ERROR with a generic message, and the original goes to
 *   the log with the request id. No stack trace, no Cypher.
 */

/** Codes Apollo gives request errors; any other code of a request error becomes BAD_REQUEST or GRAPHQL_VALIDATION_FAILED. */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export interface FormatErrorOptions {
  /** Production: no "Did you mean …?" in messages (it would leak enum values and field names). */
  hideSuggestions: boolean;
}

interface ValidationErrorLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

function flattenValidation(errors: ValidationErrorLike[], prefix = ''): FieldProblems[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
    return [...own, ...flattenValidation(e.children ?? [], field)];
  });
}

/** The error and its originalErrors, outermost first. */
function chain(error: unknown): unknown[] {
  const out: unknown[] = [];
  for (let e = error; e !== undefined && e !== null && !out.includes(e); e = (e as { originalError?: unknown }).originalError) out.push(e);
  return out;
}

/** Made by graphql-js or Apollo while parsing, validating or coercing the request: not our failure. */
function isRequestError(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError && error.path === undefined && chain(error).every((e) => e instanceof GraphQLError);
}

/** Apollo's HTTP-level refusals carry the 4xx status they answer with. */
function httpStatusOf(error: GraphQLError): number | undefined {
  const status = (error.extensions?.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' ? status : undefined;
}

const withoutSuggestions = (message: string): string => message.replace(/\s*Did you mean [^?]*\?/g, '');

export function createFormatError(logger: Logger, options: FormatErrorOptions = { hideSuggestions: false }) {
  const shown = (message: string): string => (options.hideSuggestions ? withoutSuggestions(message) : message);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const base = { message: shown(formatted.message), locations: formatted.locations, path: formatted.path };
    const links = chain(error);
    const app = links.find((e): e is AppError => e instanceof AppError);
    if (app) return { ...base, message: app.message, extensions: { code: app.code, ...app.details } };
    const validation = links.find((e): e is ArgumentValidationError => e instanceof ArgumentValidationError);
    if (validation) {
      const fields = flattenValidation(validation.extensions.validationErrors);
      const message = fields.map((f) => `${f.field}: ${f.problems.join('; ')}`).join(' | ') || 'Argument validation failed';
      return { ...base, message, extensions: { code: 'BAD_USER_INPUT', fields } };
    }
    const rejection = links.find((e): e is QueryTooComplexError => e instanceof QueryTooComplexError);
    if (rejection) return { ...base, message: rejection.message, extensions: { code: 'QUERY_TOO_COMPLEX' } };
    if (isRequestError(error)) {
      const given = formatted.extensions?.code;
      const status = httpStatusOf(error);
      const code = typeof given === 'string' && REQUEST_CODES.has(given) ? given : status !== undefined && status >= 400 && status < 500 ? 'BAD_REQUEST' : null;
      if (code) return { ...base, extensions: { code } };
    }
    logger.error({ err: unwrapResolverError(error), path: formatted.path }, 'unexpected error');
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
