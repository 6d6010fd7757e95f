/**
 * The process: read the configuration, reach (or start and supervise) Neo4j, apply the schema, derive
 * the valid time older data lacks, seed an empty database, serve the API and the built client
 * (server/http.ts), and shut everything down on SIGINT/SIGTERM.
 */
import { type Logger, pino } from 'pino';
import pretty from 'pino-pretty';
import type { Server } from 'node:http';
import { createApp } from './app.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import type { Database } from './db/database.ts';
import { loadAllCypher } from './db/cypher.ts';
import { serve } from './http.ts';
import { connect } from './neo4j/connect.ts';
import { LocalServerError } from './neo4j/localServer.ts';
import { adoptLocalInvestigations } from './services/investigationSharing.ts';
import { purgeDeletedInvestigations } from './services/investigations.ts';
import { resumeInterruptedImports } from './services/importRunner.ts';
import { prepareStoredData } from './services/seed.ts';
import { refreshSearchKeys } from './services/searchKeys.ts';
import { purgeExpiredSessions, type SessionLifetimes } from './services/sessions.ts';
import { bootstrapAdmin, getUser, migrateUsernameKeys } from './services/users.ts';

async function main() {
  const config = loadConfig();
  // A person at a terminal reads lines; anything else (a file, Docker, a log shipper) gets JSON lines.
  const destination = process.stdout.isTTY ? pretty({ colorize: true, ignore: 'pid,hostname,app' }) : undefined;
  const logger = pino({ level: config.LOG_LEVEL, base: { app: 'faction-atlas' } }, destination);
  loadAllCypher();

  const connection = await connect(config, (line, level = 'info') => logger[level](line));
  const { db } = connection;
  await db.verifyConnectivity();
  await db.applySchema();
  const { derived, seeded } = await prepareStoredData(db, { seed: config.SEED_ON_START });
  if (derived.nodes + derived.relationships > 0) logger.info({ derived }, 'valid time derived for older data');
  if (seeded) logger.info('seed dataset imported');
  const purged = await purgeDeletedInvestigations(db);
  if (purged > 0) logger.info({ purged }, 'investigations deleted more than 30 days ago purged');
  const refreshed = await refreshSearchKeys(db);
  if (refreshed > 0) logger.info({ refreshed }, 'search keys refolded for older data');
  const sessionLifetimes = {
    idleMs: config.SESSION_IDLE_HOURS * 3600_000,
    maxMs: config.SESSION_MAX_DAYS * 24 * 3600_000,
  };
  if (config.AUTH === 'on') await prepareAccounts(db, config, sessionLifetimes, logger);
  else logger.warn('sign-in is off (AUTH=off): everyone who reaches this port acts as the local admin');

  const app = createApp({
    db,
    logger,
    requestLimits: {
      importMaxBytes: config.IMPORT_MAX_BYTES,
      importMaxInflateRatio: config.IMPORT_MAX_INFLATE_RATIO,
      jsonMaxBytes: config.JSON_MAX_BYTES,
      investigationMaxBytes: config.INVESTIGATION_MAX_BYTES,
    },
    investigationWriteQueue: {
      running: config.INVESTIGATION_WRITES_RUNNING,
      waiting: config.INVESTIGATION_WRITES_WAITING,
    },
    importBatches: {
      spoolDir: config.IMPORT_SPOOL_DIR,
      commitRows: config.IMPORT_COMMIT_ROWS,
      leaseMs: config.IMPORT_LEASE_MS,
    },
    trustProxy: config.TRUST_PROXY,
    allowedHosts: config.ALLOWED_HOSTS,
    auth: {
      mode: config.AUTH,
      sessionLifetimes,
      rateLimits: {
        signInWindowMs: config.SIGN_IN_WINDOW_MINUTES * 60_000,
        signInFailuresPerUser: config.SIGN_IN_FAILURES_PER_USER,
        signInFailuresPerAddress: config.SIGN_IN_FAILURES_PER_ADDRESS,
        writesPerMinute: config.WRITES_PER_MINUTE,
      },
    },
    consoleLimits: {
      timeoutMs: config.NEO4J_CONSOLE_TIMEOUT_MS,
      rowCap: config.CONSOLE_ROW_CAP,
      maxRunning: config.CONSOLE_MAX_RUNNING,
      maxRunningPerAnalyst: config.CONSOLE_MAX_RUNNING_PER_CLIENT,
    },
  });
  let server: Server;
  try {
    server = await serve(app, { port: config.PORT, host: config.HOST });
  } catch (error) {
    logger.fatal({ err: error }, 'cannot listen');
    await connection.close();
    process.exit(1);
  }
  logger.info(
    { url: `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}` },
    'Faction Atlas is up',
  );
  // Imports a crash or an outage cut off go on from their last committed batch (services/importRunner.ts).
  const resuming = await resumeInterruptedImports(db, logger);
  if (resuming.length) logger.info({ jobs: resuming }, 'resuming interrupted imports');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server.close();
    server.closeAllConnections();
    await connection.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/**
 * With sign-in on: the lower-case keys of users made before usernames were one whatever their case,
 * the first admin when there is no user yet (its generated password printed once),
 * the investigations of the sign-in-less `local` user (and older unowned ones) handed to that admin,
 * and sessions that expired while the server was down deleted.
 */
async function prepareAccounts(
  db: Database,
  config: Config,
  lifetimes: SessionLifetimes,
  logger: Logger,
): Promise<void> {
  const clashes = await migrateUsernameKeys(db);
  if (clashes.length > 0) {
    logger.warn({ usernames: clashes }, 'users differing from older ones only by case: rename or delete them');
  }
  const admin = await bootstrapAdmin(db, { username: config.ADMIN_USERNAME, password: config.ADMIN_PASSWORD });
  if (admin.created) logger.info({ username: admin.username }, 'first admin created');
  if (admin.generatedPassword) {
    // Once, to the operator: it is stored only as a hash, and a password change replaces it.
    logger.warn(
      `first admin "${admin.username}" created with the generated password ${admin.generatedPassword} ` +
        '(shown only now: sign in and change it, or set ADMIN_PASSWORD before the first start)',
    );
  }
  const owner = await getUser(db, config.ADMIN_USERNAME);
  if (owner?.role === 'admin') {
    const adopted = await adoptLocalInvestigations(db, owner.username);
    if (adopted > 0)
      logger.info({ adopted, owner: owner.username }, 'investigations made without sign-in handed to the admin');
  }
  const purged = await purgeExpiredSessions(db, lifetimes);
  if (purged > 0) logger.info({ purged }, 'expired sessions deleted');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof LocalServerError) {
    process.stderr.write(`\n${error.message}\n\n`);
  } else {
    process.stderr.write(
      `\nFaction Atlas could not start: ${error instanceof Error ? error.stack : String(error)}\n\n`,
    );
  }
  process.exit(1);
});
