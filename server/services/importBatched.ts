/**
 * The batched import: a file of more than COMMIT_ROWS items is written in committed batches of
 * COMMIT_ROWS under an import job (importJobs.ts), instead of one transaction that would hold a
 * million uncommitted relationships (Neo4j's transaction memory pool runs out below 80,000) and keep
 * one query plan for the whole run. The file is checked whole first, exactly as a one-transaction
 * import is, so a bad file writes nothing. Each batch is idempotent (MERGE on id, SET only where
 * something differs), records its progress and what it overwrote (importUndo.ts) in its own
 * transaction, and checks it still holds the job's lease: a job cut off between batches resumes from
 * its last committed batch, in this process or any other, and ends in the same database.
 *
 * What readers see: batch by batch, as with Neo4j's own `CALL { } IN TRANSACTIONS`; the job's view says
 * how far it is. Imports up to COMMIT_ROWS items stay one transaction, whole or nothing for readers.
 */
import type { ImportFile } from '../../contract/importFile.ts';
import type { ImportResponse } from '../../contract/api.ts';
import type { Actor } from '../auth/actor.ts';
import { type Database, int, type Tx } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from './audit.ts';
import { ImportConflict, type ImportPlan, ImportRejected, planImport } from './importChecks.ts';
import {
  checkLease,
  DEFAULT_LEASE_MS,
  finishJob,
  heartbeat,
  holdsLease,
  ImportBusy,
  newHolder,
  newJobId,
  renewLease,
  takeOver,
} from './importJobs.ts';
import { type Changes, importAudit, noChanges, writeRetimed, writeRows } from './importRows.ts';
import { beforeBatch, digestsNow, encodeUndo } from './importUndo.ts';

/** Items per committed batch. */
export const COMMIT_ROWS = 10_000;

/** How long an import waits for another one's lease before it gives up (409 IMPORT_BUSY). */
const BUSY_WAIT_MS = 30 * 60_000;
/** A batch's transaction timeout: far above what 10,000 items take, far below a whole file's. */
export const BATCH_TIMEOUT_MS = 5 * 60_000;
/** A job's first transaction checks the whole file against the database: a million ids take a while. */
const START_TIMEOUT_MS = 30 * 60_000;

/** How a batched import is run: by whom, on what file, and who hears about it. */
export interface BatchedRun {
  actor?: Actor;
  /** SHA-256 of the file's bytes (hex): a resume must be given the same file. */
  sha256: string;
  /** Where the file can be read again on this server (for a resume at the next start), if anywhere. */
  path: string | null;
  /** The file at `path` is an upload kept for this job: removed when the job ends (done or rolled back). */
  spooled?: boolean;
  fileName: string | null;
  leaseMs?: number;
  /** Items per committed batch (COMMIT_ROWS unless tuned; a resume uses the job's own). */
  commitRows?: number;
  onProgress?: (done: number, total: number) => void;
  /** Called once the job is recorded (its file checked against the database), before any batch. */
  onStarted?: (jobId: string) => void;
  /** How long to wait for another job's live lease before giving up with 409 IMPORT_BUSY (default 30 min). */
  busyWaitMs?: number;
}

/** A batched import's outcome: the job and what changed in the batches this run wrote. */
export interface BatchedResult extends ImportResponse {
  job: string;
}

/** Starts a job for `file` (checked whole against the database first) and writes all its batches. */
export async function importInBatches(db: Database, file: ImportFile, run: BatchedRun): Promise<BatchedResult> {
  const id = newJobId();
  const holder = newHolder();
  const leaseMs = run.leaseMs ?? DEFAULT_LEASE_MS;
  const plan = await whenFree(() =>
    db.write(
      'import-start',
      async (tx) => {
        await tx.run('importLock');
        await checkLease(tx);
        const plan = await planImport(tx, file);
        await retime(tx, id, plan);
        await tx.run('importJobStart', {
          id,
          holder,
          leaseMs: int(leaseMs),
          total: int(totalOf(file)),
          batchSize: int(run.commitRows ?? COMMIT_ROWS),
          by: run.actor?.username ?? 'system',
          fileName: run.fileName,
          sha256: run.sha256,
          path: run.path,
          spooled: run.spooled ?? false,
        });
        if (run.actor) {
          await recordAudit(tx, run.actor, {
            action: 'import.start',
            ids: [id],
            detail: `${file.nodes.length} nodes, ${file.relationships.length} relationships, ${file.sources.length} sources, in batches of ${COMMIT_ROWS}`,
          });
        }
        await tx.run('importUnlock');
        return plan;
      },
      { ...userOf(run), timeoutMs: START_TIMEOUT_MS },
    ),
  );
  run.onStarted?.(id);
  return writeBatches(db, id, holder, file, plan, 0, run);
}

/**
 * Takes over the interrupted job `id` (running, its lease lapsed) for the same `file` and writes the
 * batches it had not committed. 409 IMPORT_NOT_INTERRUPTED when it is not there to take (finished,
 * or taken by another process first). The caller checks the file is the job's (resumeImport).
 */
