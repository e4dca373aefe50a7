import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { loadConfig, type Config } from './config';
import { applySchema } from './graph/apply-schema';
import { DatabaseHealth } from './graph/database-health';
import { GraphClient } from './graph/graph-client';
import { seedPlan } from './load/seed-plan';
import { startLocalNeo4j, type LocalNeo4jHandle } from './localdb/local-neo4j';
import { buildPlanGraphSchema } from './schema/build-schema';
import { createApollo } from './server/apollo';
import { HeavyPool } from './server/heavy/heavy-pool';
import { createHttpServer } from './server/http-server';
import { surviveLateRejections } from './server/late-rejections';
import { createLogger, type Logger } from './server/logger';

export interface RunningApi {
  url: string;
  port: number;
  /** The client the API reads through; tests read its round-trip counter. */
  graph: GraphClient;
  /** Operations answered by the heavy-operation threads so far (0 without them). */
  heavyOperations(): number;
  /**
   * Drains requests in flight and closes everything. With `graceMs`, the server first keeps
   * accepting for that long while /readyz answers 503 (a load balancer's cue to stop sending),
   * so that requests already on their way are served rather than cut off.
   */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts the whole service: the local Neo4j when no NEO4J_URI is configured, the schema files,
 * the seed plan when missing, then GraphQL over HTTP. `stop()` drains requests in flight,
 * closes the driver and stops the local database if this process started it.
 */
export async function startApi(config: Config, logger: Logger): Promise<RunningApi> {
  let local: LocalNeo4jHandle | null = null;
  if (config.neo4j.managedLocally) {
    logger.info({ home: config.localDb.home }, 'starting or reusing the local Neo4j');
    local = await startLocalNeo4j({ ...config.localDb, password: config.neo4j.password, env: process.env, detached: true });
    logger.info({ uri: local.uri, reused: local.reused, ms: local.startMs }, 'local Neo4j ready');
  }
  const client = GraphClient.create(local ? { ...config.neo4j, uri: local.uri } : config.neo4j);
  try {
    await client.ping();
    const statements = await applySchema(client);
    logger.info({ statements }, 'schema applied');
    if (config.seedOnStart) {
      const seeded = await seedPlan(client);
      logger.info({ plan: seeded.planId, skipped: seeded.skipped, nodes: seeded.nodes }, seeded.skipped ? 'seed plan already loaded' : 'seed plan loaded');
    }
  } catch (error) {
    await client.close();
    throw error;
  }
  const health = new DatabaseHealth(() => client.ping(), { probeTimeoutMs: config.availability.probeTimeoutMs, lastAnswerAt: () => client.stats.lastAnswerAt });
  const heavy = config.limits.heavyWorkers > 0 ? new HeavyPool(config, local ? local.uri : config.neo4j.uri, logger) : null;
  const apollo = createApollo(await buildPlanGraphSchema(), config, logger, { client, health }, heavy);
  await Promise.all([apollo.start(), heavy?.warm()]);
  let draining = false;
  const server = createHttpServer({ config, apollo, client, health, logger, draining: () => draining });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/graphql`;
  let stopping: Promise<void> | null = null;
  const stop = (graceMs = 0) =>
    (stopping ??= (async () => {
      draining = true;
      if (graceMs > 0) await new Promise((resolve) => setTimeout(resolve, graceMs));
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), config.shutdownDrainMs);
      await closed;
      clearTimeout(timer);
      await apollo.stop();
      await heavy?.close();
      health.stop();
      await client.close();
      if (local) await local.stop();
    })());
  return { url, port, graph: client, heavyOperations: () => heavy?.completed ?? 0, stop };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const api = await startApi(config, logger);
  logger.info({ url: api.url }, `Plan Graph serving GraphQL at ${api.url}`);
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down: draining requests');
    api
      .stop(config.shutdownGraceMs)
      .then(() => {
        logger.info('stopped cleanly');
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  surviveLateRejections(logger);
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`Plan Graph could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
