/**
 * Resuming and rolling back batched imports (importBatched.ts) by their job id: what an analyst does
 * with an import a crash or an outage cut off (resume it, from its last committed batch), or with one
 * they abandon (roll it back: what it created is deleted, what it overwrote is restored as it was,
 * from each batch's undo record, importUndo.ts). A rollback is itself batch by batch under the job's
 * lease, recorded as it goes, so a rollback cut off resumes too.
 */
import type { ImportJob } from '../../contract/importJob.ts';
import type { Actor } from '../auth/actor.ts';
import type { Database, Tx } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from './audit.ts';
import { BATCH_TIMEOUT_MS, type BatchedResult, resumeBatches, whenFree } from './importBatched.ts';
import {
  DEFAULT_LEASE_MS,
  findJob,
  finishJob,
  heartbeat,
  holdsLease,
  newHolder,
  renewLease,
  takeOver,
  forgetSpooled,
} from './importJobs.ts';
import { validImportJson } from './importStream.ts';
import { type BatchUndo, decodeUndo, digestsNow } from './importUndo.ts';
import { createHash } from 'node:crypto';

/** How a resume or a rollback runs: for whom, with which lease, and who hears of it. */
export interface JobRun {
  actor?: Actor;
  leaseMs?: number;
  /** How long to wait for another job's live lease (default 30 min; 0: give up at once, ImportBusy). */
  busyWaitMs?: number;
  /** A resume: items committed of the total; a rollback: batches undone of the batches. */
  onProgress?: (done: number, total: number) => void;
  /** Called once the run holds the job, before its first batch. */
  onStarted?: (jobId: string) => void;
}

/**
 * Resumes the interrupted job `id` with its file's bytes (the same file: same SHA-256), from its last
 * committed batch. Errors: 404 IMPORT_JOB_NOT_FOUND; 409 IMPORT_NOT_INTERRUPTED (finished, or still
 * being written by a live process); 409 IMPORT_FILE_CHANGED; what importInBatches throws.
 */
export async function resumeImport(
  db: Database,
  id: string,
  bytes: Uint8Array,
  run: JobRun = {},
): Promise<BatchedResult> {
  const { job, path, batchSize, spooled } = await findJob(db, id);
  if (job.status === 'rollingBack' && job.interrupted) {
    throw new AppError(
      409,
      'IMPORT_NOT_INTERRUPTED',
      `Import ${id} was being rolled back: roll it back again to finish that`,
    );
  }
  assertResumable(job);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== job.sha256) {
    throw new AppError(
      409,
      'IMPORT_FILE_CHANGED',
      `This is not the file import ${id} started with (its SHA-256 differs)`,
    );
  }
  const file = await validImportJson(bytes);
  const result = await resumeBatches(db, id, file, {
    ...run,
    sha256,
    path,
    fileName: job.fileName,
    commitRows: batchSize,
  });
  await forgetSpooled({ path, spooled });
  return result;
}

/**
 * Rolls the job `id` back: every batch it committed is undone, last first, each in its own
 * transaction that also drops its record. What later writes changed since, and nodes it created that
 * later writes link to, are left as they are and listed in the job's `kept`. Returns the job as it ends (status rolledBack).
 * Errors: 404 IMPORT_JOB_NOT_FOUND; 409 IMPORT_RUNNING when a live process is writing it;
 * 409 IMPORT_ROLLED_BACK when it already was.
 */
