/**
 * GraphClient owns the Neo4j driver. It is the only module of the application that imports
 * neo4j-driver (src/graph/to-plain.ts converts driver values; src/localdb pings through here).
 *
 * Contracts:
 * - read()/write()/ingest() run managed transactions (the driver retries transient failures for
 *   up to MAX_RETRY_MS) on Neo4jConfig.database, each bounded by its own timeout: read() by
 *   timeouts.readMs (the API's reads), write() by timeouts.writeMs (records, keys), ingest() by
 *   timeouts.ingestMs (a whole plan's load, the schema). Sessions are always closed.
 * - readRows()/readColumns() send their one statement as an auto-commit transaction in a READ
 *   session, retried as a managed read would be (retry-transient.ts). A managed transaction costs
 *   three Bolt exchanges (BEGIN, RUN and PULL, COMMIT), each its own socket write on both sides;
 *   one statement needs only RUN and PULL. The statement is a read, so sending it again is safe;
 *   it routes to readers and follows the bookmarks as a managed read does.
 * - Errors leave through mapNeo4jError: expected failures become AppErrors, others pass unchanged.
 * - stats.roundTrips counts every query sent (each tx.run, including retries and ping), so tests
 *   can assert how many database round trips a GraphQL operation costs; stats.lastAnswerAt is
 *   when a session last completed its work (the health check trusts a recent one).
 * - Rows returned by readRows()/writeRows() are decoded by the row shape given (see decode.ts):
 *   plain values of the declared types, or a RowDecodeError.
 * - Causal consistency (causality.ts): every session shares the client's bookmark manager, so a
 *   read follows the client's own committed writes, also on a cluster's secondaries; a session
 *   opened for a request also follows the bookmarks the request carries, and a write session
 *   leaves its bookmarks on the request.
 */
