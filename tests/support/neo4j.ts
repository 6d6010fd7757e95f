/**
 * The real Neo4j every integration and end-to-end test runs against, set up one way for all of them:
 * testcontainers' Neo4j module when a container engine answers, else the project's own local Neo4j
 * server (server/neo4j/localServer.ts) on a free port with a throwaway data directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../../server/db/database.ts';
import { type LocalServerOptions, NEO4J_VERSION, startLocalServer } from '../../server/neo4j/localServer.ts';
import { type SupervisedServer, superviseLocalServer } from '../../server/neo4j/supervisor.ts';

export interface TestNeo4j {
  uri: string;
  user: string;
  password: string;
  /** Stops the server; for the database-down test, `restart` brings it back on the same port and data. */
  stop(): Promise<void>;
  restart(): Promise<void>;
  dispose(): Promise<void>;
  how: 'testcontainers' | 'local server';
}

const PASSWORD = 'test-password';
const CLASSPATH_FILE = new URL('../../.neo4j/classpath.txt', import.meta.url).pathname;

export async function startTestNeo4j(): Promise<TestNeo4j> {
  return (await tryContainer()) ?? (await startLocalTestNeo4j());
}

async function tryContainer(): Promise<TestNeo4j | null> {
  const { getContainerRuntimeClient } = await import('testcontainers');
  try {
    await getContainerRuntimeClient();
  } catch {
    return null; // no container engine here: fall back to the local server
  }
  const { Neo4jContainer } = await import('@testcontainers/neo4j');
  // The same LOAD CSV lock-down as the local server's neo4j.conf (server/neo4j/localServer.ts).
  const container = await new Neo4jContainer(`neo4j:${NEO4J_VERSION}-community`)
    .withPassword(PASSWORD)
    .withEnvironment({
      NEO4J_dbms_security_allow__csv__import__from__file__urls: 'false',
      NEO4J_internal_dbms_cypher__ip__blocklist: '0.0.0.0/0,::/0',
    })
    .start();
  return {
    uri: container.getBoltUri(),
    user: 'neo4j',
    password: PASSWORD,
    how: 'testcontainers',
    stop: async () => {
      await container.stop();
    },
    restart: () => Promise.reject(new Error('restart is only supported on the local server')),
    dispose: async () => {
      await container.stop();
    },
  };
}

/**
 * The project's own local Neo4j on a free port with a throwaway data directory, whatever container
 * engine there is: for the tests that stop it and start it again (`restart`: same port and data).
 */
export async function startLocalTestNeo4j(): Promise<TestNeo4j> {
  const home = mkdtempSync(join(tmpdir(), 'faction-atlas-neo4j-'));
  const boltPort = await freePort();
  const options = { home, boltPort, password: PASSWORD, heapMb: 512, pageCache: '64m', log: () => {} };
  // The jars list is resolved once per machine; reuse the project's if it has one.
  let server = await startLocalServer({ ...options, classpathFile: CLASSPATH_FILE });
  return {
    uri: server.uri,
    user: 'neo4j',
    password: PASSWORD,
    how: 'local server',
    stop: () => server.stop(),
    restart: async () => {
      server = await startLocalServer({ ...options, classpathFile: CLASSPATH_FILE });
    },
    dispose: async () => {
      await server.stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

export function testDatabase(neo: TestNeo4j, queryTimeoutMs = 10_000): Database {
  return new Database({ uri: neo.uri, user: neo.user, password: neo.password, database: 'neo4j', queryTimeoutMs });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Options for a Neo4j of a test's own, to stop, kill or freeze without touching the run's shared one: a
 * fresh home under the system's temp folder (named after `name`; the caller removes it), a free port, a
 * 512 MB heap, the project's jar list.
 */
export async function ownServerOptions(name: string, password: string): Promise<LocalServerOptions> {
  return {
    home: mkdtempSync(join(tmpdir(), `faction-atlas-${name}-`)),
    boltPort: await freePort(),
    password,
    heapMb: 512,
    pageCache: '64m',
    classpathFile: CLASSPATH_FILE,
    log: () => {},
  };
}

/** A Database on a test's own server (ownServerOptions), as the app would open it: user neo4j, 10 s timeout. */
export function ownServerDatabase(options: LocalServerOptions, extra: { liveness?: boolean } = {}): Database {
  return new Database({
    uri: `bolt://127.0.0.1:${options.boltPort}`,
    user: 'neo4j',
    password: options.password,
    database: 'neo4j',
    queryTimeoutMs: 10_000,
    ...extra,
  });
}

/** A test's own Neo4j under the app's supervisor (restarted when killed), and the Database the app would use on it. */
export interface OwnSupervised {
  options: LocalServerOptions;
  db: Database;
  supervised: SupervisedServer;
  /** Stops the server and removes its home. */
  remove(): Promise<void>;
}

/**
 * Starts a Neo4j of the test's own (ownServerOptions) under server/neo4j/supervisor.ts, with up to
 * `attempts` restarts; the supervisor's lines go to `log`.
 */
export async function ownSupervisedNeo4j(
  name: string,
  password: string,
  { attempts = 3, log = () => {} }: { attempts?: number; log?: (line: string) => void } = {},
): Promise<OwnSupervised> {
  const options = await ownServerOptions(name, password);
  const db = ownServerDatabase(options, { liveness: false });
  const supervised = await superviseLocalServer({
    server: options,
    availability: db.availability,
    startLiveness: () => db.startLiveness(),
    attempts,
    log,
  });
  return {
    options,
    db,
    supervised,
    async remove() {
      await db.close();
      await supervised.stop();
      rmSync(options.home, { recursive: true, force: true });
    },
  };
}
