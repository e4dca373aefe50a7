/**
 * The one place that turns Neo4j driver errors into AppErrors.
 *
 * Contract: only failures a client can act on ("try again", "too slow", "already exists") become
 * AppErrors; every other error is returned unchanged so that the server masks it as internal.
 */
import { AppError } from '../errors/app-error';

interface DriverErrorShape {
  code?: unknown;
  message?: unknown;
}

/** Driver-side codes (not server status codes) for a lost or never-established connection. */
const UNREACHABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

/** Server status codes of a transaction that ran out of its configured time. */
const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

const UNREACHABLE_MESSAGE = /ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ETIMEDOUT|connection acquisition timed out|failed to connect to server|connection was closed/i;

export function isUnreachable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as DriverErrorShape;
  if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return true;
  // A database that is still starting or has been stopped answers, but cannot serve.
  if (code === 'Neo.TransientError.General.DatabaseUnavailable') return true;
  return typeof message === 'string' && UNREACHABLE_MESSAGE.test(message);
}

/** Maps a driver error to an AppError when it is an expected failure; otherwise returns it as is. */
export function mapNeo4jError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (isUnreachable(error)) {
    return new AppError('SERVICE_UNAVAILABLE', 'The database is unreachable; try again shortly');
  }
  const code = typeof error === 'object' && error !== null ? (error as DriverErrorShape).code : undefined;
  if (typeof code === 'string' && TIMEOUT_CODES.has(code)) {
    return new AppError('TIMEOUT', 'The database operation took too long and was cancelled');
  }
  if (code === 'Neo.ClientError.Transaction.InvalidBookmark' || code === 'Neo.ClientError.Transaction.InvalidBookmarkMixture') {
    return new AppError('BAD_USER_INPUT', 'The Plan-Graph-Bookmark header holds a bookmark this database did not issue: send the value of a Plan-Graph-Bookmark response header, or none');
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new AppError('CONFLICT', 'The change conflicts with existing data (a uniqueness or existence rule)');
  }
  return error;
}
