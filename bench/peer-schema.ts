import { Neo4jGraphQL } from '@neo4j/graphql';
import type { Driver } from 'neo4j-driver';
import type { GraphQLSchema } from 'graphql';
import { PEER_TYPE_DEFS } from './peer-type-defs';

/**
 * The peer's schema and per-request context, as the library's Getting Started guide sets them up
 * for Neo4j 5: the driver handed to Neo4jGraphQL, and `cypherQueryOptions.addVersionPrefix` so that
 * every statement is pinned to Cypher 5. The bench server and the bench's statement count both use
 * these, so that what is counted is what is timed.
 */
export async function buildPeerSchema(driver: Driver): Promise<GraphQLSchema> {
  return new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema();
}

export function peerContext(): Record<string, unknown> {
  return { cypherQueryOptions: { addVersionPrefix: true } };
}
