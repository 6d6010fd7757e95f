/**
 * The app the client benchmarks draw in: a throwaway Neo4j with the seed (tests/support), the
 * project's app on a free local port, serving the built client (`clientDir`, default dist/client).
 * Stopped with Ctrl+C or a kill (a timeout), the throwaway Neo4j goes too.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createApp } from '../../server/app.ts';
import { serve } from '../../server/http.ts';
import { freshSeededDatabase } from '../../tests/support/fixtures.ts';
import { startTestNeo4j, testDatabase } from '../../tests/support/neo4j.ts';

/** Runs `work` with the app's base URL (http://127.0.0.1:PORT), then stops the app and its Neo4j. */
export async function withSeededApp<T>(work: (url: string) => Promise<T>, clientDir?: string): Promise<T> {
  const neo = await startTestNeo4j();
  const db = testDatabase(neo);
  let server: Server | null = null;
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void neo.dispose().finally(() => process.exit(130)));
  try {
    await freshSeededDatabase(db);
    const app = createApp({ db, logger: pino({ level: 'silent' }), ...(clientDir ? { clientDir } : {}) });
    server = await serve(app, { port: 0, host: '127.0.0.1' });
    return await work(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    if (server) {
      server.closeAllConnections();
      await new Promise((r) => server?.close(r));
    }
    await db.close();
    await neo.dispose();
  }
}
