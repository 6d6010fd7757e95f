/**
 * The database away and back: while Neo4j is down every route that needs it answers a 503 JSON error
 * within seconds and the process stays up; once Neo4j is back the same app answers again, without
 * a restart. Runs on its own Neo4j (started here, stopped and restarted on the same home and port),
 * not on the run's shared one.
 */
import { rmSync } from 'node:fs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { errorBody, healthResponse, searchResponse } from '../../contract/api.ts';
import type { Database } from '../../server/db/database.ts';
import { type LocalServer, type LocalServerOptions, startLocalServer } from '../../server/neo4j/localServer.ts';
import { watchEscapes } from '../support/escapes.ts';
import { freshSeededDatabase, testApp } from '../support/fixtures.ts';
import { ownServerDatabase, ownServerOptions } from '../support/neo4j.ts';

const PASSWORD = 'outage-password';

let serverOptions: LocalServerOptions;
let server: LocalServer;
let db: Database;
let app: ReturnType<typeof testApp>;

/** Anything that escaped a request would take a real server process down. */
const escapes = watchEscapes();
const { escaped } = escapes;

beforeAll(async () => {
  serverOptions = await ownServerOptions('outage', PASSWORD);
  server = await startLocalServer(serverOptions);
  db = ownServerDatabase(serverOptions);
  await freshSeededDatabase(db);
  app = testApp(db);
  escapes.start();
});

afterAll(async () => {
  escapes.stop();
  if (server?.pid) process.kill(server.pid, 'SIGCONT');
  await db?.close();
  await server?.stop();
  rmSync(serverOptions.home, { recursive: true, force: true });
});

/** A request, and how long its answer took. */
async function timed(method: 'get' | 'post', path: string, body?: object) {
  const started = Date.now();
  const response =
    method === 'get'
      ? await request(app).get(path)
      : await request(app)
          .post(path)
          .send(body ?? {});
  return { response, ms: Date.now() - started };
}

const NEEDS_THE_DATABASE: Array<['get' | 'post', string, object?]> = [
  ['get', '/api/health'],
  ['get', '/api/search?q=Jaysh%20al-Nasr'],
  ['get', '/api/nodes/jaysh-al-nasr'],
  ['get', '/api/nodes/jaysh-al-nasr/neighbors?depth=2'],
  ['post', '/api/import', { sources: [{ id: 'outage-note', name: 'Outage note', title: null }] }],
];

describe('the database away and back', () => {
  it('answers normally while the database is up', async () => {
    const { response } = await timed('get', '/api/health');
    expect(response.status).toBe(200);
    expect(healthResponse.parse(response.body).neo4j?.uri).toBe(server.uri);
  });

  it('answers 503 DATABASE_UNAVAILABLE on every route that needs the database once it is stopped', async () => {
    await server.stop();
    const latencies: string[] = [];
    for (const [method, path, body] of NEEDS_THE_DATABASE) {
      const { response, ms } = await timed(method, path, body);
      latencies.push(`${method.toUpperCase()} ${path}: ${ms} ms`);
      expect(response.status, path).toBe(503);
      expect(response.headers['content-type'], path).toMatch(/json/);
      expect(errorBody.parse(response.body).error.code, path).toBe('DATABASE_UNAVAILABLE');
    }
    // Measured, not asserted (no timed assertions): the driver's connect timeout and retry budget.
    console.info(`503 latency with the database stopped:\n  ${latencies.join('\n  ')}`);
  });

  it('keeps the process up and the routes that need no database answering', async () => {
    expect(escaped).toEqual([]);
    await request(app).get('/api/openapi.json').expect(200);
    const { response } = await timed('get', '/api/nodes/jaysh-al-nasr/neighbors?depth=9');
    expect(response.status).toBe(400); // parameters are still checked before the database is needed
  });

  it('answers again, with the same app and driver, once the database is back on the same home and port', async () => {
    server = await startLocalServer(serverOptions);
    // The liveness probe asks every second; the app is back as soon as it has been answered.
    const back = Date.now();
    const health = await vi.waitFor(
      async () => {
        const answer = await timed('get', '/api/health');
        expect(answer.response.status, JSON.stringify(answer.response.body)).toBe(200);
        return answer;
      },
      { timeout: 15_000, interval: 250 },
    );
    console.info(`API answering ${Date.now() - back} ms after the database was back`);
    const search = await timed('get', '/api/search?q=Jaysh%20al-Nasr');
    expect(search.response.status).toBe(200);
    expect(searchResponse.parse(search.response.body).results[0]?.id).toBe('jaysh-al-nasr');
    await request(app).get('/api/nodes/jaysh-al-nasr/neighbors').expect(200);
    console.info(`after the restart: health ${health.ms} ms, search ${search.ms} ms`);
    expect(escaped).toEqual([]);
  });

  it('answers 503 rather than hang when the database stops answering without closing its connections', async () => {
    // A frozen server (or a network that drops packets) keeps its sockets open: only a deadline helps.
    await request(app).get('/api/health').expect(200); // a pooled connection that will go silent
    expect(server.pid).toBeTypeOf('number');
    process.kill(server.pid!, 'SIGSTOP');
    try {
      const { response, ms } = await timed('get', '/api/health');
      expect(response.status).toBe(503);
      expect(errorBody.parse(response.body).error.code).toBe('DATABASE_UNAVAILABLE');
      console.info(`503 latency with the database frozen: ${ms} ms`);
    } finally {
      process.kill(server.pid!, 'SIGCONT');
    }
    await vi.waitFor(() => request(app).get('/api/health').expect(200), { timeout: 15_000, interval: 250 });
    expect(escaped).toEqual([]);
  });
});
