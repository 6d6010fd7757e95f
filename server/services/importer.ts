/**
 * The import pipeline: check a whole file, then write it. A file of at most COMMIT_ROWS items is
 * written in ONE write transaction as UNWIND batches, so that either everything lands or nothing does,
 * and readers see it whole. A larger file is written in committed batches under an import job
 * (importBatched.ts), resumable after a crash and undoable by its id (importRollback.ts).
 *
 * The schema is checked first, without the database; the checks against the database
 * (importChecks.ts) run inside a write transaction after it has taken the import lock, so two imports
 * at once (in one process or several) run one after the other and neither can leave an id with two
 * labels or on two relationships; a batched job's lease keeps others waiting between its batches.
 * MERGE on id, and SET only where something differs, make a second import of the same file a no-op.
 * Every graph node and relationship is stored with its valid time (importValidTime.ts), and a node's
 * new lifetime moves its stored relationships.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImportFile } from '../../contract/importFile.ts';
import type { ImportResponse } from '../../contract/api.ts';
import type { Actor } from '../auth/actor.ts';
import type { Database } from '../db/database.ts';
import { recordAudit } from './audit.ts';
import { COMMIT_ROWS, importInBatches, whenFree } from './importBatched.ts';
import { ImportConflict, ImportRejected, planImport } from './importChecks.ts';
import { checkLease } from './importJobs.ts';
import { importAudit, writeRetimed, writeRows } from './importRows.ts';
import { validImportJson } from './importStream.ts';
import { validImportFile } from './importValidation.ts';

export { ImportConflict, ImportRejected };
export { AUDIT_IDS_CAP, BATCH_SIZE, importAudit } from './importRows.ts';
export { COMMIT_ROWS } from './importBatched.ts';

/** A one-transaction import gets far longer than a read's timeout. */
export const IMPORT_TIMEOUT_MS = 30 * 60_000;

/** Called after each statement with the items written so far and the file's total (sources + nodes + relationships). */
export type ProgressListener = (done: number, total: number) => void;

/** How an import is run beyond its file. */
export interface ImportOptions {
  /** The file on this server's disk (the command line), so a batched job can be resumed from it. */
  path?: string;
  fileName?: string;
  /** Where an uploaded file too large for one transaction is kept until its job ends. */
  spoolDir?: string;
  /** Called once a batched job is recorded, before its first batch; never for a one-transaction import. */
  onStarted?: (jobId: string) => void;
  leaseMs?: number;
  /** Items per committed batch, and the size above which a file is written in batches (COMMIT_ROWS). */
  commitRows?: number;
}

/**
 * Checks `input` whole and writes it. `input` is a parsed JSON value, or the bytes of a JSON text (an
 * upload), which are parsed as they are checked (importStream.ts). Returns what the file held and
 * what changed (counters summed over the statements; all zero when the database already held exactly
 * this), and the job id when it was written in batches.
 * Errors: ImportRejected (400 INVALID_IMPORT) for a file with problems, ImportConflict (409
 * IMPORT_CONFLICT) for one that conflicts with the database, both with the first 100 problems and their
 * paths in `details` (`detailsTruncated` when there are more; importValidation.ts), and nothing written;
 * the database's own failures as db/database.ts translates them.
 * With an `actor` (an import through the API or the command line), its transactions carry their
 * username in their metadata, and its audit entry is written in the transaction that completes it
 * (importAudit): a refused import leaves none. Without one (the seed), neither.
 */
export async function importGraph(
  db: Database,
  input: unknown | Uint8Array,
  onProgress?: ProgressListener,
  actor?: Actor,
  options: ImportOptions = {},
): Promise<ImportResponse> {
  const file = input instanceof Uint8Array ? await validImportJson(input) : await validImportFile(input);
  const total = file.sources.length + file.nodes.length + file.relationships.length;
  const commitRows = options.commitRows ?? COMMIT_ROWS;
  if (total > commitRows) {
    const bytes = input instanceof Uint8Array ? input : Buffer.from(JSON.stringify(input));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    let path = options.path ?? null;
    const spooled =
      !path && options.spoolDir ? join(options.spoolDir, `${sha256}-${randomBytes(4).toString('hex')}.json`) : null;
    if (spooled) {
      await mkdir(options.spoolDir!, { recursive: true });
      await writeFile(spooled, bytes);
      path = spooled;
    }
    let started = false;
    try {
      const result = await importInBatches(db, file, {
        sha256,
        path,
        spooled: spooled !== null,
        fileName: options.fileName ?? null,
        commitRows,
        ...(actor ? { actor } : {}),
        ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
        ...(onProgress ? { onProgress } : {}),
        onStarted: (id) => {
          started = true;
          options.onStarted?.(id);
        },
      });
      if (spooled) await rm(spooled, { force: true });
      return result;
    } catch (error) {
      // Refused before its job was recorded: nothing will resume it, so its upload goes. A job cut off
      // keeps it (importRunner.ts resumes from it; the job's end removes it).
      if (spooled && !started) await rm(spooled, { force: true });
      throw error;
    }
  }
  const changes = await whenFree(() => writeWhole(db, file, total, onProgress, actor));
  return { sources: file.sources.length, nodes: file.nodes.length, relationships: file.relationships.length, changes };
}

/** A file of at most COMMIT_ROWS items in one transaction, committed whole for readers (db/commitGate.ts). */
function writeWhole(db: Database, file: ImportFile, total: number, onProgress?: ProgressListener, actor?: Actor) {
  return db.write(
    'import',
    async (tx) => {
      await tx.run('importLock');
      await checkLease(tx);
      const plan = await planImport(tx, file);
      let done = 0;
      // Counted afresh in every attempt: after a transient error the driver runs this function again.
      const counted = await writeRows(
        tx,
        file,
        plan,
        0,
        (rows) => {
          done += rows;
          onProgress?.(done, total);
        },
        actor?.username ?? null,
      );
      const retimed = await writeRetimed(tx, plan.retimed);
      counted.propertiesSet += retimed.propertiesSet;
      await tx.run('importUnlock');
      if (actor) await recordAudit(tx, actor, importAudit(file, counted));
      return counted;
    },
    { timeoutMs: IMPORT_TIMEOUT_MS, wholeForReaders: true, ...(actor ? { user: actor.username } : {}) },
  );
}
