import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Causal consistency across sessions, processes and replicas, in Neo4j's terms: bookmarks.
 *
 * Within one process, GraphClient's sessions share one bookmark manager, so a read follows every
 * write the process has committed. Across replicas, a client carries a bookmark: the API hands
 * back the bookmark of a request's writes (the Plan-Graph-Bookmark response header), and a later
 * request that sends it reads after them, on whatever replica and cluster member it lands.
 *
 * This module holds a request's bookmarks for the sessions it opens, through AsyncLocalStorage:
 * the GraphQL layer never sees them, and the graph layer never sees a request.
 */
export interface Causality {
  /** Bookmarks the request's reads and writes must follow (from the client). */
  readonly after: string[];
  /** Bookmarks left by the request's writes, for the client to carry. */
  written: string[];
}

const storage = new AsyncLocalStorage<Causality>();

/** Runs `work` with the given bookmarks to follow; the returned causality collects the writes'. */
export function withCausality<T>(after: string[], work: () => Promise<T>): { causality: Causality; done: Promise<T> } {
  const causality: Causality = { after, written: [] };
  return { causality, done: storage.run(causality, work) };
}

/** The causality of the request under way, if any. */
export const currentCausality = (): Causality | undefined => storage.getStore();

/** At most this many bookmarks are accepted from a client, each at most BOOKMARK_MAX_LENGTH. */
export const MAX_BOOKMARKS = 16;
export const BOOKMARK_MAX_LENGTH = 512;
/** Bookmarks are opaque to clients; Neo4j's are printable ASCII without spaces or commas. */
const BOOKMARK = /^[\x21-\x2b\x2d-\x7e]+$/;

/** The bookmarks of a header value (comma-separated), or null when it is not a list of them. */
export function parseBookmarks(header: string): string[] | null {
  const parts = header
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length > MAX_BOOKMARKS) return null;
  return parts.every((p) => p.length <= BOOKMARK_MAX_LENGTH && BOOKMARK.test(p)) ? parts : null;
}
