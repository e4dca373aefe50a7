import type { Context } from '../../schema/context';

/**
 * Each operation's price, as limitsPlugin computed it once its variables were coerced, for the
 * plugins that act on it later in the same request. Kept per request context, and gone with it.
 */
export const operationPrices = new WeakMap<Context, number>();
