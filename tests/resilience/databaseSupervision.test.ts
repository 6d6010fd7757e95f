/**
 * The local Neo4j supervised (server/neo4j/supervisor.ts) under load: killed, it is restarted and the
 * same app answers again by itself, with every import it had confirmed still there and none half
 * there; frozen, requests fail fast, and after HANG_RESTART_MS it is killed and restarted; one of its
 * own threads dead of an OutOfMemoryError, it is restarted cleanly, however often, once the queries in
 * hand have their answers (new ones are refused meanwhile); in a crash
 * loop the supervisor gives up and says why, with Neo4j's own last log lines. Runs a Neo4j of its own.
 */
import { createServer, type Server } from 'node:net';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { healthResponse, healthUnavailableResponse, type DatabaseState } from '../../contract/api.ts';
import { createApp } from '../../server/app.ts';
import type { Database } from '../../server/db/database.ts';
import type { SupervisedServer } from '../../server/neo4j/supervisor.ts';
import { watchEscapes } from '../support/escapes.ts';
import { DEFAULT_CONSOLE_LIMITS } from '../../server/services/console.ts';
import { freshSeededDatabase, testApp } from '../support/fixtures.ts';
import { type OwnSupervised, ownSupervisedNeo4j } from '../support/neo4j.ts';

const logLines: string[] = [];
let own: OwnSupervised;
let supervised: SupervisedServer;
let db: Database;
let app: ReturnType<typeof testApp>;
/** Anything that escaped a request would take a real server process down. */
const escapes = watchEscapes();
const { escaped } = escapes;

beforeAll(async () => {
  own = await ownSupervisedNeo4j('supervised', 'supervised-password', { log: (line) => logLines.push(line) });
  ({ db, supervised } = own);
  await freshSeededDatabase(db);
  app = testApp(db);
  escapes.start();
});

afterAll(async () => {
  escapes.stop();
  try {
    if (supervised?.pid) process.kill(supervised.pid, 'SIGCONT');
  } catch {
    // already gone
  }
  await own?.remove();
});

/** A read that keeps Neo4j at work for several seconds, checking for termination all along. */
const LONG_COUNT_ROWS = 150_000_000;
const LONG_COUNT = `UNWIND range(1, ${LONG_COUNT_ROWS}) AS x RETURN count(x) AS n`;

/** How many console queries the server is running. */
async function consoleQueriesRunning(): Promise<number> {
  const rows = await db.runAdmin(
    "SHOW TRANSACTIONS YIELD metaData, status WHERE metaData.type = 'console' AND status = 'Running' RETURN count(*) AS n",
  );
  return Number(rows[0]?.n ?? 0);
}

/** One import that is whole or absent: a source, a faction citing it, and a relationship between them. */
function smallImport(n: number) {
  return {
    sources: [{ id: `load-source-${n}`, name: `Load source ${n}`, title: null }],
    nodes: [{ id: `load-faction-${n}`, label: 'Faction', name: `Load faction ${n}`, sources: [`load-source-${n}`] }],
    relationships: [
      {
        id: `load-membership-${n}`,
        type: 'MEMBER_OF',
        source: `load-faction-${n}`,
        target: 'jaysh-al-nasr',
        sources: [`load-source-${n}`],
      },
    ],
  };
}

/** Imports and reads until `stop()`; returns what each import was answered. Numbers go on across calls. */
let nextImport = 0;
function loadUntilStopped() {
  let running = true;
  let confirmed = 0;
  const imports = new Map<number, number>();
  const readStatuses: number[] = [];
  const importer = (async () => {
    while (running) {
      const n = nextImport++;
      const response = await request(app).post('/api/import').send(smallImport(n));
      imports.set(n, response.status);
      if (response.status === 200) confirmed += 1;
      if (response.status !== 200) await new Promise((r) => setTimeout(r, 200));
    }
  })();
  const reader = (async () => {
    while (running) {
      const response = await request(app).get('/api/search?q=Jaysh');
      readStatuses.push(response.status);
      if (response.status !== 200) await new Promise((r) => setTimeout(r, 200));
    }
  })();
  return {
    /** Waits until `count` more imports than now have been confirmed. */
    async confirmedMore(count: number) {
      const target = confirmed + count;
      await vi.waitFor(() => expect(confirmed).toBeGreaterThanOrEqual(target), { timeout: 120_000, interval: 100 });
    },
    async stop() {
      running = false;
      await Promise.all([importer, reader]);
      return { imports, readStatuses };
    },
  };
}

