/**
 * Expected errors: every one carries a stable `code` that clients may switch on.
 * Anything thrown that is not an AppError is unexpected, and the server masks it.
 */

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'SERVICE_UNAVAILABLE'
  | 'TIMEOUT'
  | 'CONFLICT'
  | 'QUERY_TOO_COMPLEX'
  | 'RATE_LIMITED'
  | 'RESULT_TOO_LARGE'
  | 'IDEMPOTENCY_KEY_REUSED';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra, client-safe details such as the offending field. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** The one shape of BAD_USER_INPUT details, as argument validation gives them: each field with its problems. */
export interface FieldProblems {
  /** The argument's path: `first`, `input.evidence`. */
  field: string;
  problems: string[];
}

export const badInput = (message: string, field?: string): AppError =>
  new AppError('BAD_USER_INPUT', message, { fields: field ? [{ field, problems: [message] } satisfies FieldProblems] : [] });

/** Nothing has this id or name; `field` names the argument that gave it. */
export const notFound = (what: string, id: string, field?: string): AppError =>
  new AppError('NOT_FOUND', `${what} "${id}" does not exist`, field ? { id, field } : { id });

export const serviceUnavailable = (message: string): AppError => new AppError('SERVICE_UNAVAILABLE', message);
