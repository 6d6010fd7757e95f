/**
 * Import jobs as the database records them (contract/importJob.ts), and the import lease. A batched
 * import commits batch by batch, so the per-transaction import lock (cypher/importLock.cypher) no
 * longer covers it whole: the job holds a lease on the lock node instead, renewed with each batch and by
 * a heartbeat. Any import that finds a live lease held by another job waits (`ImportBusy`); a lease
 * that lapsed means its holder was cut off (a crash, an outage), and the job waits to be resumed.
 * Everything lives in Neo4j, so every API process sees every job and any one may resume it.
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { Integer } from 'neo4j-driver';
import type { ImportJob } from '../../contract/importJob.ts';
import { type Database, int, type Tx } from '../db/database.ts';
import { AppError } from '../errors.ts';

/** How long a lease lasts unless renewed: a crashed import can be resumed this long after it stopped. */
export const DEFAULT_LEASE_MS = 30_000;

/** Thrown under the import lock when another job's live lease holds it; the caller waits and tries again. */
export class ImportBusy extends AppError {
  constructor(readonly job: string) {
    super(409, 'IMPORT_BUSY', `Another import (${job}) is being written; this one waits for it`);
  }
}

/** The job (as recorded) and whether its lease has lapsed; the path of its file stays on the server. */
export interface JobRecord {
  job: ImportJob;
  path: string | null;
  /** Items per committed batch: a resume goes on at the same boundaries. */
  batchSize: number;
  /** `path` is an upload kept for the job, to remove when it ends. */
  spooled: boolean;
}

/** A new job id: sortable by start, unguessable. */
export function newJobId(): string {
  return `imp-${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`;
}

/** A run's token: which run of a job holds its lease (a resume elsewhere takes it with a new one). */
export function newHolder(): string {
  return randomBytes(12).toString('hex');
}

/**
 * Under the import lock (run `importLock` first in `tx`): throws ImportBusy when a job other than
 * `mine` holds a live lease. A lapsed lease does not hold anything.
 */
export async function checkLease(tx: Tx, mine?: string): Promise<void> {
  const [row] = (await tx.run('importLeaseHolder')).records;
  const job = row?.get('job') as string | null;
  if (!job || job === mine) return;
  if (num(row!.get('leaseUntil')) > num(row!.get('now'))) throw new ImportBusy(job);
}

/** Under the lock: whether the run `holder` still holds the lease (else another run took its job over). */
export async function holdsLease(tx: Tx, holder: string): Promise<boolean> {
  const [row] = (await tx.run('importLeaseHolder')).records;
  return row?.get('holder') === holder;
}

/**
 * Takes job `id` over for the run `holder`, in `tx`: takes the import lock, waits out no one (throws
 * ImportBusy while another job's lease is live), and, if the job is in one of the states `from` and no
 * live run holds it, gives it a fresh lease and the status `status`. Returns the items it had
 * committed; throws `refusal` when it was not there to take (another process took it first, or it
 * ended meanwhile). The lock is held until `tx` ends or runs importUnlock.
 */
export async function takeOver(
  tx: Tx,
  job: { id: string; holder: string; leaseMs: number },
  from: ImportJob['status'][],
  status: ImportJob['status'],
  refusal: AppError,
): Promise<number> {
  await tx.run('importLock');
  await checkLease(tx, job.id);
  const [row] = (
    await tx.run('importJobTakeOver', { id: job.id, holder: job.holder, leaseMs: int(job.leaseMs), from, status })
  ).records;
  if (!row) throw refusal;
  return num(row.get('done'));
}

/** Renews `id`'s lease, recording `done` (items committed) when given. */
export async function renewLease(tx: Tx, id: string, leaseMs: number, done?: number): Promise<void> {
  await tx.run('importJobRenew', { id, leaseMs: int(leaseMs), done: done === undefined ? null : int(done) });
}

/** The job, or 404 IMPORT_JOB_NOT_FOUND. */
export async function findJob(db: Database, id: string): Promise<JobRecord> {
  const record = await db.read('import-job', async (tx) => (await tx.run('importJobFind', { id })).records[0]);
  if (!record) throw new AppError(404, 'IMPORT_JOB_NOT_FOUND', `No import job "${id}"`);
  return toRecord(record.get('job'), record.get('lapsed'));
}

/** The `limit` most recent jobs, newest first. */
export async function listJobs(db: Database, limit = 50): Promise<ImportJob[]> {
  const records = await db.read(
    'import-jobs',
    async (tx) => (await tx.run('importJobList', { limit: int(limit) })).records,
  );
  return records.map((r) => toRecord(r.get('job'), r.get('lapsed')).job);
}

/** Jobs cut off while running or rolling back (lease lapsed), oldest first: what a start resumes. */
export async function interruptedJobs(db: Database): Promise<JobRecord[]> {
  const records = await db.read(
    'import-jobs-interrupted',
    async (tx) => (await tx.run('importJobsInterrupted')).records,
  );
  return records.map((r) => toRecord(r.get('job'), true));
}

/** Removes the upload kept for a job that has ended (nothing when its file is the analyst's own). */
export async function forgetSpooled({ path, spooled }: Pick<JobRecord, 'path' | 'spooled'>): Promise<void> {
  if (spooled && path) await rm(path, { force: true });
}

/** Ends a job: done, failed (with why) or rolledBack (with the nodes kept), releasing its lease. */
export async function finishJob(
  tx: Tx,
  id: string,
  status: 'done' | 'failed' | 'rolledBack',
  extra: { error?: string; kept?: string[] } = {},
): Promise<void> {
  await tx.run('importJobFinish', { id, status, error: extra.error ?? null, kept: extra.kept ?? null });
}

/**
 * Renews `id`'s lease every third of its length until the returned stop is called, so a batch that
 * takes long (a slow disk, a busy database) does not lose the job to a resume elsewhere, while a
 * process that dies stops renewing it at once.
 */
export function heartbeat(db: Database, id: string, leaseMs: number): () => void {
  const timer = setInterval(() => {
    db.write('import-heartbeat', (tx) => renewLease(tx, id, leaseMs)).catch(() => {
      // The database away: the next batch fails and says why; a lapsed lease then makes the job resumable.
    });
  }, leaseMs / 3);
  timer.unref();
  return () => clearInterval(timer);
}

function toRecord(raw: Record<string, unknown>, lapsed: unknown): JobRecord {
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const job: ImportJob = {
    id: String(raw.id),
    status: raw.status as ImportJob['status'],
    interrupted: Boolean(lapsed) && (raw.status === 'running' || raw.status === 'rollingBack'),
    done: num(raw.done),
    total: num(raw.total),
    by: String(raw.by),
    fileName: text(raw.fileName),
    sha256: String(raw.sha256),
    startedAt: String(raw.startedAt),
    updatedAt: String(raw.updatedAt),
    finishedAt: text(raw.finishedAt),
    error: text(raw.error),
    kept: (raw.kept as string[] | undefined) ?? [],
  };
  return { job, path: text(raw.path), batchSize: num(raw.batchSize), spooled: raw.spooled === true };
}

function num(v: unknown): number {
  return typeof v === 'number' ? v : v && typeof v === 'object' && 'toNumber' in v ? (v as Integer).toNumber() : 0;
}
