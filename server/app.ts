/**
 * The Express app, apart from the process that runs it (main.ts), so tests drive it with supertest.
 * Request path: routes (HTTP: parse, validate, respond) → services (one per capability) →
 * db/database.ts (driver, transactions) → cypher/*.cypher.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import cookieParser from 'cookie-parser';
import express from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import { routePolicy } from './auth/policy.ts';
import { sessionMiddleware } from './auth/sessions.ts';
import type { Database } from './db/database.ts';
import { transactionsRunAs } from './db/transactionUser.ts';
import { actorOf, signedIn } from './auth/actor.ts';
import { errorHandler, unknownRoute } from './errors.ts';
import { crossSiteCheck } from './middleware/crossSite.ts';
import { hostCheck, LOOPBACK_HOSTS } from './middleware/hostCheck.ts';
import { type ImportQueue, importUploads } from './middleware/importUpload.ts';
import { type InvestigationWriteQueue, investigationWrites } from './middleware/investigationWrites.ts';
import {
  DEFAULT_REQUEST_LIMITS,
  jsonBodies,
  limitUrlLength,
  refuseBodyOnReadMethods,
  type RequestLimits,
} from './middleware/requestLimits.ts';
import {
  DEFAULT_RATE_LIMITS,
  passwordChangeLimit,
  type RateLimits,
  signInLimits,
  writeLimit,
} from './middleware/rateLimits.ts';
import { securityHeaders } from './middleware/securityHeaders.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { explorationRoutes } from './routes/exploration.ts';
import { graphRoutes } from './routes/graph.ts';
import { type ImportBatchOptions, importRoutes } from './routes/import.ts';
import { importJobRoutes } from './routes/importJobs.ts';
import { matchingRoutes } from './routes/matching.ts';
import { curationRoutes } from './routes/curation.ts';
import { consoleRoutes } from './routes/console.ts';
import { entityRoutes } from './routes/entities.ts';
import { investigationRoutes } from './routes/investigations.ts';
import { auditRoutes } from './routes/audit.ts';
import { sessionRoutes } from './routes/session.ts';
import { sourceRoutes } from './routes/sources.ts';
import { userRoutes } from './routes/users.ts';
import { DEFAULT_CONSOLE_LIMITS, type ConsoleLimits } from './services/console.ts';
import { DEFAULT_SESSION_LIFETIMES, type SessionLifetimes } from './services/sessions.ts';

/** Sign-in (issue 10). `mode: 'off'` (or no `auth` option): one local admin, no sessions (auth/actor.ts). */
export interface AuthOptions {
  mode: 'on' | 'off';
  /** SESSION_IDLE_HOURS and SESSION_MAX_DAYS, in milliseconds (default 8 h and 7 days). */
  sessionLifetimes?: Partial<SessionLifetimes>;
  /** Sign-in and write rate limits (SIGN_IN_*, WRITES_PER_MINUTE). */
  rateLimits?: Partial<RateLimits>;
}

/** Accounts' JSON bodies (sign-in, password change, users) are small: 16 KiB is far above any real one. */
const ACCOUNT_MAX_BYTES = 16 * 1024;

export interface AppOptions {
  /** The clock curation writes stamp facts and history with (issue 12); tests pass their own to order changes. */
  now?: () => Date;
  db: Database;
  logger: Logger;
  /**
   * Body limits: IMPORT_MAX_BYTES, IMPORT_MAX_INFLATE_RATIO, JSON_MAX_BYTES, INVESTIGATION_MAX_BYTES
   * (defaults: their defaults).
   */
  requestLimits?: Partial<RequestLimits>;
  /** Imports running at once and waiting (default 1 and 3); more are answered 429. */
  importQueue?: ImportQueue;
  /** Investigation writes running at once and waiting (default 2 and 4); more are answered 429 unread. */
  investigationWriteQueue?: InvestigationWriteQueue;
  /** TRUST_PROXY: believe the X-Forwarded-* headers of the one proxy in front (https, client address). */
  trustProxy?: boolean;
  /** The built client; served when present. */
  clientDir?: string;
  /** Timeout and row cap of console queries (NEO4J_CONSOLE_TIMEOUT_MS, CONSOLE_ROW_CAP). */
  consoleLimits?: ConsoleLimits;
  /** Sign-in; absent: off (every existing caller runs as the local admin). */
  auth?: AuthOptions;
  /**
   * Batched imports: IMPORT_SPOOL_DIR, where uploads written in batches are kept until their job ends
   * (default: under the OS's temp dir), IMPORT_COMMIT_ROWS and IMPORT_LEASE_MS (default their defaults).
   */
  importBatches?: ImportBatchOptions;
  /** ALLOWED_HOSTS: the names the Host header may carry (default the loopback ones); others get 421. */
  allowedHosts?: readonly string[];
}

