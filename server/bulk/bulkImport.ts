/**
 * The bulk path for a very large first load (`npm run import -- --bulk FILE`): an import file into an
 * EMPTY local database through Neo4j's own `neo4j-admin database import full`, far faster than any
 * transaction can write, then the schema and what CSV cannot carry. The file is checked exactly as a
 * normal import checks it (validImportJson, then planImport against the database, which also derives
 * the valid time), and written as the normal import would store it (csvFiles.ts), so the database ends
 * the same as after `npm run import -- FILE` (tests/integration/bulkImport.test.ts compares them).
 *
 * The local server around it, owned by this command from the emptiness check to the end:
 *   1. refused at once when NEO4J_URI names another server, or when the local one already runs in
 *      another process (npm start): its files are replaced while it is stopped, which only the
 *      process that runs it can do;
 *   2. started (server/neo4j/localServer.ts), checked empty, the file planned against it, the CSV
 *      written, checked empty again, stopped: while it runs here no other process can open its store,
 *      and one that reaches it over Bolt and writes is caught by the second check;
 *   3. neo4j-admin imports the CSV into its store (neo4j-admin.ts, same jars, same home);
 *   4. started again: the schema (db.applySchema, then every index built), the empty lists, a count of
 *      what it holds against the file, the audit entry; stopped. `npm start` then serves it.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ImportFile } from '../../contract/importFile.ts';
import type { Actor } from '../auth/actor.ts';
import type { Config } from '../config.ts';
import { Database } from '../db/database.ts';
import { boltAnswers } from '../db/serverAdmin.ts';
import { AppError } from '../errors.ts';
import { type LocalServerOptions, startLocalServer } from '../neo4j/localServer.ts';
import { recordAudit } from '../services/audit.ts';
import { type ImportPlan, planImport } from '../services/importChecks.ts';
import { validImportJson } from '../services/importStream.ts';
import { writeCsvFiles } from './csvFiles.ts';
import { runAdminImport } from './neo4jAdmin.ts';

/** 409 BULK_REFUSED: the bulk path cannot load this database (not the local one, running elsewhere, not empty). */
export class BulkRefused extends AppError {
  constructor(message: string) {
    super(409, 'BULK_REFUSED', message);
  }
}

export interface BulkImportOptions {
  /** The import file (contract/importFile.ts). */
  path: string;
  config: Pick<
    Config,
    | 'NEO4J_URI'
    | 'NEO4J_LOCAL_HOME'
    | 'NEO4J_LOCAL_BOLT_PORT'
    | 'NEO4J_PASSWORD'
    | 'NEO4J_DATABASE'
    | 'NEO4J_QUERY_TIMEOUT_MS'
  >;
  /** Who runs it: the audit entry names them (none without). */
  actor?: Pick<Actor, 'username' | 'address'>;
  /** Where the resolved jars list is kept (default: the local home's). */
  classpathFile?: string;
  /** Progress lines (stages, and the importer's own output). */
  log: (line: string) => void;
}

export interface BulkImportSummary {
  sources: number;
  nodes: number;
  relationships: number;
  csvBytes: number;
  /** Seconds per stage: checks and CSV with the server up, neo4j-admin, schema and the rest after. */
  seconds: { check: number; csv: number; admin: number; schema: number; total: number };
}

/** Long transactions of the bulk path (planning a million items, waiting for indexes): 30 minutes. */
const LONG_MS = 30 * 60_000;
/** Rows per transaction when the empty lists are set. */
const LIST_BATCH = 10_000;
/** Ids an audit entry lists (as importRows.ts AUDIT_IDS_CAP). */
const AUDIT_IDS = 1_000;

/**
 * Loads the file at `options.path` into the empty local database. Throws BulkRefused (409) as above,
 * ImportRejected (400) / ImportConflict (409) for a file the normal import would refuse (nothing is
 * written), AdminImportFailed when neo4j-admin fails, LocalServerError when the server will not start.
 */
