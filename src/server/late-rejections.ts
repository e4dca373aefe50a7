import { GraphQLError } from 'graphql';
import { AppError } from '../errors/app-error';
import type { Logger } from './logger';

/**
 * graphql-js 16 leaves the other items of a list unawaited when one fails at once (as fields do
 * once an operation's budget is spent): their later rejections are nobody's. They must not end the
 * process, nor a heavy-operation thread (where an unhandled rejection would end the thread and
 * fail the next operation it takes); anything that is not an expected AppError is logged.
 */
export function surviveLateRejections(logger: Logger): void {
  process.on('unhandledRejection', (reason: unknown) => {
    const expected = reason instanceof AppError || (reason instanceof GraphQLError && reason.originalError instanceof AppError);
    if (expected) logger.debug({ err: reason }, 'a field failed after its operation was answered');
    else logger.error({ err: reason }, 'unhandled rejection');
  });
}