const DEFAULT_CLIENT_DIR = fileURLToPath(new URL('../dist/client/', import.meta.url));

export function createApp({
  db,
  logger,
  requestLimits,
  importQueue,
  investigationWriteQueue,
  trustProxy = false,
  clientDir = DEFAULT_CLIENT_DIR,
  consoleLimits = DEFAULT_CONSOLE_LIMITS,
  auth = { mode: 'off' },
  allowedHosts = LOOPBACK_HOSTS,
  importBatches = {},
  now = () => new Date(),
}: AppOptions) {
  const limits = { ...DEFAULT_REQUEST_LIMITS, ...requestLimits };
  const authOn = auth.mode === 'on';
  const lifetimes = { ...DEFAULT_SESSION_LIFETIMES, ...auth.sessionLifetimes };
  const rateLimits = { ...DEFAULT_RATE_LIMITS, ...auth.rateLimits };
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // One hop: the proxy's own X-Forwarded-For entry is believed, not what a client wrote before it.
  app.set('trust proxy', trustProxy ? 1 : false);

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
        // A URL may be 128 KiB long before it is refused (http.ts); the log keeps its start.
        req: (req) => ({ id: req.id, method: req.method, url: String(req.url).slice(0, 2048) }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(securityHeaders());
  // Accounts, the audit trail and investigations must not sit in a browser's or a proxy's cache, nor
  // answers that depend on who asks: no /api answer is stored (RFC 9111 §5.2.2.5), errors included.
  app.use('/api', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(hostCheck(allowedHosts));
  app.use(limitUrlLength);
  app.use(refuseBodyOnReadMethods);
  app.use(crossSiteCheck);
  // Who the request acts for (auth/sessions.ts), then what it may reach (auth/policy.ts: the one table
  // of route roles), before any route reads its body: a stranger's 50 MB import is refused unread.
  if (authOn) app.use(cookieParser(), sessionMiddleware(db, lifetimes));
  app.use(routePolicy);
  if (authOn) app.use('/api', writeLimit(rateLimits));
  // The import reads its own body (compressed, up to IMPORT_MAX_BYTES); every other route a small JSON one.
  app.use(
    '/api',
    importRoutes(db, importUploads(limits, importQueue), {
      spoolDir: join(tmpdir(), 'faction-atlas-imports'),
      ...importBatches,
    }),
  );
  // Investigations carry snapshots of thousands of elements: a larger JSON limit of their own, and
  // their writes queued before the body is read (parsing is their memory and event-loop cost).
  app.use('/api/investigations', investigationWrites(investigationWriteQueue));
  app.use('/api/investigations', jsonBodies(limits.investigationMaxBytes, 'INVESTIGATION_MAX_BYTES'));
  app.use(['/api/session', '/api/users'], jsonBodies(ACCOUNT_MAX_BYTES, 'the limit of account requests'));
  app.use(jsonBodies(limits.jsonMaxBytes));
  // Every transaction a route starts carries its user in the metadata (SHOW TRANSACTIONS tells who).
  // A stranger (sign-in on, no session yet) runs as nobody, not as the single-user mode's `local`.
  app.use(transactionsRunAs((req, res) => (authOn && !signedIn(res) ? undefined : actorOf(req, res).username)));

  const openApi = buildOpenApiDocument();
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  app.use(
    '/api',
    sessionRoutes(db, {
      authOn,
      lifetimes,
      signInLimits: signInLimits(rateLimits, db),
      passwordChangeLimits: authOn ? [passwordChangeLimit(rateLimits, db)] : [],
    }),
  );
  app.use('/api', userRoutes(db));
  app.use('/api', auditRoutes(db));
  app.use('/api', importJobRoutes(db, importBatches));
  app.use('/api', graphRoutes(db));
  app.use('/api', explorationRoutes(db));
  app.use('/api', sourceRoutes(db));
  app.use('/api', matchingRoutes(db, now));
  app.use('/api', curationRoutes(db, now));
  app.use('/api', entityRoutes(db));
  app.use('/api', investigationRoutes(db));
  app.use('/api', consoleRoutes(db, consoleLimits));
  app.use('/api', unknownRoute);

  if (existsSync(clientDir)) app.use(express.static(clientDir));
  app.use(unknownRoute);
  app.use(errorHandler);
  return app;
}
