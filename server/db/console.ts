/**
 * The analysts' Cypher console at the database. A query is first planned (EXPLAIN, which runs
 * nothing) and refused unless its plan is read-only (readOnlyPlan.ts); then it runs in a READ
 * transaction with a server-side timeout, its records streamed up to a row cap. A query that asks
 * for its own plan or profile (EXPLAIN, PROFILE) is planned without it and run as typed (consoleMode.ts).
 *
 * Every run is registered under its run id so it can be stopped while it runs: on
 * DELETE /api/cypher/:runId, when the client goes away, or when the server's timeout has not
 * ended it in time. Stopping terminates its transaction on the server, found by the tag in its
 * metadata (SHOW/TERMINATE TRANSACTIONS, which Community Edition has), and closes the run's session,
 * which resets its connection.
 *
 * Termination is cooperative in Neo4j: a transaction marked terminated (by its timeout or by
 * TERMINATE) ends when the query next checks, and some operators and expressions check seldom or
 * never. SHORTEST over a quantified path pattern checks once per BFS level, and the levels grow
 * exponentially (MATCH p = SHORTEST 1 (a:Entity)-[]-{1,}(b:Entity) ran 18 s past its timeout on the
 * seed); reduce() and list comprehensions over a long range never check. So a stopped run answers
 * (408 or 409) as soon as the server has taken the termination, waiting a moment for the query to
 * end, but not for as long as the query may take to notice.
 */
import { randomUUID } from 'node:crypto';
import neo4j, {
  type Driver,
  type Node,
  type Record as Neo4jRecord,
  type ResultSummary,
  type Session,
  type Transaction,
} from 'neo4j-driver';
import type { CypherResponse } from '../../contract/console.ts';
import { AppError } from '../errors.ts';
import { ResultGraph, rowsOf, summaryOf } from './consoleResult.ts';
import { type ExecutionMode, splitExecutionMode } from './consoleMode.ts';
import { cypher } from './cypher.ts';
import { describeQueryError, refusalOf, type PlanStep } from './readOnlyPlan.ts';

export interface ConsoleRunOptions {
  /** Server-side transaction timeout. */
  timeoutMs: number;
  /** Most records returned; `truncated` says when there were more. */
  rowCap: number;
  runId: string;
  /** Aborted when the client is gone: the run is stopped like a cancelled one. */
  signal?: AbortSignal;
}

/** What the console answers; `runId` is the caller's to add. */
export type ConsoleResult = Omit<CypherResponse, 'runId'>;

type Params = Record<string, unknown>;
type StopReason = 'cancelled' | 'timeout';

interface Run {
  session: Session;
  /** In the transaction's metadata, to find it among the server's transactions. */
  tag: string;
  stopped?: StopReason;
  /** Settles once the stop is confirmed (or failed to be); never rejects. */
  stopping?: Promise<void>;
  /** Why the server could not confirm the stop. */
  stopFailure?: unknown;
  /** Called once the stop has settled: the run then answers without waiting for its query. */
  halt: () => void;
}

/** The console's queries are planned as `EXPLAIN\n` + query; error positions are moved back by it. */
const EXPLAIN_PREFIX = 'EXPLAIN\n';
/**
 * The server checks timeouts every couple of seconds (db.transaction.monitor.check.interval);
 * if it has not ended a run this long after its timeout, the console stops it itself.
 */
const TIMEOUT_GRACE_MS = 2_000;
/** How long the server may take to confirm a TERMINATE; past it, the database is taken to be away. */
const TERMINATE_PATIENCE_MS = 4_000;
/** How long a stopped run waits for its query to end on the server before it answers anyway. */
const SETTLE_MS = 1_500;

const STOPPED = Symbol('stopped');

const cancelled = (cause?: unknown) =>
  new AppError(409, 'QUERY_CANCELLED', 'The query was cancelled; its transaction was terminated.', { cause });
const timedOut = (timeoutMs: number, cause?: unknown) =>
  new AppError(408, 'QUERY_TIMEOUT', `The query ran past its time limit (${timeoutMs / 1000} s) and was stopped.`, {
    cause,
  });
const refused = (why: string, cause?: unknown, outcome = 'Nothing was run.') =>
  new AppError(403, 'QUERY_REFUSED', `The console runs read-only queries only, and ${why}. ${outcome}`, { cause });

