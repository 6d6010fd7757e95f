/**
 * The one module that owns the neo4j-driver: the driver, sessions, read and write transactions,
 * timeouts and transaction metadata, and the translation of driver failures into the app's errors.
 * Nothing else imports neo4j-driver's runtime (values.ts maps its types to JSON).
 *
 * Reads go through read transactions so a cluster (neo4j:// URIs) can route them to followers.
 */
import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type RecordShape } from 'neo4j-driver';
import { AppError } from '../errors.ts';
import { cypher, statements, type QueryName } from './cypher.ts';
import { toJson } from './values.ts';

export interface DatabaseOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** Server-side transaction timeout for every query, in milliseconds. */
  queryTimeoutMs: number;
}

export type Params = Record<string, unknown>;

/** A transaction in which named queries run; what services get inside `write`/`read`. */
export interface Tx {
  run<R extends RecordShape = RecordShape>(name: QueryName, params?: Params): Promise<QueryResult<R>>;
}

const APP_METADATA = { app: 'faction-atlas' };

export class Database {
  readonly uri: string;
  readonly name: string;
  private readonly driver: Driver;
  private readonly timeoutMs: number;

  constructor(options: DatabaseOptions) {
    this.uri = options.uri;
    this.name = options.database;
    this.timeoutMs = options.queryTimeoutMs;
    this.driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      // Fail fast when the database is away: a request gets its 503 in seconds, not minutes,
      // and the driver reconnects on its own once the database is back.
      connectionTimeout: 3_000,
      connectionAcquisitionTimeout: 5_000,
      maxTransactionRetryTime: 2_000,
      disableLosslessIntegers: false,
      userAgent: 'faction-atlas',
    });
  }

  /** Run named queries in one read transaction. */
  read<T>(purpose: string, work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction('read', purpose, work);
  }

  /** Run named queries in one write transaction: all of them commit, or none. */
  write<T>(purpose: string, work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction('write', purpose, work);
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

  close(): Promise<void> {
    return this.driver.close();
  }

  private async transaction<T>(mode: 'read' | 'write', purpose: string, work: (tx: Tx) => Promise<T>): Promise<T> {
    const session = this.driver.session({
      database: this.name,
      defaultAccessMode: mode === 'read' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const config = { timeout: this.timeoutMs, metadata: { ...APP_METADATA, type: purpose } };
    const body = (tx: ManagedTransaction) =>
      work({ run: (name, params = {}) => tx.run(cypher(name), params) });
    try {
      return mode === 'read' ? await session.executeRead(body, config) : await session.executeWrite(body, config);
    } catch (error) {
      throw translate(error);
    } finally {
      await session.close();
    }
  }
}

/** Integers for Cypher parameters such as LIMIT, which must be integers, not floats. */
export const int = (n: number) => neo4j.int(n);

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

/** Driver failures as the app's errors: the database away is a 503, a timeout a 408; others stay as they are. */
export function translate(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof neo4j.Neo4jError) {
    if (UNAVAILABLE_CODES.has(error.code) || /connect|ECONNREFUSED|acquisition/i.test(error.message) && error.code === 'N/A') {
      return new AppError(503, 'DATABASE_UNAVAILABLE', 'The database is not answering; try again shortly.', { cause: error });
    }
    if (error.code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration' ||
        error.code === 'Neo.ClientError.Transaction.TransactionTimedOut') {
      return new AppError(408, 'QUERY_TIMEOUT', 'The query ran past its time limit and was stopped.', { cause: error });
    }
    if (error.code === 'Neo.ClientError.Security.Unauthorized') {
      return new AppError(503, 'DATABASE_AUTH', 'The database refused the configured credentials.', { cause: error });
    }
  }
  return error;
}
