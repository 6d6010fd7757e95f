/**
 * The analysts' Cypher console at the database. A query is first planned (EXPLAIN, which runs
 * nothing) and refused unless its plan is read-only (readOnlyPlan.ts); then it runs in a READ
 * transaction with a server-side timeout, its records streamed up to a row cap. A query that asks
 * for its own plan or profile (EXPLAIN, PROFILE) is planned without it and run as typed (consoleMode.ts).
 * Before any of it, the run must be admitted (consoleAdmission.ts): a cap on console queries at once,
 * for all analysts and for one, and none for an analyst whose stopped query still runs.
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
 * end, but not for as long as the query may take to notice. A query still running then keeps its
 * place in the admission, watched on the server until it is gone (lingering.ts).
 */
import { terminateElsewhere } from './consoleElsewhere.ts';
import { randomUUID } from 'node:crypto';
import neo4j, { type Driver, type Session } from 'neo4j-driver';
import type { CypherResponse } from '../../contract/console.ts';
import { AppError } from '../errors.ts';
import { type AdmissionLimits, ConsoleAdmission, DEFAULT_ADMISSION_LIMITS, type Ticket } from './consoleAdmission.ts';
import {
  cancelled,
  isHeapOutOfMemory,
  isUnreachable,
  runFailure,
  type StopReason,
  timedOut,
  unavailable,
} from './consoleErrors.ts';
import { splitExecutionMode } from './consoleMode.ts';
import { readCapped, refuseUnlessReadOnly } from './consoleRead.ts';
import { cypher } from './cypher.ts';
import { LingeringRuns } from './lingering.ts';

export interface ConsoleRunOptions {
  /** Server-side transaction timeout. */
  timeoutMs: number;
  /** Most records returned; `truncated` says when there were more. */
  rowCap: number;
  runId: string;
  /** Aborted when the client is gone: the run is stopped like a cancelled one. */
  signal?: AbortSignal;
  /**
   * Who runs it, for the caps per analyst and for who may cancel it: the signed-in user, or the
   * client's address when the server runs without sign-in. Runs without one share the key "unknown".
   */
  analyst?: string;
  /** The user, written into the transaction's metadata so SHOW TRANSACTIONS tells who runs what. */
  user?: string;
  /**
   * Refuse plans that could reach the team's workspace (workspaceReach.ts): on when several users
   * share the server (AUTH=on).
   */
  networkOnly?: boolean;
  /** Console queries at once, for all and for one analyst (default DEFAULT_ADMISSION_LIMITS). */
  admission?: AdmissionLimits;
}

/** What the console answers; `runId` is the caller's to add. */
export type ConsoleResult = Omit<CypherResponse, 'runId'>;

type Params = Record<string, unknown>;

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
  /** The run's session closing; it settles once the query is over on the server. Never rejects. */
  closing?: Promise<void>;
  /** The session closed cleanly: the query is over on the server. */
  ended: boolean;
}

/**
 * The server checks timeouts every couple of seconds (db.transaction.monitor.check.interval);
 * if it has not ended a run this long after its timeout, the console stops it itself.
 */
const TIMEOUT_GRACE_MS = 2_000;
/**
 * How long the server may take to confirm a TERMINATE before the run answers anyway; the watch of
 * lingering runs terminates it again if the mark never arrived.
 */
const TERMINATE_PATIENCE_MS = 4_000;
/** How long a stopped run waits for its query to end on the server before it answers anyway. */
const SETTLE_MS = 1_500;

const STOPPED = Symbol('stopped');

/**
 * Runs are kept by analyst and run id: run ids are the client's to choose, and one analyst's id must
 * neither block another's run nor tell them it exists.
 */
const runKey = (analyst: string, runId: string) => `${analyst}\u0000${runId}`;

