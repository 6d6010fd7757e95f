/**
 * The analysts' Cypher console at the database. A query is first planned (EXPLAIN, which runs
 * nothing) and refused unless its plan is read-only (readOnlyPlan.ts); then it runs in a READ
 * transaction with a server-side timeout, its records streamed up to a row cap.
 *
 * Every run is registered under its run id so it can be stopped while it runs: on
 * DELETE /api/cypher/:runId, when the client goes away, or when the server's timeout has not
 * fired in time. Stopping closes the run's session, which resets its connection and makes the
 * server terminate the transaction at once; then, to be sure, the transaction is looked up by the
 * tag in its metadata and terminated from another session (SHOW/TERMINATE TRANSACTIONS, which
 * Community Edition has).
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
  stopping?: Promise<void>;
  /** Why the server could not confirm the stop (it was unreachable, which also ends the transaction). */
  stopFailure?: unknown;
}

/** The console's queries are planned as `EXPLAIN\n` + query; error positions are moved back by it. */
const EXPLAIN_PREFIX = 'EXPLAIN\n';
/**
 * The server checks timeouts every couple of seconds (db.transaction.monitor.check.interval);
 * if it has not ended a run this long after its timeout, the console stops it itself.
 */
const TIMEOUT_GRACE_MS = 3_000;

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
    const run: Run = { session, tag: randomUUID() };
    this.runs.set(runId, run);
    const onAbort = () => this.beginStop(run, 'cancelled');
    signal?.addEventListener('abort', onAbort, { once: true });
    const watchdog = setTimeout(() => this.beginStop(run, 'timeout'), timeoutMs + TIMEOUT_GRACE_MS);
    try {
      const tx = run.session.beginTransaction({
        timeout: timeoutMs,
        metadata: { app: 'faction-atlas', type: 'console', runId, consoleRun: run.tag },
      });
      await this.refuseUnlessReadOnly(tx, query, params);
      const result = await this.readCapped(tx, query, params, options.rowCap);
      await tx.rollback(); // nothing to commit: the transaction only read
      return result;
    } catch (error) {
      await run.stopping;
      if (run.stopped === 'cancelled') throw cancelled(run.stopFailure);
      if (run.stopped === 'timeout') throw timedOut(timeoutMs, run.stopFailure);
      throw failure(error, timeoutMs);
    } finally {
      clearTimeout(watchdog);
      signal?.removeEventListener('abort', onAbort);
      this.runs.delete(runId);
      await run.session.close();
    }
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

  private async refuseUnlessReadOnly(tx: Transaction, query: string, params: Params): Promise<void> {
    let summary: ResultSummary;
    try {
      summary = await tx.run(EXPLAIN_PREFIX + query, params).summary();
    } catch (error) {
      throw planFailure(error);
    }
    const refusal = refusalOf(summary.queryType, summary.plan as PlanStep | false, this.database);
    if (refusal) throw refused(`this one ${refusal}`);
  }

  private async readCapped(tx: Transaction, query: string, params: Params, rowCap: number): Promise<ConsoleResult> {
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
    return { columns, rows, truncated, graph: graph.toJson(), summary: summaryOf(summary) };
  }

  /**
   * Starts stopping a run, once; `run.stopping` settles when the server has confirmed, and never
   * rejects: a failure to confirm is kept in `run.stopFailure` for whoever reports the stop.
   */
  private beginStop(run: Run, why: StopReason): void {
    if (run.stopping) return;
    run.stopped = why;
    run.stopping = this.terminate(run).then(
      () => undefined,
      (error: unknown) => {
        run.stopFailure = error;
      },
    );
  }

  private async terminate(run: Run): Promise<void> {
    await run.session.close();
    const session = this.driver.session({ database: this.database });
    try {
      await session.run(cypher('terminateConsoleRun'), { tag: run.tag });
    } finally {
      await session.close();
    }
  }
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