async function stateOf(): Promise<{ status: number; state: DatabaseState }> {
  const response = await request(app).get('/api/health');
  const body =
    response.status === 200 ? healthResponse.parse(response.body) : healthUnavailableResponse.parse(response.body);
  return { status: response.status, state: body.database.state };
}

const waitForState = (state: DatabaseState, timeout: number) =>
  vi.waitFor(
    async () => {
      expect((await stateOf()).state).toBe(state);
    },
    { timeout, interval: 200 },
  );

/** Every import answered 200 is all there; every other one is all there or not at all. */
async function expectNothingLost(imports: Map<number, number>) {
  // As strings: the driver would send JS numbers as floats, and toString(7.0) is '7.0'.
  const ids = [...imports.keys()].map(String);
  const rows = await db.runAdmin(
    `UNWIND $ids AS n
     OPTIONAL MATCH (s:Source {id: 'load-source-' + n})
     OPTIONAL MATCH (f:Faction {id: 'load-faction-' + n})
     OPTIONAL MATCH ()-[r:MEMBER_OF {id: 'load-membership-' + n}]->()
     RETURN n, s IS NOT NULL AS source, f IS NOT NULL AS faction, r IS NOT NULL AS membership`,
    { ids },
  );
  for (const row of rows) {
    const status = imports.get(Number(row.n));
    const present = [row.source, row.faction, row.membership];
    if (status === 200) expect(present, `import ${row.n} was confirmed`).toEqual([true, true, true]);
    else expect(new Set(present).size, `import ${row.n} (answered ${status}) is half there`).toBe(1);
  }
}

