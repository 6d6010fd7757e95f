/**
 * What a console run answers when it does not return rows, in words an analyst can act on: a refusal
 * (403), a syntax or runtime error in the query (400, with its position), a timeout (408), a
 * cancellation (409), a memory limit (422), and 503 only when the database itself could not be reached.
 * Errors that are none of these are passed on as they are, for database.ts translate().
 */
import neo4j from 'neo4j-driver';
import { AppError } from '../errors.ts';
import { describeQueryError } from './readOnlyPlan.ts';

export type StopReason = 'cancelled' | 'timeout';

/** The console's queries are planned as `EXPLAIN\n` + query; error positions are moved back by it. */
export const EXPLAIN_PREFIX = 'EXPLAIN\n';

export const cancelled = (cause?: unknown) =>
  new AppError(409, 'QUERY_CANCELLED', 'The query was cancelled; its transaction was terminated.', { cause });

export const timedOut = (timeoutMs: number, cause?: unknown) =>
  new AppError(408, 'QUERY_TIMEOUT', `The query ran past its time limit (${timeoutMs / 1000} s) and was stopped.`, {
    cause,
  });

export const refused = (why: string, cause?: unknown, outcome = 'Nothing was run.') =>
  new AppError(403, 'QUERY_REFUSED', `The console runs read-only queries only, and ${why}. ${outcome}`, { cause });

/** A read-only query refused because it could reach the team's workspace (workspaceReach.ts). */
export const refusedReach = (why: string) =>
  new AppError(
    403,
    'QUERY_REFUSED',
    `On a shared server the console reads the network only, and this query ${why}. Nothing was run.`,
  );

export const unavailable = (cause?: unknown) =>
  new AppError(503, 'DATABASE_UNAVAILABLE', 'The database is not answering; try again shortly.', { cause });

export function isNeo4jError(error: unknown): error is InstanceType<typeof neo4j.Neo4jError> {
  return error instanceof neo4j.Neo4jError;
}

/** The driver could not reach the database (no server code), or the server says it is away. */
export function isUnreachable(error: unknown): boolean {
  return isNeo4jError(error) && (error.code === 'N/A' || /ServiceUnavailable|SessionExpired/.test(error.code));
}

/** The Java heap itself ran out (not a memory pool's limit, which refuses early and cheaply). */
export function isHeapOutOfMemory(error: unknown): boolean {
  return isNeo4jError(error) && /OutOfMemory/.test(error.code) && !/MemoryPool|MemoryLimit/.test(error.code);
}

/** The database refused to plan the query: a syntax error, an unknown procedure, a command it won't run. */
export function planFailure(error: unknown): unknown {
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
export function runFailure(error: unknown, timeoutMs: number): unknown {
  if (error instanceof AppError || !isNeo4jError(error)) return error;
  if (/TransactionTimedOut/.test(error.code)) return timedOut(timeoutMs);
  if (error.code === 'Neo.ClientError.Transaction.Terminated') return cancelled();
  if (error.code === 'Neo.ClientError.Statement.AccessMode') {
    // The plan check let a write through; the READ transaction stopped it.
    return refused('the database refused a write in this one', error, 'Nothing was written.');
  }
  const memory = memoryFailure(error);
  if (memory) return memory;
  if (error.code.startsWith('Neo.ClientError.Statement.') || error.code.startsWith('Neo.ClientError.Procedure.')) {
    const { message, position } = describeQueryError(error.message);
    return new AppError(400, 'QUERY_FAILED', message, { position, cause: error });
  }
  return error;
}

/**
 * A query stopped by a memory limit, as 422 QUERY_MEMORY_LIMIT saying which limit and what to change.
 * Neo4j 5.26 has two: the memory pools (db.memory.transaction.max per transaction,
 * dbms.memory.transaction.total.max for all), which track what operators hold (collect, ORDER BY,
 * DISTINCT, aggregation) and answer MemoryPoolOutOfMemoryError with the limit in the message; and the
 * Java heap itself, which is all that bounds a value built inside one expression (a string doubled in
 * reduce(), a list comprehension over a long range) and answers OutOfMemoryError. Both are
 * TransientErrors, which the driver's managed transactions would retry: the console's explicit
 * transaction does not. Null for other errors.
 */
export function memoryFailure(error: InstanceType<typeof neo4j.Neo4jError>): AppError | null {
  if (/MemoryPool|MemoryLimit/.test(error.code)) {
    const limit = /limit (?:of )?([\d.]+ ?[KMG]i?B)/i.exec(error.message)?.[1];
    const within = limit ? ` (${limit})` : '';
    // The pool of all transactions together ran out: this query may be small; the others were large.
    if (/total/.test(error.message)) {
      return new AppError(
        422,
        'QUERY_MEMORY_LIMIT',
        `The queries running now together hold as much memory as the database allows for all of them${within}, ` +
          'and this one was stopped. Try again shortly; a query that matches fewer rows, LIMITs them or collects less needs less.',
        { cause: error },
      );
    }
    return new AppError(
      422,
      'QUERY_MEMORY_LIMIT',
      `The query held more in memory than one query may${within}, and was stopped. ` +
        'Rows kept by collect(), ORDER BY, DISTINCT or an aggregation count towards it. ' +
        'Narrow it: match fewer rows, LIMIT them, or collect less.',
      { cause: error },
    );
  }
  if (/OutOfMemory/.test(error.code)) {
    return new AppError(
      422,
      'QUERY_MEMORY_LIMIT',
      'The query built a value too large for the database’s memory (a string or list that keeps growing, ' +
        'as in reduce() or a list comprehension over a long range), and was stopped. ' +
        'Build smaller values: a shorter range, or count and aggregate instead of building one big string or list.',
      { cause: error },
    );
  }
  return null;
}
