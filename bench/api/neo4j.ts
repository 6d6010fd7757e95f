/**
 * The benchmark's throwaway Neo4j: the project's local server (server/neo4j/localServer.ts) on a free
 * port with an empty data directory, sized for the benchmark machine (2 cores, 24 GiB): a 4 GiB heap
 * and a 2 GiB page cache, so a million relationships fit in memory and no phase is measured against a
 * test-sized 512 MB server. One per phase, so every import starts from an empty database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../../server/db/database.ts';
import { startLocalServer } from '../../server/neo4j/localServer.ts';
import { freePort } from '../../tests/support/neo4j.ts';

export const BENCH_PASSWORD = 'bench-password';
export const HEAP_MB = 4096;
export const PAGE_CACHE = '2g';
const CLASSPATH_FILE = new URL('../../.neo4j/classpath.txt', import.meta.url).pathname;

export interface BenchNeo4j {
  uri: string;
  /** The project's Database on it (10 min query timeout: planning a million items is slow). */
  db: Database;
  dispose(): Promise<void>;
}

/** Starts an empty local Neo4j with the schema applied; `dispose` stops it and removes its files. */
export async function startBenchNeo4j(name: string): Promise<BenchNeo4j> {
  const home = mkdtempSync(join(tmpdir(), `faction-atlas-bench-${name}-`));
  const boltPort = await freePort();
  const server = await startLocalServer({
    home,
    boltPort,
    password: BENCH_PASSWORD,
    heapMb: HEAP_MB,
    pageCache: PAGE_CACHE,
    classpathFile: CLASSPATH_FILE,
    log: () => {},
  });
  const db = new Database({
    uri: server.uri,
    user: 'neo4j',
    password: BENCH_PASSWORD,
    database: 'neo4j',
    queryTimeoutMs: 600_000,
  });
  await db.applySchema();
  return {
    uri: server.uri,
    db,
    async dispose() {
      await db.close();
      await server.stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
