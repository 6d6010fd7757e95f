/**
 * What an analyst reads when the database stops a console query for its memory (server/db/consoleErrors.ts):
 * 422 QUERY_MEMORY_LIMIT naming which limit was reached — one query's share (with its size), all
 * queries' together, or the heap itself (a value built in one expression) — and what to change;
 * never the JVM's "Java heap space".
 */
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { runFailure } from '../../server/db/consoleErrors.ts';
import { AppError } from '../../server/errors.ts';

const driverError = (code: string, message: string) => new Neo4jError(message, code, '50N42', 'test');

function answer(code: string, message: string): AppError {
  const error = runFailure(driverError(code, message), 10_000);
  expect(error).toBeInstanceOf(AppError);
  const known = error as AppError;
  expect(known.status).toBe(422);
  expect(known.code).toBe('QUERY_MEMORY_LIMIT');
  expect(known.message).not.toMatch(/java|heap space|Neo\./i);
  return known;
}

describe('a console query stopped for its memory', () => {
  it("past one query's share: names the share and says to narrow the query", () => {
    const { message } = answer(
      'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
      'The allocation of an extra 2.0 MiB would use more than the limit 179.0 MiB. Currently using 178.1 MiB. db.memory.transaction.max threshold reached',
    );
    expect(message).toMatch(/more in memory than one query may \(179\.0 MiB\)/);
    expect(message).toMatch(/LIMIT|collect less/);
  });

  it('past the share of all queries together: says it was the total, not this query alone', () => {
    const { message } = answer(
      'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
      'The allocation of an extra 2.0 MiB would use more than the limit 307.0 MiB. Currently using 306.0 MiB. dbms.memory.transaction.total.max threshold reached',
    );
    expect(message).toMatch(/together.*\(307\.0 MiB\)/);
    expect(message).toMatch(/Try again shortly/);
  });

  it('past the heap (a value built in one expression): says the value was too large and how to build smaller', () => {
    const { message } = answer('Neo.TransientError.General.OutOfMemoryError', 'Java heap space');
    expect(message).toMatch(/too large/);
    expect(message).toMatch(/reduce\(\)|range/);
  });
});
