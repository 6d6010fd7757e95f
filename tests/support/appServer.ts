/**
 * The real app for end-to-end and resilience tests, in-process: the seed loaded into the run's Neo4j,
 * createApp() served by server/http.ts (the production server and its limits) on a free port on
 * 127.0.0.1, serving the client that `npm run build` left in dist/client (this builds nothing; `npm test`
 * builds before vitest runs).
 */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { type AppOptions, createApp } from '../../server/app.ts';
import type { Database } from '../../server/db/database.ts';
import { serve } from '../../server/http.ts';
import { afterAll, beforeAll } from 'vitest';
import { connectTestDatabase, freshSeededDatabase } from './fixtures.ts';

export interface AppServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
}

const BUILT_CLIENT = fileURLToPath(new URL('../../dist/client/index.html', import.meta.url));

/**
 * Seeds the database and serves the app on it. `options` go to createApp (limits, queue sizes);
 * `client: false` serves the API alone, for tests that need no built client.
 */
export async function startAppServer(
  db: Database,
  options: Partial<Omit<AppOptions, 'db' | 'logger'>> & { client?: boolean } = {},
): Promise<AppServer> {
  const { client = true, ...appOptions } = options;
  if (client && !existsSync(BUILT_CLIENT)) {
    throw new Error('dist/client is missing: run `npm run build` before the end-to-end tests');
  }
  await freshSeededDatabase(db);
  const app = createApp({ db, logger: pino({ level: 'silent' }), ...appOptions });
  const server: Server = await serve(app, { port: 0, host: '127.0.0.1' });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/**
 * A test file's API (no client) over a freshly seeded database, started before its tests and closed
 * after them: `url()` and `db()` answer once it is up. For the resilience files, which speak raw HTTP.
 */
export function servedApi(): { url: () => string; db: () => Database } {
  let db: Database;
  let app: AppServer;
  beforeAll(async () => {
    db = connectTestDatabase();
    app = await startAppServer(db, { client: false });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });
  return { url: () => app.url, db: () => db };
}
