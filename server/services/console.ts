/**
 * The Cypher console as a capability: an analyst's own query run under the configured limits, and
 * the cancellation of one that is running. Whether a query may run at all (read-only) is decided at
 * the database, from the plan it makes (db/console.ts, db/readOnlyPlan.ts).
 */
import { randomUUID } from 'node:crypto';
import type { CypherRequest, CypherResponse } from '../../contract/console.ts';
import { type Database, withIntegers } from '../db/database.ts';
import { notFound } from '../errors.ts';

export interface ConsoleLimits {
  /** Server-side transaction timeout of a console query. */
  timeoutMs: number;
  /** Most rows a console query returns. */
  rowCap: number;
}

export const DEFAULT_CONSOLE_LIMITS: ConsoleLimits = { timeoutMs: 10_000, rowCap: 5_000 };

export async function runCypher(
  db: Database,
  request: CypherRequest,
  limits: ConsoleLimits,
  signal?: AbortSignal,
): Promise<CypherResponse> {
  // JSON cannot tell 5 from 5.0 and Cypher can (LIMIT takes only integers): whole numbers go as integers.
  const params = withIntegers(request.params) as Record<string, unknown>;
  return runReadOnly(db, request.query, params, request.runId, limits, signal);
}

/** Runs a query whose parameters are already Cypher values (named queries bind theirs by type). */
export async function runReadOnly(
  db: Database,
  query: string,
  params: Record<string, unknown>,
  runId: string | undefined,
  limits: ConsoleLimits,
  signal?: AbortSignal,
): Promise<CypherResponse> {
  const id = runId ?? randomUUID();
  const result = await db.runConsoleQuery(query, params, { ...limits, runId: id, signal });
  return { runId: id, ...result };
}

export async function cancelCypher(db: Database, runId: string): Promise<void> {
  if (!(await db.cancelConsoleQuery(runId))) throw notFound(`Running query "${runId}"`);
}
