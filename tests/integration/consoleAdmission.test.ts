/**
 * Which console queries may start (server/db/consoleAdmission.ts): one client runs at most
 * CONSOLE_MAX_RUNNING_PER_CLIENT at once, all clients together at most CONSOLE_MAX_RUNNING; past
 * either, 429 CONSOLE_BUSY with Retry-After, decided before the database sees anything. Named queries
 * take the same places; a place is free again as soon as its query ends, however it ended. The client
 * is the request's address (127.0.0.0/8 is all loopback, so each test plays several), behind a
 * trusted proxy the forwarded one.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody } from '../../contract/api.ts';
import { createApp } from '../../server/app.ts';
import type { ConsoleLimits } from '../../server/services/console.ts';
import { type Answer, type Listening, listen, send } from '../support/clientAddress.ts';
import { connectTestDatabase, freshSeededDatabase } from '../support/fixtures.ts';

const db = connectTestDatabase();
const servers: Listening[] = [];
beforeAll(() => freshSeededDatabase(db));
afterAll(async () => {
  for (const server of servers) await server.close();
  await db.close();
});

/** Counts to ten billion, checking for termination all along: runs until cancelled, then stops at once. */
const SLOW_QUERY = 'UNWIND range(1, 10000000000) AS x WITH x WHERE x % 7 = 99 RETURN count(*) AS never';
const TIMEOUT_MS = 20_000;

async function serve(limits: Partial<ConsoleLimits>, trustProxy = false): Promise<string> {
  const app = createApp({
    db,
    logger: pino({ level: 'silent' }),
    trustProxy,
    consoleLimits: { timeoutMs: TIMEOUT_MS, rowCap: 100, ...limits },
  });
  const server = await listen(app);
  servers.push(server);
  return server.base;
}

async function onServer(runId: string): Promise<number> {
  const rows = await db.runAdmin(
    'SHOW TRANSACTIONS YIELD metaData WHERE metaData.runId = $runId RETURN count(*) AS n',
    { runId },
  );
  return Number(rows[0]?.n ?? 0);
}

async function eventually(what: string, condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Starts a query that runs until cancelled; resolves once the database runs it. */
async function startSlow(
  base: string,
  runId: string,
  from: string,
  headers?: Record<string, string>,
): Promise<{ answer: Promise<Answer> }> {
  const answer = send(base, 'POST', '/api/cypher', { from, headers, json: { query: SLOW_QUERY, runId } });
  await eventually(`${runId} to run`, async () => (await onServer(runId)) === 1);
  return { answer }; // wrapped: an async function would otherwise wait for the answer itself
}

async function cancel(base: string, runId: string, pending: { answer: Promise<Answer> }): Promise<void> {
  expect((await send(base, 'DELETE', `/api/cypher/${runId}`)).status).toBe(204);
  expect((await pending.answer).status).toBe(409);
}

function expectBusy(answer: Answer, says: RegExp): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(429);
  const { code, message } = errorBody.parse(answer.body).error;
  expect(code).toBe('CONSOLE_BUSY');
  expect(message).toMatch(says);
  const retryAfter = Number(answer.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  // No later than the running queries' timeout (and the console's few seconds of grace) frees a place.
  expect(retryAfter).toBeLessThanOrEqual(TIMEOUT_MS / 1000 + 10);
}

const one = (base: string, from: string, runId?: string, headers?: Record<string, string>) =>
  send(base, 'POST', '/api/cypher', { from, headers, json: { query: 'RETURN 1 AS one', runId } });

describe('console queries of one client', () => {
  it('run at most CONSOLE_MAX_RUNNING_PER_CLIENT at once: the next is 429, never reaches the database; another client is served', async () => {
    const base = await serve({ maxRunning: 4, maxRunningPerAnalyst: 2 });
    const first = await startSlow(base, 'own-1', '127.0.0.21');
    const second = await startSlow(base, 'own-2', '127.0.0.21');

    const refused = await one(base, '127.0.0.21', 'own-3');
    expectBusy(refused, /You already have 2 console queries running.*\(2\)/);
    expect(await onServer('own-3')).toBe(0);
    expect((await one(base, '127.0.0.22')).status).toBe(200);

    await cancel(base, 'own-1', first);
    expect((await one(base, '127.0.0.21')).status).toBe(200); // a place is free at once
    await cancel(base, 'own-2', second);
  });

  it('free their place however they end: syntax error, refusal, memory limit, success', async () => {
    const base = await serve({ maxRunning: 1, maxRunningPerAnalyst: 1 });
    const from = '127.0.0.23';
    const ask = (query: string) => send(base, 'POST', '/api/cypher', { from, json: { query } });
    expect((await ask('MATCH (f:Faction RETURN f')).status).toBe(400);
    expect((await ask('CREATE (:Faction {id: "x"})')).status).toBe(403);
    expect((await ask('UNWIND range(1, 60000000) AS x WITH collect(x) AS c RETURN size(c) AS n')).status).toBe(422);
    expect((await ask('RETURN 1 AS one')).status).toBe(200);
    expect((await one(base, '127.0.0.24')).status).toBe(200);
  });
});

describe('console queries of all clients together', () => {
  it('run at most CONSOLE_MAX_RUNNING at once: the next client is 429 until a place is free', async () => {
    const base = await serve({ maxRunning: 2, maxRunningPerAnalyst: 2 });
    const a = await startSlow(base, 'all-a', '127.0.0.31');
    const b = await startSlow(base, 'all-b', '127.0.0.32');

    expectBusy(await one(base, '127.0.0.33'), /for all analysts together \(2\)/);

    await cancel(base, 'all-a', a);
    expect((await one(base, '127.0.0.33')).status).toBe(200);
    await cancel(base, 'all-b', b);
  });

  it('count named queries too: they take the same places', async () => {
    const base = await serve({ maxRunning: 4, maxRunningPerAnalyst: 1 });
    const running = await startSlow(base, 'named-slow', '127.0.0.41');
    const named = () =>
      send(base, 'POST', '/api/queries/mostConnectedFactions', { from: '127.0.0.41', json: { params: {} } });

    expectBusy(await named(), /You already have 1 console quer/);
    await cancel(base, 'named-slow', running);
    expect((await named()).status).toBe(200);
  });
});

describe('behind a trusted proxy', () => {
  it('tells clients apart by the forwarded address', async () => {
    const base = await serve({ maxRunning: 4, maxRunningPerAnalyst: 1 }, true);
    const as = (address: string) => ({ 'x-forwarded-for': address });
    const running = await startSlow(base, 'proxied', '127.0.0.1', as('203.0.113.7'));

    expectBusy(await one(base, '127.0.0.1', undefined, as('203.0.113.7')), /You already have 1/);
    expect((await one(base, '127.0.0.1', undefined, as('203.0.113.8'))).status).toBe(200);
    await cancel(base, 'proxied', running);
  });
});