export async function rollbackImport(db: Database, id: string, run: JobRun = {}): Promise<ImportJob> {
  const leaseMs = run.leaseMs ?? DEFAULT_LEASE_MS;
  const user = { ...(run.actor ? { user: run.actor.username } : {}), timeoutMs: BATCH_TIMEOUT_MS };
  const holder = newHolder();
  const { job } = await findJob(db, id);
  if (job.status === 'rolledBack')
    throw new AppError(409, 'IMPORT_ROLLED_BACK', `Import ${id} was rolled back already`);
  if ((job.status === 'running' || job.status === 'rollingBack') && !job.interrupted) {
    throw new AppError(409, 'IMPORT_RUNNING', `Import ${id} is being written by a running process; wait for it to end`);
  }
  await whenFree(
    () =>
      db.write(
        'import-rollback-start',
        async (tx) => {
          await takeOver(
            tx,
            { id, holder, leaseMs },
            ['running', 'rollingBack', 'done', 'failed'],
            'rollingBack',
            new AppError(409, 'IMPORT_RUNNING', `Import ${id} is being written or rolled back by a running process`),
          );
          await tx.run('importUnlock');
        },
        user,
      ),
    run.busyWaitMs,
  );
  run.onStarted?.(id);
  const stop = heartbeat(db, id, leaseMs);
  const kept: string[] = [...job.kept];
  try {
    const batches = await db.read(
      'import-batches',
      async (tx) => (await tx.run('importBatchesOfJob', { job: id })).records,
    );
    let undone = 0;
    for (const record of batches) {
      const index = record.get('index') as number;
      const undo = decodeUndo(record.get('undo') as string);
      const keptHere = await db.write(
        'import-rollback-batch',
        async (tx) => {
          await tx.run('importLock');
          if (!(await holdsLease(tx, holder))) {
            throw new AppError(409, 'IMPORT_TAKEN_OVER', `The rollback of ${id} was taken over by another process`);
          }
          // What a later write changed since this batch is left as it is now, and listed as kept.
          const changed = await changedSince(tx, undo);
          const untouched = <T extends { id: string }>(items: T[]) => items.filter((x) => !changed.has(x.id));
          const relationships = untouched([
            ...undo.createdRelationships.map((r) => ({ ...r, props: null })),
            ...undo.before.filter((b) => b.type).map((b) => ({ id: b.id, type: b.type!, props: b.props })),
          ]);
          if (relationships.length) await tx.run('importUndoRelationships', { rows: relationships });
          const nodes = untouched([
            ...undo.createdNodes.map((id) => ({ id, props: null, labels: [] })),
            ...undo.before.filter((b) => b.labels).map((b) => ({ id: b.id, props: b.props, labels: b.labels! })),
          ]);
          const keptNow = nodes.length
            ? (await tx.run('importUndoNodes', { rows: nodes })).records.map((r) => r.get('kept') as string)
            : [];
          keptNow.push(...changed);
          if (undo.retimed?.length) await tx.run('importRelationshipTimes', { rows: undo.retimed });
          await tx.run('importBatchForget', { job: id, index });
          await renewLease(tx, id, leaseMs);
          await tx.run('importUnlock');
          return keptNow;
        },
        user,
      );
      kept.push(...keptHere);
      run.onProgress?.(++undone, batches.length);
    }
    await db.write(
      'import-rollback-finish',
      async (tx) => {
        await tx.run('importLock');
        await finishJob(tx, id, 'rolledBack', { kept });
        if (run.actor) {
          await recordAudit(tx, run.actor, {
            action: 'import.rollback',
            ids: [id],
            detail: `${job.done} of ${job.total} items undone${kept.length ? `; ${kept.length} created nodes kept, linked by later writes` : ''}`,
          });
        }
        await tx.run('importUnlock');
      },
      user,
    );
  } finally {
    stop();
  }
  const ended = await findJob(db, id);
  await forgetSpooled(ended);
  return ended.job;
}

/**
 * The ids of a batch's items that a later write changed (their digest differs from the one the batch
 * recorded after writing them); none for a batch recorded before digests were kept.
 */
async function changedSince(tx: Tx, undo: BatchUndo): Promise<Set<string>> {
  const after = undo.after;
  if (!after) return new Set();
  const nodeIds = [...undo.createdNodes, ...undo.before.filter((b) => b.labels).map((b) => b.id)];
  const relationships = [
    ...undo.createdRelationships,
    ...undo.before.filter((b) => b.type).map((b) => ({ id: b.id, type: b.type! })),
  ];
  const now = await digestsNow(tx, nodeIds, relationships);
  return new Set(Object.keys(now).filter((id) => after[id] !== undefined && after[id] !== now[id]));
}

/** 409 IMPORT_NOT_INTERRUPTED unless `job` is running with its lease lapsed (cut off, waiting to be resumed). */
export function assertResumable(job: ImportJob): void {
  if (!(job.status === 'running' && job.interrupted)) throw notInterrupted(job);
}

const notInterrupted = (job: ImportJob) =>
  new AppError(
    409,
    'IMPORT_NOT_INTERRUPTED',
    job.status === 'running'
      ? `Import ${job.id} is being written by a running process`
      : `Import ${job.id} is ${job.status}: there is nothing to resume`,
  );