export class ConsoleQueries {
  private readonly runs = new Map<string, Run>();

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
  ) {}

  async run(query: string, params: Params, options: ConsoleRunOptions): Promise<ConsoleResult> {
    const { runId, signal, timeoutMs } = options;
    if (this.runs.has(runId)) {
      throw new AppError(409, 'RUN_ID_IN_USE', `A query with run id "${runId}" is still running; choose another id.`);
    }
    if (signal?.aborted) throw cancelled();
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    const run: Run = { session, tag: randomUUID(), halt: () => {} };
    const stopped = new Promise<typeof STOPPED>((resolve) => {
      run.halt = () => resolve(STOPPED);
    });
    this.runs.set(runId, run);
    const onAbort = () => this.beginStop(run, 'cancelled');
    signal?.addEventListener('abort', onAbort, { once: true });
    const watchdog = setTimeout(() => this.beginStop(run, 'timeout'), timeoutMs + TIMEOUT_GRACE_MS);
    const work = this.readOnly(run, query, params, options);
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    try {
      // A stopped run answers when the stop is confirmed, even if its query has not noticed yet.
      const outcome = await Promise.race([work, stopped]);
      if (outcome !== STOPPED) return outcome;
    } catch (error) {
      if (!run.stopped) throw failure(error, timeoutMs);
    } finally {
      clearTimeout(watchdog);
      signal?.removeEventListener('abort', onAbort);
      this.runs.delete(runId);
      // A stopped query may still run on the server, holding its connection until it notices.
      if (run.stopped) void settled.then(() => run.session.close()).catch(() => {});
      else await run.session.close();
    }
    await run.stopping;
    throw stopError(run, timeoutMs);
  }

  /** Stops a running query, on the server too; false when none runs under that id. */
  async cancel(runId: string): Promise<boolean> {
    const run = this.runs.get(runId);
    if (!run) return false;
    this.beginStop(run, 'cancelled');
    await run.stopping;
    if (run.stopFailure) throw run.stopFailure;
    return true;
  }

  /** Plans the query, refuses it unless read-only, then runs it as typed; nothing is committed. */
  private async readOnly(run: Run, query: string, params: Params, options: ConsoleRunOptions): Promise<ConsoleResult> {
    const tx = run.session.beginTransaction({
      timeout: options.timeoutMs,
      metadata: { app: 'faction-atlas', type: 'console', runId: options.runId, consoleRun: run.tag },
    });
    const { mode, planned } = splitExecutionMode(query);
    await this.refuseUnlessReadOnly(tx, planned, params);
    const result = await this.readCapped(tx, query, params, options.rowCap, mode);
    await tx.rollback(); // nothing to commit: the transaction only read
    return result;
  }

  private async refuseUnlessReadOnly(tx: Transaction, planned: string, params: Params): Promise<void> {
    let summary: ResultSummary;
    try {
      summary = await tx.run(EXPLAIN_PREFIX + planned, params).summary();
    } catch (error) {
      throw planFailure(error);
    }
    const refusal = refusalOf(summary.queryType, summary.plan as PlanStep | false, this.database);
    if (refusal) throw refused(`this one ${refusal}`);
  }

  private async readCapped(
    tx: Transaction,
    query: string,
    params: Params,
    rowCap: number,
    mode: ExecutionMode | null,
  ): Promise<ConsoleResult> {
    const result = tx.run(query, params);
    const columns = (await result.keys()) as string[];
    const records: Neo4jRecord[] = [];
    let truncated = false;
    for await (const record of result) {
      if (records.length === rowCap) {
        // Leaving the loop discards the rest on the server; the summary is still reported.
        truncated = true;
        break;
      }
      records.push(record);
    }
    const summary = await result.summary();

    const graph = new ResultGraph();
    for (const record of records) {
      for (const value of record.values()) graph.gather(value);
    }
    const missing = graph.missingEndpoints();
    if (missing.length) {
      const ends = await tx.run(cypher('nodesByElementId'), { elementIds: missing });
      graph.addNodes(ends.records.map((r) => r.get('node') as Node));
    }
    const rows = rowsOf(records, columns, graph);
    return { columns, rows, truncated, graph: graph.toJson(), summary: summaryOf(summary, mode) };
  }

  /**
   * Starts stopping a run, once; `run.stopping` settles when the server has taken the stop, and never
   * rejects: a failure to confirm is kept in `run.stopFailure` for whoever reports the stop.
   */
  private beginStop(run: Run, why: StopReason): void {
    if (run.stopping) return;
    run.stopped = why;
    run.stopping = this.terminate(run)
      .then(
        () => undefined,
        (error: unknown) => {
          run.stopFailure = error;
        },
      )
      .finally(run.halt);
  }

  /**
   * Terminates the run's transaction from another session and closes the run's own session, which
   * resets its connection; then waits a moment (SETTLE_MS) for the query to end on the server.
   */
  private async terminate(run: Run): Promise<void> {
    const closed = run.session.close().then(
      () => true,
      () => true,
    );
    const session = this.driver.session({ database: this.database });
    const terminating = session.run(cypher('terminateConsoleRun'), { tag: run.tag });
    try {
      const confirmed = await Promise.race([terminating.then(() => true), delay(TERMINATE_PATIENCE_MS, false)]);
      if (!confirmed) throw new StopUnconfirmed();
    } finally {
      void terminating.then(
        () => session.close(),
        () => session.close(),
      );
    }
    await Promise.race([closed, delay(SETTLE_MS, false)]);
  }
}

