import type { Config } from '../../config';

/**
 * The messages between the API and its heavy-operation workers. Only clonable data crosses: the
 * operation as the client sent it, the caller's token (the worker checks it against the graph
 * itself) and when the operation arrived; the answer comes back as the JSON text of the GraphQL result.
 */
export interface HeavyTask {
  query: string;
  variables: Record<string, unknown> | undefined;
  operationName: string | undefined;
  token: string | null;
  requestId: string;
  /** When the operation arrived (epoch ms): its deadline (GRAPHQL_TIMEOUT_MS) counts from then. */
  startedAt: number;
  /** Bookmarks the worker's reads must follow: the API's own writes and the client's bookmark. */
  bookmarks: string[];
}

export interface HeavyAnswer {
  /** The GraphQL result ({ data, errors }), errors already formatted and masked. */
  json: string;
  /** Database statements the operation sent, for the API's round-trip counter. */
  roundTrips: number;
  /** When the worker's database last answered (epoch ms), for the API's readiness. */
  lastAnswerAt: number;
  /** The worker's log lines since its last answer (pino JSON), for the API's log. */
  logs: string[];
}

/** What every worker is started with: the API's configuration and the database it resolved. */
export interface HeavyWorkerData {
  config: Config;
  neo4jUri: string;
}
