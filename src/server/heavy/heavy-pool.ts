import { join } from 'node:path';
import { Piscina } from 'piscina';
import type { Config } from '../../config';
import { AppError } from '../../errors/app-error';
import { PROJECT_ROOT } from '../../project-root';
import { timeoutError } from '../limits/execution-budget';
import type { Logger } from '../logger';
import type { HeavyAnswer, HeavyTask, HeavyWorkerData } from './heavy-task';

/** The compiled worker (`npm run build`; tests build first): threads run JavaScript, not TypeScript. */
const WORKER_FILE = join(PROJECT_ROOT, 'dist', 'src', 'server', 'heavy', 'heavy-worker.js');


const LEVEL_METHODS: Record<string, 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace'> = { fatal: 'fatal', error: 'error', warn: 'warn', info: 'info', debug: 'debug', trace: 'trace' };

/** How long after its deadline a worker that has not answered is stopped. */
const GRACE_MS = 1_000;

/**
 * Threads that execute the heavy read operations (those priced above GRAPHQL_HEAVY_COST), one at a
 * time each, so that the API's own thread stays free for health checks and small reads while
 * they run, and so that their memory is bounded: each thread's heap is capped at
 * GRAPHQL_HEAVY_WORKER_HEAP_MB, and an operation that needs more ends its thread (the pool starts
 * another) and is answered RESULT_TOO_LARGE. The threads run at a lower scheduling priority than
 * the API's thread. Admission (how many run and wait) stays with limitsPlugin.
 */
export class HeavyPool {
  private readonly pool: Piscina<HeavyTask, HeavyAnswer>;

  private readonly heapMb: number;
  private readonly timeoutMs: number;
  private readonly threads: number;
  private readonly warmThreads: number;

  constructor(config: Config, neo4jUri: string, private readonly logger: Logger) {
    this.heapMb = config.limits.heavyWorkerHeapMb;
    this.threads = config.limits.heavyWorkers;
    this.warmThreads = config.limits.heavyWarmWorkers;
    this.timeoutMs = config.limits.operationTimeoutMs;
    const workerData: HeavyWorkerData = { config, neo4jUri };
    this.pool = new Piscina({
      filename: WORKER_FILE,
      // GRAPHQL_HEAVY_WARM_WORKERS threads start with the API (loading one takes seconds on a
      // busy machine, longer than an operation may wait); the others with the heavy operations
      // that need them. All then stay.
      minThreads: Math.min(config.limits.heavyWarmWorkers, config.limits.heavyWorkers),
      maxThreads: config.limits.heavyWorkers,
      idleTimeout: Infinity,
      // The driver of a worker keeps its connections alive between operations: its event loop
      // must not be paused, which Piscina's Atomics mode does.
      atomics: 'disabled',
      // Threads lower their own priority once they are ready (heavy-worker.ts): starting one at a
      // low priority on a busy machine took longer than the operation that needed it may wait.
      resourceLimits: { maxOldGenerationSizeMb: config.limits.heavyWorkerHeapMb, maxYoungGenerationSizeMb: config.limits.heavyWorkerYoungMb },
      workerData,
    });
    // A thread that ends while it has no task (it should not): Piscina reports it here and starts
    // another. Unheard, the event would end the API.
    this.pool.on('error', (error: unknown) => this.logger.error({ err: error }, 'a heavy-operation thread ended'));
  }

  /** Operations the threads have answered (for tests and monitoring). */
  get completed(): number {
    return this.pool.completed;
  }

  /**
   * Resolves once the warm threads (GRAPHQL_HEAVY_WARM_WORKERS) have loaded: each answers a query
   * that reads nothing. The API starts listening after this, so that its first heavy operations
   * find a thread ready.
   */
  async warm(): Promise<void> {
    const threads = Math.min(this.warmThreads, this.threads);
    const task = (i: number): HeavyTask => ({ query: '{ __typename }', variables: undefined, operationName: undefined, token: null, requestId: `warm-${i}`, startedAt: Date.now(), bookmarks: [] });
    await Promise.all(Array.from({ length: threads }, (_, i) => this.pool.run(task(i))));
  }

  /** Executes the operation in a worker; a worker that outlives the deadline is stopped. */
  async run(task: HeavyTask): Promise<HeavyAnswer> {
    let answer: HeavyAnswer;
    try {
      const left = task.startedAt + this.timeoutMs - Date.now();
      answer = await this.pool.run(task, { signal: AbortSignal.timeout(Math.max(0, left) + GRACE_MS) });
    } catch (error) {
      throw this.failure(error);
    }
    for (const line of answer.logs) this.relay(line);
    return answer;
  }

  /** A worker's log line, written to the API's log with `thread: "heavy"`. */
  private relay(line: string): void {
    const { level, msg, time: _time, service: _service, ...fields } = JSON.parse(line) as { level: number; msg?: string; [field: string]: unknown };
    const label = this.logger.levels.labels[level] ?? 'info';
    if (label in LEVEL_METHODS) this.logger[LEVEL_METHODS[label]]({ ...fields, thread: 'heavy' }, msg);
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }

  /** Why a worker gave no answer, as the error the client gets (anything unexpected is logged). */
  private failure(error: unknown): AppError {
    const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : null;
    if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return new AppError('RESULT_TOO_LARGE', 'The operation needed more memory than one operation may use and was stopped. Page through the lists (first:/after:) or select fewer nested lists.', { limit: 'GRAPHQL_HEAVY_WORKER_HEAP_MB', limitValue: this.heapMb });
    }
    if (error instanceof Error && error.name === 'AbortError') return timeoutError(this.timeoutMs, 'GRAPHQL_TIMEOUT_MS');
    this.logger.error({ err: error }, 'a heavy-operation worker failed');
    return new AppError('SERVICE_UNAVAILABLE', 'The server could not run this operation just now; retry shortly.');
  }
}
