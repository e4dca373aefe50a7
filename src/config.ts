/**
 * Configuration, read once from the environment and validated here.
 *
 * Contract: nothing else in the code base reads `process.env`; every module receives the
 * part of `Config` it needs. An invalid value fails fast with a message naming the variable.
 */

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Neo4jConfig {
  /** bolt://, bolt+s://, neo4j:// or neo4j+s:// (the latter two route through a cluster or Aura). */
  uri: string;
  user: string;
  password: string;
  database: string;
  /** True when no NEO4J_URI was given: the project starts and owns a local Neo4j process. */
  managedLocally: boolean;
  /** Upper bounds of database transactions, in milliseconds, by kind of work. */
  timeouts: TransactionTimeouts;
}

/**
 * A read the API answers must be short (a client waits for it); a write of a record may wait on
 * locks; loading a whole plan (and applying the schema, which waits for indexes) is bounded by
 * its own, much longer setting, never by the API's.
 */
export interface TransactionTimeouts {
  readMs: number;
  writeMs: number;
  ingestMs: number;
}

export interface LocalDbConfig {
  /** Folder that holds the local database's data, logs and run files (git-ignored). */
  home: string;
  boltPort: number;
  heap: string;
  pageCache: string;
}

export interface LimitsConfig {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxTokens: number;
  maxPageSize: number;
  maxBodyBytes: number;
  rateLimitPerMinute: number;
  /** Wall-clock ceiling of one operation, from its arrival to its answer (TIMEOUT beyond). */
  operationTimeoutMs: number;
  /** The same for mutations, which wait for earlier writers of the same record chain. */
  mutationTimeoutMs: number;
  /** Ceiling on the list items one operation may produce (RESULT_TOO_LARGE beyond). */
  maxResultItems: number;
  /** Operations whose estimated cost exceeds this wait for one of `heavyConcurrency` slots. */
  heavyCost: number;
  heavyConcurrency: number;
  /** How many heavy operations may wait for a slot; the next is refused (load shedding). */
  heavyQueue: number;
  /** How long that refusal is held before it is sent, so that a client cannot resend at once. */
  heavyRefusalPauseMs: number;
  /** Threads that execute heavy reads off the API's own thread (0: the API's thread runs them). */
  heavyWorkers: number;
  /** Heap ceiling of each of those threads; an operation needing more is RESULT_TOO_LARGE. */
  heavyWorkerHeapMb: number;
  /**
   * Young generation of each of those threads. A heavy read allocates megabytes that live until
   * its answer is sent: in a small young generation they are copied and promoted again and again
   * (at 16 MB, garbage collection was half of a plan tree's CPU time).
   */
  heavyWorkerYoungMb: number;
  /** Threads started with the API, so that the first heavy operations do not wait for one to load. */
  heavyWarmWorkers: number;
  /**
   * Operations up to this estimated cost read each root field in one compiled statement; dearer
   * ones read level by level through the loaders, so that no single answer from the database
   * must fit in memory at once (src/schema/compile).
   */
  compiledReadMaxCost: number;
  /**
   * A search that does not select `totalCount` reads Lucene's best hits, this many and one more
   * (to tell whether there are more), and its `hitCount` counts up to this many; a page that could
   * reach past them reads every hit. A common term over many plans matches hundreds of thousands
   * of hits: counting them all costs more than the page.
   */
  searchHitCountLimit: number;
}

/** What browsers and CDNs may keep of GraphQL answers (src/server/http-cache-policy.ts). */
export interface HttpCacheConfig {
  /** max-age of public reads that depend only on loaded plans (0: no-store). */
  maxAgeSeconds: number;
  /** max-age of public reads that select monitoring records (0: no-store). */
  recordsMaxAgeSeconds: number;
}

/**
 * The client-facing deadline with a database that does not answer (stopped, frozen, cut off):
 * a request still waiting on it `deadlineMs` after arrival is answered SERVICE_UNAVAILABLE, decided
 * by a probe of at most `probeTimeoutMs` that starts early enough to end before the deadline.
 */
export interface AvailabilityConfig {
  deadlineMs: number;
  probeTimeoutMs: number;
}

export interface Config {
  port: number;
  host: string;
  logLevel: LogLevel;
  production: boolean;
  /** Serve GraphiQL at /graphql for browsers and allow introspection. */
  explorer: boolean;
  introspection: boolean;
  corsOrigins: string[];
  /**
   * This process's name among replicas (INSTANCE_NAME), sent as x-served-by on GraphQL answers so
   * that an operator (or a test) can tell which replica behind a load balancer answered; unset:
   * no header.
   */
  instanceName: string | null;
  seedOnStart: boolean;
  /** Cache answers of read operations, keyed by the graph's versions (0 entries: off). */
  responseCacheEntries: number;
  /** On SIGTERM, how long requests in flight may run before their connections are closed. */
  shutdownDrainMs: number;
  /** On SIGTERM, how long the server keeps accepting (with /readyz at 503) before it closes its port. */
  shutdownGraceMs: number;
  httpCache: HttpCacheConfig;
  availability: AvailabilityConfig;
  neo4j: Neo4jConfig;
  localDb: LocalDbConfig;
  limits: LimitsConfig;
}