describe('the local Neo4j, supervised', () => {
  it('is restarted after it is killed under load, and the same app answers again with nothing lost', async () => {
    const load = loadUntilStopped();
    await load.confirmedMore(3);
    const killedAt = Date.now();
    process.kill(supervised.pid!, 'SIGKILL');
    await waitForState('restarting', 10_000);
    await waitForState('up', 120_000);
    console.info(`API answering again ${Date.now() - killedAt} ms after Neo4j was killed`);
    await load.confirmedMore(3);
    const { imports, readStatuses } = await load.stop();

    expect(new Set([...imports.values(), ...readStatuses])).toEqual(new Set([200, 503]));
    await expectNothingLost(imports);
    expect(db.availability.status.restarts).toBe(1);
    expect(logLines.join('\n')).toMatch(/Neo4j was ended by SIGKILL; restarting it in 1 s \(attempt 1 of 3\)/);
    expect(escaped).toEqual([]);
  });

  it('fails requests fast while frozen, then kills and restarts a server silent too long', async () => {
    const load = loadUntilStopped();
    await load.confirmedMore(2);
    process.kill(supervised.pid!, 'SIGSTOP');
    await waitForState('unresponsive', 10_000);
    const started = Date.now();
    const { status } = await request(app).get('/api/nodes/jaysh-al-nasr');
    expect(status).toBe(503);
    console.info(`a request while frozen answered 503 in ${Date.now() - started} ms`);
    await waitForState('restarting', 70_000);
    await waitForState('up', 120_000);
    await load.confirmedMore(2);
    const { imports } = await load.stop();
    await expectNothingLost(imports);
    expect(logLines.join('\n')).toMatch(/has not answered for \d+ s; killing it/);
    expect(escaped).toEqual([]);
  });

  it('lets the query in hand when a thread died finish with its own answer before restarting, and refuses new work at once', async () => {
    const patient = createApp({
      db,
      logger: pino({ level: 'silent' }),
      consoleLimits: { ...DEFAULT_CONSOLE_LIMITS, timeoutMs: 120_000 },
    });
    const counted = request(patient)
      .post('/api/cypher')
      .send({ query: LONG_COUNT })
      .then((answer) => ({ answer, at: Date.now() }));
    await vi.waitFor(async () => expect(await consoleQueriesRunning()).toBe(1), { timeout: 20_000, interval: 100 });

    const replaced = supervised.replace(
      'Neo4j\'s own thread "neo4j.Scheduler-1" died of an OutOfMemoryError (a query ran its heap out)',
    );
    const restartingAt = Date.now();
    expect(db.availability.status.message).toMatch(/letting the queries in hand finish first/);
    const refused = await request(app).get('/api/nodes/jaysh-al-nasr');
    expect(refused.status).toBe(503);

    const { answer, at } = await counted;
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.rows).toEqual([[LONG_COUNT_ROWS]]);
    console.info(`the query in hand answered ${at - restartingAt} ms into the replace`);
    expect(at - restartingAt).toBeGreaterThan(1_000); // it was still at work, not done before the replace
    await replaced;
    await waitForState('up', 10_000);
    expect(escaped).toEqual([]);
  }, 300_000);

  it('restarts a server whose own thread died of an OutOfMemoryError, cleanly and each time, never counting it towards giving up', async () => {
    const load = loadUntilStopped();
    await load.confirmedMore(2);
    const restartsBefore = db.availability.status.restarts;
    // More times than the 3 restarts in a row the supervisor allows a crash loop.
    for (let round = 0; round < 4; round++) {
      const pid = supervised.pid!;
      // A real thread death cannot be set off at will: this is the call the supervisor makes when the
      // JVM prints one (threadDeaths.ts, proven on the lines themselves in tests/unit/threadDeaths.test.ts).
      const replaced = supervised.replace(
        'Neo4j\'s own thread "neo4j.Scheduler-1" died of an OutOfMemoryError (a query ran its heap out)',
      );
      await waitForState('restarting', 10_000);
      await replaced;
      await waitForState('up', 10_000);
      expect(supervised.pid).not.toBe(pid);
      await load.confirmedMore(1);
    }
    const { imports } = await load.stop();
    await expectNothingLost(imports);
    expect(db.availability.status.restarts).toBe(restartsBefore + 4);
    const said = logLines.join('\n');
    expect(said).toMatch(/thread "neo4j\.Scheduler-1" died of an OutOfMemoryError.*restarted now/);
    expect(said).not.toMatch(/Giving up/);
    expect(escaped).toEqual([]);
  }, 600_000); // four clean stops and starts: about 40 s each on a busy machine

  it('gives up on a crash loop and names the cause, with the last lines of Neo4j’s log', async () => {
    let squatter: Server | undefined;
    const pid = supervised.pid!;
    const exited = new Promise<void>((done) => {
      const poll = setInterval(() => {
        try {
          process.kill(pid, 0);
        } catch {
          clearInterval(poll);
          done();
        }
      }, 50);
    });
    process.kill(pid, 'SIGKILL');
    await exited;
    // Something else takes Neo4j's port: every restart fails.
    squatter = createServer().listen(own.options.boltPort, '127.0.0.1');
    try {
      await waitForState('failed', 180_000);
      const response = await request(app).get('/api/health').expect(503);
      const body = healthUnavailableResponse.parse(response.body);
      expect(body.database.message).toMatch(/3 restarts in a row did not keep it up/);
      expect(body.database.message).toMatch(/Neo4j's last log lines/);
      expect(body.error.message).toMatch(/could not be restarted/);
      await request(app).get('/api/search?q=Jaysh').expect(503);
      expect(escaped).toEqual([]);
    } finally {
      squatter?.close();
    }
  });
});
