/**
 * A value a resolver may have at once (read ahead by a tree or a compiled read) or only later
 * (through a loader). graphql-js completes a plain value in place and a promise after a
 * microtask, and every promise of a request also runs the hooks of its AsyncLocalStorage
 * (bookmarks, src/graph/causality.ts): hundreds of fields of one answer taken at once cost no
 * promise each.
 */
export type MaybePromise<T> = T | Promise<T>;

export const isPromise = <T>(value: MaybePromise<T>): value is Promise<T> => value instanceof Promise;

/** `f` of the value: at once for a plain value, after it settles for a promise. */
export function andThen<T, U>(value: MaybePromise<T>, f: (v: T) => U): MaybePromise<U> {
  return isPromise(value) ? value.then(f) : f(value);
}