export async function bulkImport(options: BulkImportOptions): Promise<BulkImportSummary> {
  const { config, log } = options;
  const started = performance.now();
  const lap = lapTimer();
  if (config.NEO4J_URI) {
    throw new BulkRefused(
      'NEO4J_URI is set: the bulk import only loads the local Neo4j this project runs (it replaces its store ' +
        'files while it is stopped). Unset NEO4J_URI, or import into that server with npm run import -- FILE.',
    );
  }
  const uri = `bolt://127.0.0.1:${config.NEO4J_LOCAL_BOLT_PORT}`;
  if (await boltAnswers(uri)) {
    throw new BulkRefused(
      `A Neo4j already answers at ${uri} (npm start, or another command?). Stop it first: the bulk import ` +
        'replaces the local database while the server is stopped, and starts it again itself.',
    );
  }
  const file = await validImportJson(readFileSync(options.path));
  const home = resolve(config.NEO4J_LOCAL_HOME);
  const server: LocalServerOptions = {
    home,
    boltPort: config.NEO4J_LOCAL_BOLT_PORT,
    password: config.NEO4J_PASSWORD,
    heapMb: 1024,
    log,
    ...(options.classpathFile ? { classpathFile: options.classpathFile } : {}),
  };
  const csvDir = join(home, 'bulk-import');
  rmSync(csvDir, { recursive: true, force: true });
  const seconds = { check: 0, csv: 0, admin: 0, schema: 0, total: 0 };
  let csvBytes = 0;

  try {
    log(`Checking that the local database in ${home} is empty, and the file against it…`);
    const csv = await withLocalServer(server, config, async (db) => {
      await refuseUnlessEmpty(db, home);
      const plan: ImportPlan = await db.read('bulk-plan', (tx) => planImport(tx, file), { timeoutMs: LONG_MS });
      seconds.check = lap();
      log(`Writing CSV files into ${csvDir}…`);
      const written = writeCsvFiles(file, plan, csvDir);
      seconds.csv = lap();
      // Anyone who reached this server over Bolt meanwhile and wrote to it would lose that: refuse instead.
      await refuseUnlessEmpty(db, home);
      return written;
    });
    log(`Wrote ${(csv.bytes / 1e6).toFixed(1)} MB of CSV; running neo4j-admin database import full…`);
    lap();
    await runAdminImport({
      home,
      ...(options.classpathFile ? { classpathFile: options.classpathFile } : {}),
      database: config.NEO4J_DATABASE,
      files: csv,
      reportFile: join(csvDir, 'import.report'),
      log,
    });
    seconds.admin = lap();
    csvBytes = csv.bytes;

    log('Imported; starting Neo4j again to apply the schema…');
    await withLocalServer(server, config, async (db) => {
      await applySchemaFully(db);
      for (let i = 0; i < csv.emptyLists.length; i += LIST_BATCH) {
        const rows = csv.emptyLists.slice(i, i + LIST_BATCH);
        await db.write('bulk-empty-lists', (tx) => tx.run('bulkEmptyLists', { rows }), { timeoutMs: LONG_MS });
      }
      const held = await counts(db);
      const expected = { nodes: file.sources.length + file.nodes.length, relationships: file.relationships.length };
      if (held.nodes !== expected.nodes || held.relationships !== expected.relationships) {
        throw new Error(
          `The database holds ${held.nodes} nodes and ${held.relationships} relationships after the bulk import, ` +
            `but the file has ${expected.nodes} and ${expected.relationships}`,
        );
      }
      if (options.actor) {
        const actor = options.actor;
        await db.write('bulk-audit', (tx) => recordAudit(tx, actor, bulkAudit(file)), { user: actor.username });
      }
    });
    seconds.schema = lap();
  } finally {
    // The CSV is a copy of the file in another form: never left behind, whatever happened.
    rmSync(csvDir, { recursive: true, force: true });
  }
  seconds.total = (performance.now() - started) / 1000;
  return {
    sources: file.sources.length,
    nodes: file.nodes.length,
    relationships: file.relationships.length,
    csvBytes,
    seconds,
  };
}

/** Starts the local server, runs `work` on a Database of it, and stops it whatever happened. */
async function withLocalServer<T>(
  options: LocalServerOptions,
  config: BulkImportOptions['config'],
  work: (db: Database) => Promise<T>,
): Promise<T> {
  const server = await startLocalServer(options);
  const db = new Database({
    uri: server.uri,
    user: 'neo4j',
    password: config.NEO4J_PASSWORD,
    database: config.NEO4J_DATABASE,
    queryTimeoutMs: config.NEO4J_QUERY_TIMEOUT_MS,
    liveness: false,
  });
  try {
    return await work(db);
  } finally {
    await db.close();
    await server.stop();
  }
}

async function counts(db: Database): Promise<{ nodes: number; relationships: number }> {
  const result = await db.read('bulk-counts', (tx) => tx.run('bulkCounts'));
  const row = result.records[0]!;
  return { nodes: Number(row.get('nodes')), relationships: Number(row.get('relationships')) };
}

async function refuseUnlessEmpty(db: Database, home: string): Promise<void> {
  const held = await counts(db);
  if (held.nodes > 0 || held.relationships > 0) {
    throw new BulkRefused(
      `The local database in ${home} is not empty (${held.nodes} nodes, ${held.relationships} relationships): ` +
        'the bulk import replaces a whole database, so it only loads an empty one. Add to it with ' +
        'npm run import -- FILE, or point NEO4J_LOCAL_HOME at a new folder.',
    );
  }
}

/**
 * The schema (cypher/schema.cypher) on the imported data. applySchema waits 60 s for the indexes,
 * which a million imported items can outlast while they are built: then wait on, up to LONG_MS.
 */
async function applySchemaFully(db: Database): Promise<void> {
  try {
    await db.applySchema();
  } catch (error) {
    if (!/await|timed? ?out|online/i.test(error instanceof Error ? error.message : String(error))) throw error;
  }
  await db.read('bulk-indexes', (tx) => tx.run('bulkAwaitIndexes', { seconds: LONG_MS / 1000 }), {
    timeoutMs: LONG_MS + 60_000,
  });
}

/** The audit entry of a bulk import: action import, the first ids, the totals. */
function bulkAudit(file: ImportFile) {
  const all = [...file.nodes, ...file.relationships, ...file.sources].map((x) => x.id);
  const ids = all.slice(0, AUDIT_IDS);
  return {
    action: 'import' as const,
    ids,
    detail:
      `bulk import (neo4j-admin): ${file.nodes.length} nodes, ${file.relationships.length} relationships, ` +
      `${file.sources.length} sources${all.length > ids.length ? `; ids: the first ${ids.length} of ${all.length}` : ''}`,
  };
}

/** Seconds since the last call (or since it was made). */
function lapTimer(): () => number {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const seconds = (now - last) / 1000;
    last = now;
    return seconds;
  };
}