export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const URI_SCHEMES = ['bolt:', 'bolt+s:', 'bolt+ssc:', 'neo4j:', 'neo4j+s:', 'neo4j+ssc:'];
const LOCAL_USER = 'neo4j';
const LOCAL_PASSWORD = 'plan-graph-local';
const LOCAL_BOLT_PORT = 7687;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function memory(env: Env, name: string, fallback: string): string {
  const raw = env[name] ?? fallback;
  if (!/^\d+[kmg]$/i.test(raw)) throw new ConfigError(name, `must look like 512m or 1g, got "${raw}"`);
  return raw;
}

function neo4jFromEnv(env: Env, production: boolean, boltPort: number): Neo4jConfig {
  if (env.NEO4J_TX_TIMEOUT_MS !== undefined && env.NEO4J_TX_TIMEOUT_MS !== '') {
    throw new ConfigError('NEO4J_TX_TIMEOUT_MS', 'is replaced by NEO4J_READ_TIMEOUT_MS, NEO4J_WRITE_TIMEOUT_MS and NEO4J_INGEST_TIMEOUT_MS');
  }
  const timeouts: TransactionTimeouts = {
    readMs: int(env, 'NEO4J_READ_TIMEOUT_MS', 15_000, 100, 600_000),
    writeMs: int(env, 'NEO4J_WRITE_TIMEOUT_MS', 30_000, 100, 600_000),
    ingestMs: int(env, 'NEO4J_INGEST_TIMEOUT_MS', 600_000, 1_000, 86_400_000),
  };
  const database = env.NEO4J_DATABASE || 'neo4j';
  const uri = env.NEO4J_URI;
  if (!uri) {
    if (production) throw new ConfigError('NEO4J_URI', 'is required when NODE_ENV=production');
    return {
      uri: `bolt://127.0.0.1:${boltPort}`,
      user: LOCAL_USER,
      password: LOCAL_PASSWORD,
      database,
      managedLocally: true,
      timeouts,
    };
  }
  let scheme: string;
  try {
    scheme = new URL(uri).protocol;
  } catch {
    throw new ConfigError('NEO4J_URI', `is not a URI: "${uri}"`);
  }
  if (!URI_SCHEMES.includes(scheme)) {
    throw new ConfigError('NEO4J_URI', `must use one of ${URI_SCHEMES.join(' ')} (got ${scheme})`);
  }
  const user = env.NEO4J_USER || LOCAL_USER;
  const password = env.NEO4J_PASSWORD;
  // Outside the local default, credentials are never guessed.
  if (!password) throw new ConfigError('NEO4J_PASSWORD', 'is required when NEO4J_URI is set');
  return {
    uri,
    user,
    password,
    database,
    managedLocally: false,
    timeouts,
  };
}

/** Time kept between the end of the deadline's probe and the deadline, for a busy event loop. */
export const ANSWER_MARGIN_MS = 1_000;

function availabilityFromEnv(env: Env): AvailabilityConfig {
  const deadlineMs = int(env, 'UNAVAILABLE_DEADLINE_MS', 5_000, 1_200, 600_000);
  const probeTimeoutMs = int(env, 'HEALTH_PROBE_TIMEOUT_MS', 1_500, 100, 60_000);
  // The probe must fit inside the deadline, with room to answer (see src/server/answer-in-time.ts).
  if (probeTimeoutMs > deadlineMs - ANSWER_MARGIN_MS) {
    throw new ConfigError('HEALTH_PROBE_TIMEOUT_MS', `must be at most UNAVAILABLE_DEADLINE_MS - ${ANSWER_MARGIN_MS} (${deadlineMs - ANSWER_MARGIN_MS}), got "${probeTimeoutMs}"`);
  }
  return { deadlineMs, probeTimeoutMs };
}

