/**
 * The Express app, apart from the process that runs it (main.ts), so tests drive it with supertest.
 * Request path: routes (HTTP: parse, validate, respond) → services (one per capability) →
 * db/database.ts (driver, transactions) → cypher/*.cypher.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import type { Database } from './db/database.ts';
import { errorHandler, unknownRoute } from './errors.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { explorationRoutes } from './routes/exploration.ts';
import { graphRoutes } from './routes/graph.ts';
import { importRoutes } from './routes/import.ts';
import { consoleRoutes } from './routes/console.ts';
import { sourceRoutes } from './routes/sources.ts';
import { DEFAULT_CONSOLE_LIMITS, type ConsoleLimits } from './services/console.ts';

export interface AppOptions {
  db: Database;
  logger: Logger;
  /** Largest accepted JSON body (imports). */
  maxBodyBytes?: number;
  /** The built client; served when present. */
  clientDir?: string;
  /** Timeout and row cap of console queries (NEO4J_CONSOLE_TIMEOUT_MS, CONSOLE_ROW_CAP). */
  consoleLimits?: ConsoleLimits;
}

const DEFAULT_CLIENT_DIR = fileURLToPath(new URL('../dist/client/', import.meta.url));

export function createApp({
  db,
  logger,
  maxBodyBytes = 50 * 1024 * 1024,
  clientDir = DEFAULT_CLIENT_DIR,
  consoleLimits = DEFAULT_CONSOLE_LIMITS,
}: AppOptions) {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      // Only what helps to trace a request; never bodies or credentials.
      serializers: {
        req: (req) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Cytoscape sets inline styles on its container; scripts stay same-origin only.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
        },
      },
    }),
  );
  app.use(express.json({ limit: maxBodyBytes }));

  const openApi = buildOpenApiDocument();
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  app.use('/api', graphRoutes(db));
  app.use('/api', explorationRoutes(db));
  app.use('/api', sourceRoutes(db));
  app.use('/api', importRoutes(db));
  app.use('/api', consoleRoutes(db, consoleLimits));
  app.use('/api', unknownRoute);

  if (existsSync(clientDir)) app.use(express.static(clientDir));
  app.use(unknownRoute);
  app.use(errorHandler);
  return app;
}
