/**
 * The process: read the configuration, reach (or start and supervise) Neo4j, apply the schema, derive
 * the valid time older data lacks, seed an empty database, serve the API and the built client
 * (server/http.ts), and shut everything down on SIGINT/SIGTERM.
 */
import { pino } from 'pino';
import pretty from 'pino-pretty';
import type { Server } from 'node:http';
import { createApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { loadAllCypher } from './db/cypher.ts';
import { serve } from './http.ts';
import { connect } from './neo4j/connect.ts';
import { LocalServerError } from './neo4j/localServer.ts';
import { purgeDeletedInvestigations } from './services/investigations.ts';
import { prepareStoredData } from './services/seed.ts';
import { refreshSearchKeys } from './services/searchKeys.ts';

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
    trustProxy: config.TRUST_PROXY,
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
