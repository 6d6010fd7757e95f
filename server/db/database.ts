/**
 * The one module that owns the neo4j-driver: the driver, sessions, read and write transactions,
 * timeouts and transaction metadata, and the translation of driver failures into the app's errors.
 * Nothing else imports neo4j-driver's runtime (values.ts maps its types to JSON).
 *
 * Reads go through read transactions so a cluster (neo4j:// URIs) can route them to followers.
 */
import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type RecordShape } from 'neo4j-driver';
import { AppError } from '../errors.ts';
import { Availability } from './availability.ts';
import { CommitGate } from './commitGate.ts';
import { ConsoleQueries, type ConsoleResult, type ConsoleRunOptions } from './console.ts';
import { cypher, statements, type QueryName } from './cypher.ts';
import { Liveness } from './liveness.ts';
import { currentUser } from './transactionUser.ts';
import { toJson } from './values.ts';

export interface DatabaseOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** Server-side transaction timeout for every query, in milliseconds. */
  queryTimeoutMs: number;
  /** Probe the database every second and fail requests fast while it does not answer (default true). */
  liveness?: boolean;
}

export type Params = Record<string, unknown>;

/**
 * Who a transaction runs for: the actor's username goes into its metadata (`user`, beside `app` and
 * `type`), so the database's own `SHOW TRANSACTIONS` tells who runs what. Unset, the user of the
 * request being handled (transactionUser.ts); none for the app's own work (seed, purge, schema).
 */
export interface RunFor {
  timeoutMs?: number;
  user?: string;
}

/** A transaction in which named queries run; what services get inside `write`/`read`. */
export interface Tx {
  run<R extends RecordShape = RecordShape>(name: QueryName, params?: Params): Promise<QueryResult<R>>;
}

const APP_METADATA = { app: 'faction-atlas' };

// Fail fast when the database is away: a request gets its 503 in seconds, not minutes, and the driver
// reconnects on its own once the database is back (tests/integration/databaseOutage.test.ts). A frozen
// database is noticed by the liveness probe (liveness.ts), which fails the requests waiting on it.
const CONNECTION_TIMEOUT_MS = 2_000;
const ACQUISITION_TIMEOUT_MS = 4_000;
const RETRY_TIME_MS = 2_000;
/**
 * A database that stops answering without closing its sockets (frozen, or cut off by the network)
 * would hold a request on a pooled connection until the server's receive-timeout hint (120 s on
 * 5.26). A transaction still unsettled this long after its own timeout is given up on with a 503;
 * the driver drops the dead connection by itself later.
 */
const DEADLINE_MARGIN_MS = ACQUISITION_TIMEOUT_MS + RETRY_TIME_MS + 3_000;

export class Database {
  readonly uri: string;
  readonly name: string;
  /** Whether the database answers; requests fail fast with 503 while it does not (availability.ts). */
  readonly availability = new Availability();
  /** The probe that keeps `availability` true; absent until started (at once unless the options say not). */
  private liveness: Liveness | undefined;
  private readonly options: DatabaseOptions;
  private readonly driver: Driver;
  private readonly timeoutMs: number;
  private readonly console: ConsoleQueries;
  /** Read transactions against import commits (commitGate.ts). */
  private readonly commits = new CommitGate();

