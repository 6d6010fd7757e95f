/**
 * The real app for end-to-end tests, in-process: the seed loaded into the run's Neo4j, createApp()
 * listening on a free port on 127.0.0.1, serving the client that `npm run build` left in dist/client
 * (this builds nothing; `npm test` builds before vitest runs).
 */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { createApp } from '../../server/app.ts';
import type { Database } from '../../server/db/database.ts';
import { freshSeededDatabase } from './fixtures.ts';

export interface AppServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
}

const BUILT_CLIENT = fileURLToPath(new URL('../../dist/client/index.html', import.meta.url));

export async function startAppServer(db: Database): Promise<AppServer> {
  if (!existsSync(BUILT_CLIENT)) {
    throw new Error('dist/client is missing: run `npm run build` before the end-to-end tests');
  }
  await freshSeededDatabase(db);
  const app = createApp({ db, logger: pino({ level: 'silent' }) });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
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