export class ConsoleQueries {
  private readonly runs = new Map<string, Run>();
  private readonly lingering: LingeringRuns;
  private readonly admission: ConsoleAdmission;

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
  ) {
    this.lingering = new LingeringRuns(driver, database);
    this.admission = new ConsoleAdmission(this.lingering, TIMEOUT_GRACE_MS + TERMINATE_PATIENCE_MS + SETTLE_MS);
  }

  /**
   * Runs an analyst's query if admitted (else 429, consoleAdmission.ts) and read-only (else 403).
   * Answers its rows, or throws: 400 for a query the database rejects, 408 past its time, 409
   * cancelled (also when `signal` aborts), 422 past a memory limit, 503 when the database is away.
   */
  async run(query: string, params: Params, options: ConsoleRunOptions): Promise<ConsoleResult> {
    const { runId, signal, timeoutMs } = options;
    const key = runKey(options.analyst ?? 'unknown', runId);
    this.refuseRunIdInUse(key, runId);
    if (signal?.aborted) throw cancelled();
    const analyst = options.analyst ?? 'unknown';
    const ticket = await this.admission.admit(analyst, options.admission ?? DEFAULT_ADMISSION_LIMITS, timeoutMs);
    if (this.runs.has(key) || signal?.aborted) {
      ticket.release(); // another request took the id, or the client left, while admission checked the server
      this.refuseRunIdInUse(key, runId);
      throw cancelled();
    }
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    const run: Run = { session, tag: randomUUID(), halt: () => {}, ended: false };
    const stopped = new Promise<typeof STOPPED>((resolve) => {
      run.halt = () => resolve(STOPPED);
    });
    this.runs.set(key, run);
    const onAbort = () => this.beginStop(run, 'cancelled');
    signal?.addEventListener('abort', onAbort, { once: true });
    const watchdog = setTimeout(() => this.beginStop(run, 'timeout'), timeoutMs + TIMEOUT_GRACE_MS);
    const work = this.readOnly(run, query, params, options);
    work.catch(() => {}); // a stopped run answers without it; its late failure is nobody's to handle
    try {
      // A stopped run answers when the stop is confirmed, even if its query has not noticed yet.
      const outcome = await Promise.race([work, stopped]);
      if (outcome !== STOPPED) return outcome;
    } catch (error) {
      if (isHeapOutOfMemory(error)) ticket.ranOutOfHeap();
      if (!run.stopped) throw runFailure(error, timeoutMs);
    } finally {
      clearTimeout(watchdog);
      signal?.removeEventListener('abort', onAbort);
      this.runs.delete(key);
      if (!run.stopped) {
        await closeSession(run);
        ticket.release();
      }
    }
    await run.stopping;
    this.keepPlaceWhileItRuns(run, ticket, timeoutMs);
    throw stopError(run, timeoutMs);
  }

  /**
   * Stops a running query, on the server too, whichever API process started it; false when none runs
   * under that id, or it is another analyst's (`analyst` given): their run ids are not ours to learn of.
   */
  async cancel(runId: string, analyst?: string): Promise<boolean> {
    const run =
      analyst !== undefined
        ? this.runs.get(runKey(analyst, runId))
        : [...this.runs.entries()].find(([key]) => key.endsWith(`\u0000${runId}`))?.[1];
    // Not started here: maybe through another API process, which shares only the database.
    if (!run) return terminateElsewhere(this.driver, this.database, runId, analyst);
    this.beginStop(run, 'cancelled');
    await run.stopping;
    if (run.stopFailure && isUnreachable(run.stopFailure)) throw unavailable(run.stopFailure);
    return true;
  }

  /** Console queries holding a place now: running, or stopped but still running in the database. */
  runningCounts(analyst?: string): { running: number; lingering: number } {
    return this.admission.counts(analyst);
  }

  /** Stops watching lingering runs (the app is stopping). */
  close(): void {
    this.lingering.stop();
  }

  private refuseRunIdInUse(key: string, runId: string): void {
    if (this.runs.has(key)) {
      throw new AppError(409, 'RUN_ID_IN_USE', `A query with run id "${runId}" is still running; choose another id.`);
    }
  }

  /**
   * A stopped run whose query has ended frees its place now; one still running in the database keeps
   * it, watched until the server no longer lists it (or its session closes, which says the same).
   */
  private keepPlaceWhileItRuns(run: Run, ticket: Ticket, timeoutMs: number): void {
    if (run.ended) {
      ticket.release();
      return;
    }
    ticket.linger(run.tag, run.stopped ?? 'cancelled', timeoutMs);
    void closeSession(run).then(() => this.lingering.refresh());
  }

  /** Plans the query, refuses it unless read-only, then runs it as typed; nothing is committed. */
  private async readOnly(run: Run, query: string, params: Params, options: ConsoleRunOptions): Promise<ConsoleResult> {
    const tx = run.session.beginTransaction({
      timeout: options.timeoutMs,
      metadata: {
        app: 'faction-atlas',
        type: 'console',
        runId: options.runId,
        consoleRun: run.tag,
        ...(options.user === undefined ? {} : { user: options.user }),
      },
    });
    const { mode, planned } = splitExecutionMode(query);
    await refuseUnlessReadOnly(tx, planned, params, this.database, options.networkOnly ?? false);
    const result = await readCapped(tx, query, params, options.rowCap, mode);
    await tx.rollback(); // nothing to commit: the transaction only read
    return result;
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
    const closed = closeSession(run);
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

/** Closes the run's session once; `run.ended` tells whether it closed cleanly (the query is over). */
function closeSession(run: Run): Promise<void> {
  run.closing ??= run.session.close().then(
    () => {
      run.ended = true;
    },
    () => {}, // a broken connection: whether the query still runs, only the server can say (lingering.ts)
  );
  return run.closing;
}

/** The server was slow to confirm a TERMINATE: the run answers anyway, and the watch terminates again. */
class StopUnconfirmed extends Error {
  constructor() {
    super(`The database did not confirm the stop within ${TERMINATE_PATIENCE_MS / 1000} s.`);
  }
}

const delay = <T>(ms: number, value: T) =>
  new Promise<T>((resolve) => {
    setTimeout(resolve, ms, value).unref();
  });

/**
 * What a stopped run answers: 409 cancelled or 408 timed out, also when the database was slow to
 * confirm; 503 only when the database could not be reached at all.
 */
function stopError(run: Run, timeoutMs: number): AppError {
  const failure = run.stopFailure;
  if (isUnreachable(failure)) return unavailable(failure);
  return run.stopped === 'cancelled' ? cancelled(failure) : timedOut(timeoutMs, failure);
}
