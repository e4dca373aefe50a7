import { loadConfig } from '../config';
import { applySchema } from '../graph/apply-schema';
import { GraphClient } from '../graph/graph-client';
import { startLocalNeo4j } from '../localdb/local-neo4j';

/**
 * For the command-line tools (ingest, keys, export): the configured database — the local one is
 * started or reused when no NEO4J_URI is set — with the schema applied, closed after `work`.
 */
export async function withGraphClient<T>(work: (client: GraphClient) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const local = config.neo4j.managedLocally
    ? await startLocalNeo4j({ ...config.localDb, password: config.neo4j.password, env: process.env, detached: true })
    : null;
  const client = GraphClient.create(local ? { ...config.neo4j, uri: local.uri } : config.neo4j);
  try {
    await applySchema(client);
    return await work(client);
  } finally {
    await client.close();
  }
}
