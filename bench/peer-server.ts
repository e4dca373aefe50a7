import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import neo4j from 'neo4j-driver';
import { loadConfig } from '../src/config';
import { buildPeerSchema, peerContext } from './peer-schema';

/** The peer: an @neo4j/graphql server, set up as its documentation shows (Apollo standalone). */
async function main(): Promise<void> {
  const config = loadConfig();
  const driver = neo4j.driver(config.neo4j.uri, neo4j.auth.basic(config.neo4j.user, config.neo4j.password));
  const started = Date.now();
  const schema = await buildPeerSchema(driver);
  const server = new ApolloServer({ schema });
  await startStandaloneServer(server, { listen: { port: config.port, host: '127.0.0.1' }, context: async () => peerContext() });
  process.stdout.write(`ready ${config.port} schema ${Date.now() - started}ms\n`);
  process.on('SIGTERM', () => server.stop().then(() => driver.close()).then(() => process.exit(0)));
}
main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
