/**
 * The Cypher console as a capability: an analyst's own query run under the configured limits, and
 * the cancellation of one that is running. Whether a query may run at all (read-only) is decided at
 * the database, from the plan it makes (db/console.ts, db/readOnlyPlan.ts); whether it may start now,
 * by the caps on console queries at once (db/consoleAdmission.ts).
 */
import { randomUUID } from 'node:crypto';
import type { CypherRequest, CypherResponse } from '../../contract/console.ts';
import { DEFAULT_ADMISSION_LIMITS } from '../db/consoleAdmission.ts';
import { type Database, withIntegers } from '../db/database.ts';
import { notFound } from '../errors.ts';

export interface ConsoleLimits {
  /** Server-side transaction timeout of a console query (NEO4J_CONSOLE_TIMEOUT_MS). */
  timeoutMs: number;
  /** Most rows a console query returns (CONSOLE_ROW_CAP). */
  rowCap: number;
  /**
   * Console queries running at once for all analysts together, stopped ones still running in the
   * database included (CONSOLE_MAX_RUNNING; default 4); more are refused with 429.
   */
  maxRunning?: number;
  /** The same for one analyst (CONSOLE_MAX_RUNNING_PER_CLIENT; default 2). */
  maxRunningPerAnalyst?: number;
  /**
   * After a console query ran the database's heap out or kept running after it was stopped, the
   * console takes no query for this many times as long as it ran, at most a minute (default 4; 0: no
   * pause). See db/consoleAdmission.ts.
   */
  recoveryFactor?: number;
}

export const DEFAULT_CONSOLE_LIMITS: ConsoleLimits = {
  timeoutMs: 10_000,
  rowCap: 5_000,
  maxRunning: DEFAULT_ADMISSION_LIMITS.maxRunning,
  maxRunningPerAnalyst: DEFAULT_ADMISSION_LIMITS.maxRunningPerAnalyst,
  recoveryFactor: DEFAULT_ADMISSION_LIMITS.recoveryFactor,
};

/** Who runs a console query and how it can be stopped, besides DELETE /api/cypher/:runId. */
export interface RunContext {
  /**
   * Whose query it is, for the caps per analyst and for who may cancel it: the signed-in user's
   * name, or the client's address when the server runs without sign-in.
   */
  analyst: string;
  /** The user, for the transaction's metadata (SHOW TRANSACTIONS tells who runs what). */
  user: string;
  /** Keep the query off the team's workspace (db/workspaceReach.ts): on when users share the server. */
  networkOnly: boolean;
  /** Aborted when the client is gone: the query is stopped like a cancelled one. */
  signal?: AbortSignal;
}

/**
 * Runs an analyst's query. Throws AppErrors: 400 (syntax, parameters), 403 (not read-only), 408 (past
 * its time), 409 (cancelled, run id in use), 422 (memory limit), 429 (console busy or pausing, or the
 * analyst's stopped query still running in the database; with Retry-After), 503 (database away).
 */
export async function runCypher(
  db: Database,
  request: CypherRequest,
  limits: ConsoleLimits,
  context: RunContext,
): Promise<CypherResponse> {
  // JSON cannot tell 5 from 5.0 and Cypher can (LIMIT takes only integers): whole numbers go as integers.
  const params = withIntegers(request.params) as Record<string, unknown>;
  return runReadOnly(db, request.query, params, request.runId, limits, context);
}

/**
 * Runs a query whose parameters are already Cypher values (named queries bind theirs by type), with
 * the same checks, limits, caps and errors as runCypher.
 */
export async function runReadOnly(
  db: Database,
  query: string,
  params: Record<string, unknown>,
  runId: string | undefined,
  limits: ConsoleLimits,
  context: RunContext,
): Promise<CypherResponse> {
  const id = runId ?? randomUUID();
  const result = await db.runConsoleQuery(query, params, {
    timeoutMs: limits.timeoutMs,
    rowCap: limits.rowCap,
    runId: id,
    signal: context.signal,
    analyst: context.analyst,
    user: context.user,
    networkOnly: context.networkOnly,
    admission: {
      maxRunning: limits.maxRunning ?? DEFAULT_ADMISSION_LIMITS.maxRunning,
      maxRunningPerAnalyst: limits.maxRunningPerAnalyst ?? DEFAULT_ADMISSION_LIMITS.maxRunningPerAnalyst,
      recoveryFactor: limits.recoveryFactor ?? DEFAULT_ADMISSION_LIMITS.recoveryFactor,
    },
  });
  return { runId: id, ...result };
}

/**
 * Stops a running console query and its transaction on the server; 404 when none runs under that id,
 * or, `analyst` given (a server with users), none of theirs: another's run is not theirs to stop, nor
 * to learn of.
 */
export async function cancelCypher(db: Database, runId: string, analyst?: string): Promise<void> {
  if (!(await db.cancelConsoleQuery(runId, analyst))) throw notFound(`Running query "${runId}"`);
}