  constructor(options: DatabaseOptions) {
    this.uri = options.uri;
    this.name = options.database;
    this.timeoutMs = options.queryTimeoutMs;
    this.driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      connectionAcquisitionTimeout: ACQUISITION_TIMEOUT_MS,
      maxTransactionRetryTime: RETRY_TIME_MS,
      disableLosslessIntegers: false,
      userAgent: 'faction-atlas',
    });
    this.console = new ConsoleQueries(this.driver, this.name);
    this.options = options;
    if (options.liveness !== false) this.startLiveness();
  }

  /** Starts the liveness probe (once; the supervisor starts it when the local server is up). */
  startLiveness(): Liveness {
    this.liveness ??= new Liveness(this.options, this.availability);
    this.liveness.start();
    return this.liveness;
  }

  /** Run named queries in one read transaction; it never sees an import of this process half committed. */
  read<T>(purpose: string, work: (tx: Tx) => Promise<T>, options: RunFor = {}): Promise<T> {
    return this.commits.read(() => this.transaction('read', purpose, work, options));
  }

  /**
   * Run named queries in one write transaction: all of them commit, or none. With `wholeForReaders`
   * (imports), its commit waits for the reads in flight and holds new ones until it is done
   * (commitGate.ts), so no reader sees part of it.
   */
  async write<T>(
    purpose: string,
    work: (tx: Tx) => Promise<T>,
    options: RunFor & { wholeForReaders?: boolean } = {},
  ): Promise<T> {
    if (!options.wholeForReaders) return this.transaction('write', purpose, work, options);
    let release: (() => void) | undefined;
    let answered = false;
    const gated = async (tx: Tx) => {
      const result = await work(tx);
      // Last in the transaction function, so the commit follows; kept across the driver's retries.
      if (!release) {
        release = await this.commits.publishing();
        // Answered already (the database went away meanwhile): don't hold readers for a lost commit.
        if (answered) release();
      }
      return result;
    };
    try {
      return await this.transaction('write', purpose, gated, options);
    } finally {
      answered = true;
      release?.();
    }
  }

  /**
   * An analyst's own Cypher (the console): planned first and refused unless read-only, then run in
   * a READ transaction under a timeout and a row cap, cancellable by run id (db/console.ts).
   */
  async runConsoleQuery(query: string, params: Params, options: ConsoleRunOptions): Promise<ConsoleResult> {
    const deadlineMs = options.timeoutMs + DEADLINE_MARGIN_MS;
    try {
      return await this.commits.read(() =>
        this.availability.guard(() => withDeadline(this.console.run(query, params, options), deadlineMs), {
          // The probe does not cut a console run short: its deadline bounds it. A query filling the heap
          // stalls the whole server until its own OutOfMemoryError (422) arrives, measured at about 7 s
          // alone on the tests' 512 MB heap and longer on a busy machine: the fixed 4 s grace this
          // replaces answered 503 for the run's own stall (CI, stop 18).
          graceMs: deadlineMs,
        }),
      );
    } catch (error) {
      throw translate(error);
    }
  }

  /**
   * Stops a console query and its transaction on the server; false when none runs under that id or
   * it is not `analyst`'s.
   */
  async cancelConsoleQuery(runId: string, analyst?: string): Promise<boolean> {
    try {
      return await this.console.cancel(runId, analyst);
    } catch (error) {
      throw translate(error);
    }
  }

  /** Apply cypher/schema.cypher; every statement is idempotent (IF NOT EXISTS). */
  async applySchema(): Promise<void> {
    const session = this.driver.session({ database: this.name });
    try {
      for (const statement of statements('schema')) await session.run(statement);
      await session.run('CALL db.awaitIndexes(60)');
    } catch (error) {
      throw translate(error);
    } finally {
      await session.close();
    }
  }

  /**
   * Raw Cypher in a write transaction, rows as JSON. For tests and maintenance scripts only: the app's
   * own queries are named files run through `read`/`write`.
   */
  async runAdmin(query: string, params: Params = {}): Promise<Record<string, unknown>[]> {
    const session = this.driver.session({ database: this.name });
    try {
      const result = await session.executeWrite((tx) => tx.run(query, params));
      return result.records.map((r) => toJson(r.toObject()) as Record<string, unknown>);
    } catch (error) {
      throw translate(error);
    } finally {
      await session.close();
    }
  }

  async verifyConnectivity(): Promise<void> {
    try {
      await this.driver.verifyConnectivity({ database: this.name });
    } catch (error) {
      throw translate(error);
    }
  }

  async close(): Promise<void> {
    await this.liveness?.stop();
    await this.driver.close();
  }

  private async transaction<T>(
    mode: 'read' | 'write',
    purpose: string,
    work: (tx: Tx) => Promise<T>,
    { timeoutMs = this.timeoutMs, user = currentUser() }: RunFor,
  ): Promise<T> {
    const metadata = user === undefined ? { ...APP_METADATA, type: purpose } : { ...APP_METADATA, type: purpose, user };
    const config = { timeout: timeoutMs, metadata };
    const body = (tx: ManagedTransaction) => work({ run: (name, params = {}) => tx.run(cypher(name), params) });
    try {
      return await this.availability.guard(() => {
        const session = this.driver.session({
          database: this.name,
          defaultAccessMode: mode === 'read' ? neo4j.session.READ : neo4j.session.WRITE,
        });
        const running = (
          mode === 'read' ? session.executeRead(body, config) : session.executeWrite(body, config)
        ).finally(() => session.close());
        return withDeadline(running, timeoutMs + DEADLINE_MARGIN_MS);
      });
    } catch (error) {
      throw translate(error);
    }
  }
}