class StopUnconfirmed extends Error {
  constructor() {
    super(`The database did not confirm the stop within ${TERMINATE_PATIENCE_MS / 1000} s.`);
  }
}

const delay = <T>(ms: number, value: T) =>
  new Promise<T>((resolve) => {
    setTimeout(resolve, ms, value).unref();
  });

/** What a stopped run answers: 409 cancelled or 408 timed out, or 503 when the database could not be told. */
function stopError(run: Run, timeoutMs: number): AppError {
  const failure = run.stopFailure;
  const unreachable =
    failure instanceof StopUnconfirmed ||
    (isNeo4jError(failure) && (failure.code === 'N/A' || /ServiceUnavailable|SessionExpired/.test(failure.code)));
  if (unreachable) {
    return new AppError(503, 'DATABASE_UNAVAILABLE', 'The database is not answering; try again shortly.', {
      cause: failure,
    });
  }
  return run.stopped === 'cancelled' ? cancelled(failure) : timedOut(timeoutMs, failure);
}

function isNeo4jError(error: unknown): error is InstanceType<typeof neo4j.Neo4jError> {
  return error instanceof neo4j.Neo4jError;
}

/** The database refused to plan the query: a syntax error, an unknown procedure, a command it won't run. */
function planFailure(error: unknown): unknown {
  if (!isNeo4jError(error) || !error.code.startsWith('Neo.ClientError.')) return error;
  const { message, position } = describeQueryError(error.message, { lines: 1, length: EXPLAIN_PREFIX.length });
  if (error.code === 'Neo.ClientError.Statement.SyntaxError') {
    return new AppError(400, 'SYNTAX_ERROR', message, { position, cause: error });
  }
  if (error.code === 'Neo.ClientError.Statement.UnsupportedAdministrationCommand') {
    return refused(`this is an administration command (${message})`, error);
  }
  if (/Timed?Out/.test(error.code)) return error;
  return new AppError(400, 'QUERY_INVALID', message, { position, cause: error });
}

/** The query failed while it ran. */
function failure(error: unknown, timeoutMs: number): unknown {
  if (error instanceof AppError || !isNeo4jError(error)) return error;
  if (/TransactionTimedOut/.test(error.code)) return timedOut(timeoutMs);
  if (error.code === 'Neo.ClientError.Transaction.Terminated') return cancelled();
  if (error.code === 'Neo.ClientError.Statement.AccessMode') {
    // The plan check let a write through; the READ transaction stopped it.
    return refused('the database refused a write in this one', error, 'Nothing was written.');
  }
  if (error.code.startsWith('Neo.ClientError.Statement.') || error.code.startsWith('Neo.ClientError.Procedure.')) {
    const { message, position } = describeQueryError(error.message);
    return new AppError(400, 'QUERY_FAILED', message, { position, cause: error });
  }
  return error;
}
