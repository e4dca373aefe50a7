import type { Driver, ManagedTransaction, Session } from 'neo4j-driver';

/**
 * A driver that counts the statements sent through it: every run() of a session, of a managed
 * transaction or of an explicit one, and every executeQuery(). This is how the bench measures the
 * round trips of the contenders that do not use Plan Graph's GraphClient (the lower bound and
 * @neo4j/graphql), so that no contender's figure is declared.
 */
export interface CountingDriver {
  driver: Driver;
  statements(): number;
  reset(): void;
}

export function countingDriver(inner: Driver): CountingDriver {
  let count = 0;
  const countRuns = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(t, prop) {
        const value: unknown = Reflect.get(t, prop, t);
        if (typeof value !== 'function') return value;
        if (prop === 'run') {
          return (...args: unknown[]) => {
            count += 1;
            return (value as (...a: unknown[]) => unknown).apply(t, args);
          };
        }
        if (prop === 'executeRead' || prop === 'executeWrite') {
          return (work: (tx: ManagedTransaction) => unknown, ...rest: unknown[]) =>
            (value as (...a: unknown[]) => unknown).apply(t, [(tx: ManagedTransaction) => work(countRuns(tx)), ...rest]);
        }
        if (prop === 'beginTransaction') {
          return (...args: unknown[]) => countRuns((value as (...a: unknown[]) => object).apply(t, args));
        }
        return (value as (...a: unknown[]) => unknown).bind(t);
      },
    });
  const driver = new Proxy(inner, {
    get(t, prop) {
      const value: unknown = Reflect.get(t, prop, t);
      if (typeof value !== 'function') return value;
      if (prop === 'session') return (...args: unknown[]) => countRuns((value as (...a: unknown[]) => Session).apply(t, args));
      if (prop === 'executeQuery') {
        return (...args: unknown[]) => {
          count += 1;
          return (value as (...a: unknown[]) => unknown).apply(t, args);
        };
      }
      return (value as (...a: unknown[]) => unknown).bind(t);
    },
  });
  return { driver, statements: () => count, reset: () => void (count = 0) };
}
