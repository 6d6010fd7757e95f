/**
 * Console queries end on the server, not only in the app: a query past its time limit answers 408
 * and its transaction is gone from the database; so is the transaction of a query cancelled with
 * DELETE /api/cypher/:runId, or of one whose HTTP request the client aborted. "Gone" is read from
 * the database itself (SHOW TRANSACTIONS, by the run id in the transaction's metadata). A query that
 * does not check for termination while it works (Neo4j's termination is cooperative) still answers
 * 408 within seconds of its limit, never the 503 of a database that does not answer; its transaction
 * is terminated at once and gone as soon as the query checks.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody } from '../../contract/api.ts';
import { createApp } from '../../server/app.ts';
import { connectTestDatabase, freshSeededDatabase } from '../support/fixtures.ts';

const db = connectTestDatabase();
beforeAll(() => freshSeededDatabase(db));
afterAll(() => db.close());

/** Counts to ten billion: minutes of work, read-only, holding its transaction open all along. */
const SLOW_QUERY = 'UNWIND range(1, 10000000000) AS x WITH x WHERE x % 7 = 99 RETURN count(*) AS never';
/** One expression that never checks for termination: tens of seconds of work in a single row. */
const UNCHECKED_EXPRESSION = 'RETURN reduce(s = 0, x IN range(1, 600000000) | s + x % 7) AS total';
/** An operator that checks once per BFS level, whose levels grow exponentially (trails of any length). */
const SELDOM_CHECKED_OPERATOR = 'MATCH p = SHORTEST 1 (a:Entity)-[]-{1,}(b:Entity) RETURN p';

// No recovery pause (db/consoleAdmission.ts) after the query that never checks: each test starts with an open console.
const appWith = (timeoutMs: number) =>
  createApp({ db, logger: pino({ level: 'silent' }), consoleLimits: { timeoutMs, rowCap: 5_000, recoveryFactor: 0 } });
/** So long a limit that only a cancellation can explain the transaction ending. */
const patientApp = appWith(600_000);

async function serverTransactions(runId: string): Promise<string[]> {
  return (await serverTransactionStatuses(runId)).map((t) => t.transactionId);
}

async function serverTransactionStatuses(runId: string): Promise<{ transactionId: string; status: string }[]> {
  const rows = await db.runAdmin(
    'SHOW TRANSACTIONS YIELD transactionId, status, metaData WHERE metaData.runId = $runId RETURN transactionId, status',
    { runId },
  );
  return rows.map((r) => ({ transactionId: r.transactionId as string, status: r.status as string }));
}

/** Waits for a condition that must come true (the database answering), failing after `patienceMs`. */
async function eventually(what: string, condition: () => Promise<boolean>, patienceMs = 30_000): Promise<void> {
  const deadline = Date.now() + patienceMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const running = (runId: string) =>
  eventually(`${runId} to run`, async () => (await serverTransactions(runId)).length === 1);

describe('a console query past its time limit', () => {
  it('answers 408 QUERY_TIMEOUT, and its transaction is gone from the database', async () => {
    const response = await request(appWith(1_000))
      .post('/api/cypher')
      .send({ query: SLOW_QUERY, runId: 'past-its-time' })
      .expect(408);
    expect(errorBody.parse(response.body).error.code).toBe('QUERY_TIMEOUT');
    expect(await serverTransactions('past-its-time')).toEqual([]);
  });
});

describe('a console query that does not check for termination while it works', () => {
  it.each([
    ['an expression (reduce over a long range)', 'unchecked-expression', UNCHECKED_EXPRESSION],
    ['an operator (SHORTEST over a quantified path pattern)', 'seldom-checked-operator', SELDOM_CHECKED_OPERATOR],
  ])(
    'is stopped like any other when it is %s: 408 QUERY_TIMEOUT within seconds, its transaction terminated, then gone',
    async (_kind, runId, query) => {
      const started = Date.now();
      const response = await request(appWith(1_000)).post('/api/cypher').send({ query, runId });
      const ms = Date.now() - started;
      expect(response.status, JSON.stringify(response.body)).toBe(408);
      expect(errorBody.parse(response.body).error.code).toBe('QUERY_TIMEOUT');
      // The limit plus the console's grace and settling time, well before the 503 deadline (limit + 10 s).
      expect(ms).toBeLessThan(1_000 + 6_000);
      // Terminated at once: whatever is left on the server only waits for the query to notice.
      for (const { status } of await serverTransactionStatuses(runId)) expect(status).toMatch(/^Terminated/);
      await eventually(
        `${runId} to leave the database`,
        async () => (await serverTransactions(runId)).length === 0,
        120_000,
      );
    },
    180_000,
  );
});

describe('DELETE /api/cypher/:runId', () => {
  it('cancels a running query: it answers 409 QUERY_CANCELLED and its transaction is gone from the database', async () => {
    const pending = request(patientApp)
      .post('/api/cypher')
      .send({ query: SLOW_QUERY, runId: 'cancel-me' })
      .then((r) => r);
    await running('cancel-me');

    const busy = await request(patientApp)
      .post('/api/cypher')
      .send({ query: 'RETURN 1', runId: 'cancel-me' })
      .expect(409);
    expect(errorBody.parse(busy.body).error.code).toBe('RUN_ID_IN_USE');

    await request(patientApp).delete('/api/cypher/cancel-me').expect(204);
    const response = await pending;
    expect(response.status).toBe(409);
    expect(errorBody.parse(response.body).error.code).toBe('QUERY_CANCELLED');
    expect(await serverTransactions('cancel-me')).toEqual([]);
  });

  it('answers 404 for a run id that is not running', async () => {
    const response = await request(patientApp).delete('/api/cypher/nothing-runs-here').expect(404);
    expect(errorBody.parse(response.body).error.code).toBe('NOT_FOUND');
  });

  it('frees the run id once the query is over', async () => {
    await request(patientApp).post('/api/cypher').send({ query: 'RETURN 1 AS one', runId: 'reused' }).expect(200);
    await request(patientApp).post('/api/cypher').send({ query: 'RETURN 2 AS two', runId: 'reused' }).expect(200);
    await request(patientApp).delete('/api/cypher/reused').expect(404);
  });
});

describe('a client that aborts its request', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = patientApp.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('ends the query: its transaction is gone from the database', async () => {
    const controller = new AbortController();
    const answer = fetch(`${base}/api/cypher`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: SLOW_QUERY, runId: 'abandoned' }),
      signal: controller.signal,
    });
    await running('abandoned');
    controller.abort();
    await expect(answer).rejects.toThrow(/abort/i);
    await eventually(
      'the abandoned transaction to end',
      async () => (await serverTransactions('abandoned')).length === 0,
    );
    // The run is over in the app too: nothing is left to cancel under its id.
    await eventually(
      'the run to leave the app',
      async () => (await request(patientApp).delete('/api/cypher/abandoned')).status === 404,
    );
  });
});
