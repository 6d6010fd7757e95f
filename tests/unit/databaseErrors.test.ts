/**
 * How driver failures reach the analyst (server/db/database.ts translate): the database away is a 503
 * DATABASE_UNAVAILABLE, a query past its time limit a 408, refused credentials a 503 DATABASE_AUTH,
 * and anything else stays as it is (the error middleware makes it a logged 500).
 */
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { translate } from '../../server/db/database.ts';
import { AppError } from '../../server/errors.ts';

const driverError = (code: string, message = 'from the driver') => new Neo4jError(message, code, '50N42', 'test');

function asAppError(error: unknown): AppError {
  const translated = translate(error);
  expect(translated).toBeInstanceOf(AppError);
  return translated as AppError;
}

describe('translate', () => {
  it.each([
    ['ServiceUnavailable', 'Failed to connect to server. … Caused by: connect ECONNREFUSED 127.0.0.1:7687'],
    ['SessionExpired', 'Connection lost mid-query'],
    ['Neo.TransientError.General.DatabaseUnavailable', 'The database is starting'],
    ['N/A', 'Connection acquisition timed out in 5000 ms. Pool status: Active conn count = 100, Idle conn count = 0.'],
    ['N/A', 'Pool is closed, it is no more able to serve requests.'],
  ])('makes %s (%s) a 503 DATABASE_UNAVAILABLE, keeping the cause', (code, message) => {
    const original = driverError(code, message);
    const error = asAppError(original);
    expect(error.status).toBe(503);
    expect(error.code).toBe('DATABASE_UNAVAILABLE');
    expect(error.cause).toBe(original);
    expect(error.message).not.toContain('127.0.0.1'); // no addresses in what the client sees
  });

  it('makes a uniqueness clash (two imports racing for one id) a 409 CONFLICT that says nothing was written', () => {
    const error = asAppError(
      driverError(
        'Neo.ClientError.Schema.ConstraintValidationFailed',
        "Node(12) already exists with label `Entity` and property `id` = 'x'",
      ),
    );
    expect(error.status).toBe(409);
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/^Nothing written/);
  });

  it('makes a transaction past its timeout a 408 QUERY_TIMEOUT', () => {
    const error = asAppError(driverError('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'));
    expect(error.status).toBe(408);
    expect(error.code).toBe('QUERY_TIMEOUT');
  });

  it('makes refused credentials a 503 DATABASE_AUTH', () => {
    const error = asAppError(driverError('Neo.ClientError.Security.Unauthorized'));
    expect(error.status).toBe(503);
    expect(error.code).toBe('DATABASE_AUTH');
  });

  it('leaves other failures as they are, for the error middleware to log as a 500', () => {
    const syntax = driverError('Neo.ClientError.Statement.SyntaxError', 'Invalid input');
    expect(translate(syntax)).toBe(syntax);
    const unexplained = driverError('N/A', 'Something unexpected in the driver');
    expect(translate(unexplained)).toBe(unexplained);
    const plain = new Error('not from the driver');
    expect(translate(plain)).toBe(plain);
    const already = new AppError(404, 'NOT_FOUND', 'Node "x" not found');
    expect(translate(already)).toBe(already);
  });
});
