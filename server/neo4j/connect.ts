/**
 * Which Neo4j the app talks to: NEO4J_URI when set (a server, a cluster via neo4j://, Aura), else a
 * local Neo4j Community server this process starts and stops (localServer.ts).
 */
import type { Config } from '../config.ts';
import { Database } from '../db/database.ts';
import { boltAnswers } from '../db/serverAdmin.ts';
import { superviseLocalServer } from './supervisor.ts';

export interface Connection {
  db: Database;
  /** Closes the driver, and stops the local server when this process started it. */
  close(): Promise<void>;
}

export async function connect(
  config: Config,
  log: (line: string, level?: 'info' | 'warn' | 'error') => void,
): Promise<Connection> {
  const options = {
    user: config.NEO4J_USER,
    password: config.NEO4J_PASSWORD,
    database: config.NEO4J_DATABASE,
    queryTimeoutMs: config.NEO4J_QUERY_TIMEOUT_MS,
  };
  if (config.NEO4J_URI) {
    const db = new Database({ ...options, uri: config.NEO4J_URI });
    return { db, close: () => db.close() };
  }
  const localUri = `bolt://127.0.0.1:${config.NEO4J_LOCAL_BOLT_PORT}`;
  if (await boltAnswers(localUri)) {
    // The local server of another process of ours (npm start while `npm run import` runs): share it.
    log(`Using the Neo4j already running at ${localUri}.`);
    const db = new Database({ ...options, user: 'neo4j', uri: localUri });
    return { db, close: () => db.close() };
  }
  // The local server has the one user neo4j, whatever NEO4J_USER says. Its probe starts once it is up.
  const db = new Database({ ...options, user: 'neo4j', uri: localUri, liveness: false });
  const server = await superviseLocalServer({
    server: {
      home: config.NEO4J_LOCAL_HOME,
      boltPort: config.NEO4J_LOCAL_BOLT_PORT,
      password: config.NEO4J_PASSWORD,
      // An import is one transaction, held in the server's heap until it commits: give it room.
      heapMb: 1024,
      log,
    },
    availability: db.availability,
    startLiveness: () => db.startLiveness(),
    attempts: config.NEO4J_RESTART_ATTEMPTS,
    log,
  });
  return {
    db,
    async close() {
      await db.close();
      await server.stop();
    },
  };
}