/** Reads and validates the configuration. `cwd` anchors relative paths such as the local db home. */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const production = env.NODE_ENV === 'production';
  const heavyConcurrency = int(env, 'GRAPHQL_HEAVY_CONCURRENCY', 2, 1, 1_000);
  const logLevel = (env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'silent' : 'info')) as LogLevel;
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of fatal error warn info debug trace silent, got "${logLevel}"`);
  }
  const boltPort = int(env, 'LOCAL_NEO4J_BOLT_PORT', LOCAL_BOLT_PORT, 1, 65535);
  const home = env.LOCAL_NEO4J_HOME || '.neo4j/local';
  return {
    port: int(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    logLevel,
    production,
    explorer: bool(env, 'GRAPHQL_EXPLORER', !production),
    introspection: bool(env, 'GRAPHQL_INTROSPECTION', !production),
    corsOrigins: (env.CORS_ORIGINS || '').split(',').map((s) => s.trim()).filter(Boolean),
    instanceName: instanceName(env.INSTANCE_NAME),
    seedOnStart: bool(env, 'SEED_ON_START', true),
    responseCacheEntries: bool(env, 'RESPONSE_CACHE', true) ? int(env, 'RESPONSE_CACHE_ENTRIES', 1000, 1, 1_000_000) : 0,
    shutdownDrainMs: int(env, 'SHUTDOWN_DRAIN_MS', 10_000, 0, 600_000),
    shutdownGraceMs: int(env, 'SHUTDOWN_GRACE_MS', 1_000, 0, 600_000),
    httpCache: {
      maxAgeSeconds: int(env, 'HTTP_CACHE_MAX_AGE', 300, 0, 31_536_000),
      recordsMaxAgeSeconds: int(env, 'HTTP_CACHE_RECORDS_MAX_AGE', 5, 0, 31_536_000),
    },
    availability: availabilityFromEnv(env),
    neo4j: neo4jFromEnv(env, production, boltPort),
    localDb: {
      home: home.startsWith('/') ? home : `${cwd}/${home}`,
      boltPort,
      heap: memory(env, 'LOCAL_NEO4J_HEAP', '1g'),
      pageCache: memory(env, 'LOCAL_NEO4J_PAGECACHE', '512m'),
    },
    limits: {
      maxDepth: int(env, 'GRAPHQL_MAX_DEPTH', 12, 2, 100),
      maxCost: int(env, 'GRAPHQL_MAX_COST', 3_000_000, 10, 1_000_000_000),
      maxAliases: int(env, 'GRAPHQL_MAX_ALIASES', 30, 1, 1000),
      maxTokens: int(env, 'GRAPHQL_MAX_TOKENS', 2_000, 50, 100_000),
      maxPageSize: int(env, 'GRAPHQL_MAX_PAGE_SIZE', 100, 1, 10_000),
      maxBodyBytes: int(env, 'MAX_BODY_BYTES', 100_000, 1_000, 50_000_000),
      rateLimitPerMinute: int(env, 'RATE_LIMIT_PER_MINUTE', 0, 0, 1_000_000),
      operationTimeoutMs: int(env, 'GRAPHQL_TIMEOUT_MS', 5_000, 1, 600_000),
      mutationTimeoutMs: int(env, 'GRAPHQL_MUTATION_TIMEOUT_MS', 30_000, 1, 600_000),
      maxResultItems: int(env, 'GRAPHQL_MAX_RESULT_ITEMS', 20_000, 10, 10_000_000),
      heavyCost: int(env, 'GRAPHQL_HEAVY_COST', 20_000, 1, 1_000_000_000),
      heavyConcurrency,
      heavyQueue: int(env, 'GRAPHQL_HEAVY_QUEUE', 64, 0, 10_000),
      heavyRefusalPauseMs: int(env, 'GRAPHQL_HEAVY_REFUSAL_PAUSE_MS', 1_000, 0, 60_000),
      heavyWorkers: int(env, 'GRAPHQL_HEAVY_WORKERS', Math.min(heavyConcurrency, 64), 0, 64),
      heavyWorkerHeapMb: int(env, 'GRAPHQL_HEAVY_WORKER_HEAP_MB', 256, 32, 16_384),
      heavyWorkerYoungMb: int(env, 'GRAPHQL_HEAVY_WORKER_YOUNG_MB', 64, 4, 1_024),
      heavyWarmWorkers: int(env, 'GRAPHQL_HEAVY_WARM_WORKERS', 1, 0, 64),
      compiledReadMaxCost: int(env, 'GRAPHQL_COMPILED_READ_MAX_COST', 100_000, 0, 1_000_000_000),
      searchHitCountLimit: int(env, 'SEARCH_HIT_COUNT_LIMIT', 2_000, 1, 10_000_000),
    },
  };
}

/** A replica's name: printable ASCII without spaces, at most 64 characters. */
function instanceName(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  if (!/^[\x21-\x7e]{1,64}$/.test(value)) throw new ConfigError('INSTANCE_NAME', `must be 1 to 64 printable ASCII characters without spaces, got "${value}"`);
  return value;
}