export async function resumeBatches(
  db: Database,
  id: string,
  file: ImportFile,
  run: BatchedRun,
): Promise<BatchedResult> {
  const leaseMs = run.leaseMs ?? DEFAULT_LEASE_MS;
  const holder = newHolder();
  const { plan, done } = await failedIfRefused(db, id, () =>
    whenFree(
      () =>
        db.write(
          'import-resume',
          async (tx) => {
            const done = await takeOver(
              tx,
              { id, holder, leaseMs },
              ['running'],
              'running',
              new AppError(
                409,
                'IMPORT_NOT_INTERRUPTED',
                `Import ${id} is not waiting to be resumed (it ended, or another process took it)`,
              ),
            );
            // Re-timing was done, and recorded, before the first batch; what is left of it now is nothing.
            const plan = await planImport(tx, file);
            // Planning a large file outlasts a lease: it runs from now, when this transaction commits.
            await renewLease(tx, id, leaseMs);
            await tx.run('importUnlock');
            return { plan, done };
          },
          { ...userOf(run), timeoutMs: START_TIMEOUT_MS },
        ),
      run.busyWaitMs,
    ),
  );
  run.onStarted?.(id);
  return writeBatches(db, id, holder, file, plan, done, run);
}

async function writeBatches(
  db: Database,
  id: string,
  holder: string,
  file: ImportFile,
  plan: ImportPlan,
  from: number,
  run: BatchedRun,
): Promise<BatchedResult> {
  const leaseMs = run.leaseMs ?? DEFAULT_LEASE_MS;
  const total = totalOf(file);
  const size = run.commitRows ?? COMMIT_ROWS;
  const changes = noChanges();
  const stop = heartbeat(db, id, leaseMs);
  try {
    for (let start = from; start < total; start += size) {
      const end = Math.min(total, start + size);
      const counted = await db.write(
        'import-batch',
        async (tx) => {
          await tx.run('importLock');
          if (!(await holdsLease(tx, holder))) throw takenOver(id);
          const slice = sliceOf(file, start, end);
          const nodeIds = [...slice.sources, ...slice.nodes].map((x) => x.id);
          const relationships = slice.relationships.map((r) => ({ id: r.id, type: r.type }));
          const undo = await beforeBatch(tx, nodeIds, relationships);
          // The index in the file of the slice's first relationship: 0 when the slice starts among the nodes.
          const firstRelationship = Math.max(0, start - file.sources.length - file.nodes.length);
          const counted = await writeRows(tx, slice, plan, firstRelationship, undefined, run.actor?.username ?? null);
          undo.after = await digestsNow(tx, nodeIds, relationships);
          await tx.run('importBatchRecord', { job: id, index: int(start / size), undo: encodeUndo(undo) });
          await renewLease(tx, id, leaseMs, end);
          await tx.run('importUnlock');
          return counted;
        },
        { ...userOf(run), timeoutMs: BATCH_TIMEOUT_MS },
      );
      for (const k of Object.keys(changes) as (keyof Changes)[]) changes[k] += counted[k];
      run.onProgress?.(end, total);
    }
    await db.write(
      'import-finish',
      async (tx) => {
        await tx.run('importLock');
        await finishJob(tx, id, 'done');
        if (run.actor) {
          await recordAudit(tx, run.actor, importAudit(file, changes));
        }
        await tx.run('importUnlock');
      },
      { ...userOf(run), timeoutMs: BATCH_TIMEOUT_MS },
    );
  } finally {
    stop();
  }
  return {
    job: id,
    sources: file.sources.length,
    nodes: file.nodes.length,
    relationships: file.relationships.length,
    changes,
  };
}

/**
 * Runs a resume's start; when the file, checked again, is refused against what the database holds now
 * (a later import made it conflict), the job is marked failed with why: resuming cannot mend that, and
 * a start must not try again and again. It can still be rolled back.
 */
async function failedIfRefused<T>(db: Database, id: string, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    if (error instanceof ImportRejected || error instanceof ImportConflict) {
      await db.write('import-failed', async (tx) => {
        await tx.run('importLock');
        await finishJob(tx, id, 'failed', { error: error.message });
        await tx.run('importUnlock');
      });
    }
    throw error;
  }
}

/** Applies the plan's re-timing of stored relationships, keeping their old times as batch -1's undo. */
async function retime(tx: Tx, id: string, plan: ImportPlan): Promise<void> {
  if (plan.retimed.length === 0) return;
  const was = await tx.run('importTimesOf', { ids: plan.retimed.map((r) => r.elementId) });
  const retimed = was.records.map((r) => ({
    elementId: r.get('elementId') as string,
    validFrom: r.get('validFrom') as string,
    validTo: r.get('validTo') as string,
  }));
  const undo = encodeUndo({ createdNodes: [], createdRelationships: [], before: [], retimed });
  await tx.run('importBatchRecord', { job: id, index: int(-1), undo });
  await writeRetimed(tx, plan.retimed);
}

/** The items [start, end) of the file's sources, then nodes, then relationships. */
function sliceOf(file: ImportFile, start: number, end: number): ImportFile {
  const lists = [file.sources, file.nodes, file.relationships] as const;
  const out: unknown[][] = [];
  let offset = 0;
  for (const list of lists) {
    out.push(list.slice(Math.max(0, start - offset), Math.max(0, end - offset)));
    offset += list.length;
  }
  return { sources: out[0], nodes: out[1], relationships: out[2] } as ImportFile;
}

const totalOf = (file: ImportFile) => file.sources.length + file.nodes.length + file.relationships.length;

const userOf = (run: BatchedRun) => (run.actor ? { user: run.actor.username } : {});

const takenOver = (id: string) =>
  new AppError(409, 'IMPORT_TAKEN_OVER', `Import ${id} was taken over by another process after this one stalled`);

/** Runs `attempt` until no other job's lease holds the import lock (polling every second, for at most `waitMs`). */
export async function whenFree<T>(attempt: () => Promise<T>, waitMs = BUSY_WAIT_MS): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ImportBusy) || Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }
}