/** `work`, or a 503 once `ms` have passed without it settling (it is left to settle on its own). */
function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new AppError(
            503,
            'DATABASE_UNAVAILABLE',
            `The database did not answer within ${Math.round(ms / 1000)} s; try again shortly.`,
          ),
        ),
      ms,
    );
    timer.unref();
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** Integers for Cypher parameters such as LIMIT, which must be integers, not floats. */
export const int = (n: number) => neo4j.int(n);

/**
 * A value as it is to be stored: every integer-valued JS number in it, also inside lists and maps, as
 * a Neo4j INTEGER. The driver sends every JS number as a FLOAT, so without this an import's `number: 7`
 * would be stored as 7.0 (valueType FLOAT, toString "7.0"). Numbers with a fraction stay FLOATs, and so
 * do integers beyond 2^53, which JSON cannot carry exactly anyway. Returns a copy; `value` is untouched.
 */
export function withIntegers(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(withIntegers);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withIntegers(v)]));
  }
  return value;
}

/**
 * What driver 6 reports when the database is away. A refused or unreachable server, and a connection
 * lost mid-query, are ServiceUnavailable / SessionExpired (after the driver's own retries); the
 * server itself says DatabaseUnavailable while a database starts or stops.
 */
const UNAVAILABLE_CODES = new Set<string>([
  neo4j.error.SERVICE_UNAVAILABLE,
  neo4j.error.SESSION_EXPIRED,
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

/** Errors the driver raises itself carry no server code ('N/A'); these mean no connection could be had. */
const NO_CONNECTION = /connection acquisition timed out|failed to connect|ECONNREFUSED|ECONNRESET|pool is closed/i;

/** Neo4j 5's codes for a transaction stopped by a memory limit (MemoryPoolOutOfMemoryError, OutOfMemoryError...). */
const MEMORY_LIMIT = /OutOfMemory|MemoryLimit|MemoryPool/;

/** Driver failures as the app's errors: the database away is a 503, a timeout a 408; others stay as they are. */
export function translate(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof neo4j.Neo4jError) {
    if (UNAVAILABLE_CODES.has(error.code) || (error.code === 'N/A' && NO_CONNECTION.test(error.message))) {
      return new AppError(503, 'DATABASE_UNAVAILABLE', 'The database is not answering; try again shortly.', {
        cause: error,
      });
    }
    if (
      error.code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration' ||
      error.code === 'Neo.ClientError.Transaction.TransactionTimedOut'
    ) {
      return new AppError(408, 'QUERY_TIMEOUT', 'The query ran past its time limit and was stopped.', { cause: error });
    }
    if (error.code === 'Neo.ClientError.Security.Unauthorized') {
      return new AppError(503, 'DATABASE_AUTH', 'The database refused the configured credentials.', { cause: error });
    }
    // Two writers racing for the same id (two imports at once): the later one loses, whole.
    if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return new AppError(409, 'CONFLICT', `Nothing written: ${error.message}`, { cause: error });
    }
    // The database's memory guard stopped one transaction (dbms.memory.transaction.total.max and
    // friends, or the heap itself): the request asked too much; the database is fine.
    if (MEMORY_LIMIT.test(error.code)) {
      return new AppError(
        422,
        'QUERY_MEMORY_LIMIT',
        'The query needed more memory than one query may use, and was stopped. Narrow it: match fewer rows, LIMIT them, or collect less.',
        { cause: error },
      );
    }
  }
  return error;
}
