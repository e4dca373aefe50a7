/**
 * Readiness of a Neo4j server: the driver connects, authenticates and `RETURN 1` answers on the
 * given database. Goes through GraphClient, so src/graph stays the only user of neo4j-driver.
 */
import { GraphClient } from '../graph/graph-client';
import { LocalDbError } from './localdb-error';

export interface ReadinessTarget {
  uri: string;
  user: string;
  password: string;
  database: string;
}

const POLL_EVERY_MS = 500;

function clientFor(target: ReadinessTarget): GraphClient {
  return GraphClient.create({ ...target, managedLocally: true, timeouts: { readMs: 5_000, writeMs: 5_000, ingestMs: 5_000 } });
}

/** A wrong password is final: retrying would only trip Neo4j's authentication rate limit. */
function isAuthFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Neo.ClientError.Security.');
}

/** One readiness check; true when the database answered. */
export async function isReady(target: ReadinessTarget): Promise<boolean> {
  const client = clientFor(target);
  try {
    await client.ping();
    return true;
  } catch {
    return false;
  } finally {
    await client.close();
  }
}

export type ReadyOutcome = 'ready' | 'exited' | 'timeout';

/**
 * Polls until the server answers ('ready'), `stillRunning()` turns false ('exited') or
 * `timeoutMs` passes ('timeout'). Rejects with a LocalDbError when the password is refused.
 */
export async function waitUntilReady(
  target: ReadinessTarget,
  stillRunning: () => boolean,
  timeoutMs: number,
  authHint: string,
): Promise<ReadyOutcome> {
  const client = clientFor(target);
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (!stillRunning()) return 'exited';
      try {
        await client.ping();
        return 'ready';
      } catch (error) {
        if (isAuthFailure(error)) {
          throw new LocalDbError(`Neo4j at ${target.uri} refused the password for user "${target.user}": ${authHint}`);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS));
    }
    return stillRunning() ? 'timeout' : 'exited';
  } finally {
    await client.close();
  }
}
