import { graphql, type GraphQLSchema } from 'graphql';
import neo4j from 'neo4j-driver';
import type { Config } from '../src/config';
import { loadConfig } from '../src/config';
import { startApi, type RunningApi } from '../src/main';
import { createLogger } from '../src/server/logger';
import { countingDriver, type CountingDriver } from './counting-driver';
import { runLower } from './lower-bound';
import { post } from './measure';
import type { Operation } from './operations';
import { buildPeerSchema, peerContext } from './peer-schema';

/**
 * Round trips measured, not declared: each contender answers an operation alone while the
 * statements it sends to Neo4j are counted — Plan Graph on its own GraphClient (stats.roundTrips,
 * cache off), the lower bound and @neo4j/graphql through a counting driver (bench/counting-driver.ts)
 * with the very code their servers run (runLower; the peer's schema and context). Each operation
 * is asked twice and the second is counted, so that one-time work of a fresh process (the peer
 * reads the database's version on its first request) is not charged to the operation.
 */
export interface RoundTripCounter {
  ours(op: Operation): Promise<number>;
  lowerBound(op: Operation): Promise<number>;
  peer(op: Operation): Promise<number>;
  close(): Promise<void>;
}

export async function startRoundTripCounter(config: Config, env: Record<string, string>): Promise<RoundTripCounter> {
  const api: RunningApi = await startApi(loadConfig({ ...process.env, ...env, PORT: '0', RESPONSE_CACHE: 'false', SEED_ON_START: 'false', LOG_LEVEL: 'silent' }), createLogger('silent'));
  const auth = neo4j.auth.basic(config.neo4j.user, config.neo4j.password);
  const lower: CountingDriver = countingDriver(neo4j.driver(config.neo4j.uri, auth, { disableLosslessIntegers: true }));
  const peerDriver: CountingDriver = countingDriver(neo4j.driver(config.neo4j.uri, auth));
  const peerSchema: GraphQLSchema = await buildPeerSchema(peerDriver.driver);
  return {
    async ours(op) {
      await post({ url: api.url, body: JSON.stringify(op.ours) });
      api.graph.resetStats();
      await post({ url: api.url, body: JSON.stringify(op.ours) });
      return api.graph.stats.roundTrips;
    },
    async lowerBound(op) {
      await runLower(lower.driver, config.neo4j.database, op.lower);
      lower.reset();
      await runLower(lower.driver, config.neo4j.database, op.lower);
      return lower.statements();
    },
    async peer(op) {
      const ask = () => graphql({ schema: peerSchema, source: op.peer.query, variableValues: op.peer.variables, contextValue: peerContext() });
      await ask();
      peerDriver.reset();
      const result = await ask();
      if (result.errors?.length) throw new Error(`peer: ${op.label}: ${result.errors[0].message}`);
      return peerDriver.statements();
    },
    async close() {
      await api.stop();
      await lower.driver.close();
      await peerDriver.driver.close();
    },
  };
}
