import pino, { type Logger } from 'pino';
import type { LogLevel } from '../config';

/** Secrets never reach the log: credentials and keys are redacted wherever they appear. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'headers.authorization',
  'headers["x-api-key"]',
  'password',
  '*.password',
  'apiKey',
  '*.apiKey',
  'key',
  '*.key',
];

/** Writes synchronously by default, so that the last lines before an exit are never lost. */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { service: 'plan-graph' } }, destination ?? pino.destination({ dest: 1, sync: true }));
}

export type { Logger };
