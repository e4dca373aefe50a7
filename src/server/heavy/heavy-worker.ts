import 'reflect-metadata';
import { Writable } from 'node:stream';
import { workerData } from 'node:worker_threads';
import { nice } from '@napi-rs/nice';
import { withCausality } from '../../graph/causality';
import { DatabaseHealth } from '../../graph/database-health';
import { GraphClient } from '../../graph/graph-client';
import { buildPlanGraphSchema } from '../../schema/build-schema';
import { createContext } from '../../schema/context';
import { createApollo } from '../apollo';
import { surviveLateRejections } from '../late-rejections';
import { createLogger } from '../logger';
import type { HeavyAnswer, HeavyTask, HeavyWorkerData } from './heavy-task';

/**
 * A heavy-operation worker (a thread of heavy-pool.ts): the same schema, limits and error
 * formatting as the API, over a driver of its own, without the response cache (the API keeps
 * that) and without workers of its own. It answers one operation at a time; its heap is capped
 * by the pool, so an operation that needs more memory ends this thread, never the API.
 */
/**
 * How much lower than the API's own thread a ready worker is scheduled (nice(2) increment, this
 * thread only on Linux). +5 weighs a worker at about a third of a normal thread: the API's own
 * thread still goes first, and a heavy answer still gets CPU on a machine whose other processes
 * (Neo4j among them) are busy. At +10 (a tenth) heavy answers waited past their deadline there.
 */
const WORKER_NICENESS = 5;

async function initialise(): Promise<(task: HeavyTask) => Promise<HeavyAnswer>> {
  const { config: given, neo4jUri } = workerData as HeavyWorkerData;
  const config = { ...given, responseCacheEntries: 0, limits: { ...given.limits, heavyWorkers: 0 }, neo4j: { ...given.neo4j, uri: neo4jUri } };
  // Log lines travel back with each answer, so the API's log is the one log of the service.
  const logs: string[] = [];
  const logger = createLogger(config.logLevel, new Writable({
    write(line: Buffer, _encoding, done) {
      logs.push(line.toString());
      done();
    },
  }));
  surviveLateRejections(logger);
  const client = GraphClient.create(config.neo4j);
  const health = new DatabaseHealth(() => client.ping(), { probeTimeoutMs: config.availability.probeTimeoutMs, lastAnswerAt: () => client.stats.lastAnswerAt });
  const apollo = createApollo(await buildPlanGraphSchema(), config, logger, { client, health });
  await apollo.start();
  // Ready: from now on the API's own thread (cheap operations, health checks) goes first. Not
  // before: a thread that starts at low priority on a busy machine is starved while it loads.
  nice(WORKER_NICENESS);
  return async (task) => {
    const before = client.stats.roundTrips;
    const response = await withCausality(task.bookmarks, () =>
      apollo.executeOperation(
        { query: task.query, variables: task.variables, operationName: task.operationName },
        { contextValue: createContext(client, config.limits, task.requestId, task.token, task.startedAt) },
      ),
    ).done;
    // Heavy operations are queries: graphql-js answers them in one result, never incrementally.
    const result = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
    return { json: JSON.stringify(result), roundTrips: client.stats.roundTrips - before, lastAnswerAt: client.stats.lastAnswerAt, logs: logs.splice(0) };
  };
}

export default initialise();