import neo4j, { type BookmarkManager, type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { currentCausality } from './causality';
import type { Neo4jConfig } from '../config';
import { mapNeo4jError } from './neo4j-errors';
import { decodeRecords, type RowShape } from './decode';
import { retryTransient, type RetryPolicy } from './retry-transient';

/** A managed transaction, re-exported so that other modules need not import neo4j-driver. */
export type ReadTx = ManagedTransaction;
export type WriteTx = ManagedTransaction;

export interface GraphStats {
  /** Number of queries sent to the database since creation or the last resetStats(). */
  roundTrips: number;
  /** When the database last completed a unit of work for this client (epoch ms; 0: never). */
  lastAnswerAt: number;
}

/** Cypher needs real integers for e.g. LIMIT/SKIP; JS numbers are sent as floats. */
export const int = (value: number): unknown => neo4j.int(value);

/** Enough for one API process; the server caps concurrent work well below this. */
const MAX_POOL_SIZE = 50;
/** Waiting longer than this for a pooled connection means the database is effectively down. */
const ACQUISITION_TIMEOUT_MS = 5_000;
const CONNECT_TIMEOUT_MS = 3_000;
/** Managed transactions retry transient errors; bounded so a request never hangs for long. */
const MAX_RETRY_MS = 5_000;
/** The driver's own first delay before retrying a managed transaction. */
const INITIAL_RETRY_DELAY_MS = 1_000;
const READ_RETRY: RetryPolicy = { maxRetryMs: MAX_RETRY_MS, initialDelayMs: INITIAL_RETRY_DELAY_MS, isTransient: (e) => neo4j.isRetryableError(e) };

export class GraphClient {
  readonly stats: GraphStats = { roundTrips: 0, lastAnswerAt: 0 };

  private readonly bookmarkManager: BookmarkManager = neo4j.bookmarkManager();

  private constructor(
    private readonly driver: Driver,
    private readonly cfg: Neo4jConfig,
  ) {}

  /** Bookmarks of every write this client has committed (for work handed to another client). */
  async bookmarks(): Promise<string[]> {
    return [...(await this.bookmarkManager.getBookmarks())];
  }

  static create(cfg: Neo4jConfig): GraphClient {
    const driver = neo4j.driver(cfg.uri, neo4j.auth.basic(cfg.user, cfg.password), {
      maxConnectionPoolSize: MAX_POOL_SIZE,
      connectionAcquisitionTimeout: ACQUISITION_TIMEOUT_MS,
      connectionTimeout: CONNECT_TIMEOUT_MS,
      maxTransactionRetryTime: MAX_RETRY_MS,
      // Integers stay lossless inside the driver; toPlain converts (and range-checks) them.
      disableLosslessIntegers: false,
      userAgent: 'plan-graph',
    });
    return new GraphClient(driver, cfg);
  }

  resetStats(): void {
    this.stats.roundTrips = 0;
  }

  read<T>(work: (tx: ReadTx) => Promise<T>): Promise<T> {
    return this.withSession('READ', (session) =>
      session.executeRead((tx) => work(this.counted(tx)), { timeout: this.cfg.timeouts.readMs }),
    );
  }

  write<T>(work: (tx: WriteTx) => Promise<T>): Promise<T> {
    return this.withSession('WRITE', (session) =>
      session.executeWrite((tx) => work(this.counted(tx)), { timeout: this.cfg.timeouts.writeMs }),
    );
  }

  /** A bulk write (a plan's load, an import, the schema): one transaction under timeouts.ingestMs. */
  ingest<T>(work: (tx: WriteTx) => Promise<T>): Promise<T> {
    return this.withSession('WRITE', (session) =>
      session.executeWrite((tx) => work(this.counted(tx)), { timeout: this.cfg.timeouts.ingestMs }),
    );
  }

  /** Runs one read query; each record, as an object keyed by column, passes the shape's decoder. */
  async readRows<T>(cypher: string, params: Record<string, unknown>, shape: RowShape<T>): Promise<T[]> {
    return decodeRecords(shape, await this.readStatement(cypher, params));
  }

  /**
   * Runs one read query and returns its records as objects keyed by column, NOT decoded: for a
   * read whose columns hold parts of different shapes (levels.ts), which decodes each part with
   * its own shape (decodeRow) instead of converting the whole answer twice.
   */
  async readColumns(cypher: string, params: Record<string, unknown>): Promise<Record<string, unknown>[]> {
    return (await this.readStatement(cypher, params)).map((r) => r.toObject());
  }

  /** One read statement, auto-commit, under timeouts.readMs, retried while the failure is transient. */
  private readStatement(cypher: string, params: Record<string, unknown>) {
    return this.withSession('READ', (session) =>
      retryTransient(async () => {
        this.stats.roundTrips += 1;
        return (await session.run(cypher, params, { timeout: this.cfg.timeouts.readMs })).records;
      }, READ_RETRY),
    );
  }

  /** Runs one write query; each record, as an object keyed by column, passes the shape's decoder. */
  async writeRows<T>(cypher: string, params: Record<string, unknown>, shape: RowShape<T>): Promise<T[]> {
    const records = await this.write(async (tx) => (await tx.run(cypher, params)).records);
    return decodeRecords(shape, records);
  }

  /**
   * Runs one query of bulk or start-up work (a load's checks, a migration, the schema) under
   * timeouts.ingestMs: the API's read and write timeouts are for requests, and a database that
   * has just started, on a busy machine, may take longer than those for its first statements.
   */
  async ingestRows<T>(cypher: string, params: Record<string, unknown>, shape: RowShape<T>): Promise<T[]> {
    const records = await this.ingest(async (tx) => (await tx.run(cypher, params)).records);
    return decodeRecords(shape, records);
  }

  /**
   * Resolves when the database answers RETURN 1. Deliberately not a managed transaction: a
   * health check must fail fast instead of retrying, so an unreachable database rejects within
   * about CONNECT_TIMEOUT_MS with AppError SERVICE_UNAVAILABLE.
   */
  async ping(): Promise<void> {
    await this.withSession('READ', async (session) => {
      this.stats.roundTrips += 1;
      await session.run('RETURN 1 AS ok', {}, { timeout: this.cfg.timeouts.readMs });
    });
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private async withSession<T>(mode: 'READ' | 'WRITE', use: (session: Session) => Promise<T>): Promise<T> {
    const causality = currentCausality();
    const session = this.driver.session({
      database: this.cfg.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.bookmarkManager,
      bookmarks: causality?.after ?? [],
    });
    try {
      const result = await use(session);
      this.stats.lastAnswerAt = Date.now();
      if (mode === 'WRITE' && causality) causality.written = session.lastBookmarks();
      return result;
    } catch (error) {
      throw mapNeo4jError(error);
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  /** Wraps a transaction so that each run() is counted as one round trip. */
  private counted(tx: ManagedTransaction): ManagedTransaction {
    const stats = this.stats;
    return new Proxy(tx, {
      get(target, prop) {
        if (prop === 'run') {
          return (...args: Parameters<ManagedTransaction['run']>) => {
            stats.roundTrips += 1;
            return target.run(...args);
          };
        }
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }
}
