import neo4j, { type Driver } from 'neo4j-driver';
import { loadConfig } from '../../src/config';
import type { GraphClient } from '../../src/graph/graph-client';
import { writePlan } from '../../src/graph/plan-writer';
import { toGraph } from '../../src/ingest/to-graph';
import { removePlan, testClient } from './graph';
import { seedDocument } from './seed-document';

/**
 * Copies of the seed under plan ids of their own, for tests that hold a read of one plan to the
 * same answer and the same work however many plans are loaded: what they read with the seed alone
 * is read before `load()`, and again after it.
 */
export interface SeedCopies {
  /** The plan ids of the copies (`<prefix>-1` ...). */
  readonly ids: readonly string[];
  readonly client: GraphClient;
  /** A driver of its own, for PROFILE and for statements written apart from the code under test. */
  readonly driver: Driver;
  /** Writes the copies, one plan each. */
  load(): Promise<void>;
  /** Removes the copies and closes the client and the driver. */
  close(): Promise<void>;
}

/** A client and a driver of the test database, with no copy left from a run that stopped half-way. */
export async function seedCopies(prefix: string, count = 4): Promise<SeedCopies> {
  const ids = Array.from({ length: count }, (_, i) => `${prefix}-${i + 1}`);
  const client = await testClient();
  const { uri, user, password } = loadConfig(process.env).neo4j;
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
  const removeAll = async () => {
    for (const id of ids) await removePlan(client, id);
  };
  await removeAll();
  return {
    ids,
    client,
    driver,
    load: async () => {
      for (const id of ids) await writePlan(client, toGraph(seedDocument(id)));
    },
    close: async () => {
      await removeAll();
      await driver.close();
      await client.close();
    },
  };
}
