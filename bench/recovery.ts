/**
 * `npx tsx bench/recovery.ts`: how long from a Neo4j crash to the API answering again. Starts a
 * supervised local Neo4j (server/neo4j/supervisor.ts) and the app in-process, kills the JVM
 * (SIGKILL) BENCH_KILLS times, and times two things from each kill: the raw driver's first answer
 * from the restarted server (what the database itself costs: back-off, JVM start, recovery) and the
 * API's first 200 (that plus what the app adds: noticing, liveness probe). Figures only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import request from 'supertest';
import { Database } from '../server/db/database.ts';
import { superviseLocalServer } from '../server/neo4j/supervisor.ts';
import { importGraph } from '../server/services/importer.ts';
import { readSeed } from '../server/services/seed.ts';
import { testApp } from '../tests/support/fixtures.ts';
import { freePort } from '../tests/support/neo4j.ts';

const KILLS = Number(process.env.BENCH_KILLS ?? 3);
const PASSWORD = 'bench-password';

async function main() {
  const home = mkdtempSync(join(tmpdir(), 'faction-atlas-recovery-'));
  const boltPort = await freePort();
  const uri = `bolt://127.0.0.1:${boltPort}`;
  const db = new Database({
    uri,
    user: 'neo4j',
    password: PASSWORD,
    database: 'neo4j',
    queryTimeoutMs: 10_000,
    liveness: false,
  });
  const server = await superviseLocalServer({
    server: {
      home,
      boltPort,
      password: PASSWORD,
      heapMb: 512,
      pageCache: '64m',
      classpathFile: new URL('../.neo4j/classpath.txt', import.meta.url).pathname,
      log: () => {},
    },
    availability: db.availability,
    startLiveness: () => db.startLiveness(),
    attempts: KILLS + 1,
    log: () => {},
  });
  const raw = neo4j.driver(uri, neo4j.auth.basic('neo4j', PASSWORD), { connectionTimeout: 1_000 });
  try {
    await db.applySchema();
    await importGraph(db, readSeed());
    const app = testApp(db);
    for (let kill = 1; kill <= KILLS; kill += 1) {
      await until(async () => (await request(app).get('/api/search?q=Jaysh')).status === 200);
      const killed = performance.now();
      process.kill(server.pid!, 'SIGKILL');
      const [driverMs, apiMs] = await Promise.all([
        until(async () => {
          await raw.executeQuery('RETURN 1', {}, { database: 'neo4j' });
          return true;
        }).then(() => performance.now() - killed),
        until(async () => (await request(app).get('/api/search?q=Jaysh')).status === 200).then(
          () => performance.now() - killed,
        ),
      ]);
      console.log(
        `kill ${kill}: raw driver answered after ${(driverMs / 1000).toFixed(1)} s, API after ${(apiMs / 1000).toFixed(1)} s ` +
          `(API − driver: ${((apiMs - driverMs) / 1000).toFixed(1)} s)`,
      );
      await new Promise((r) => setTimeout(r, 2_000));
    }
  } finally {
    await raw.close();
    await db.close();
    await server.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

/** Resolves once `check` answers true, trying every 100 ms (a failure counts as not yet). */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (;;) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
