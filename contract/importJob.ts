/**
 * An import job: a file too large for one transaction (more than COMMIT_ROWS items) is written in
 * committed batches under a job recorded in the database, so that any API process can report its
 * progress, and an import cut off by a crash or an outage resumes from its last committed batch.
 * `GET /api/imports/:id` answers this view; `POST /api/import` with `Prefer: respond-async` (RFC 7240)
 * answers 202 with it at once and a Location to poll.
 */
import { z } from 'zod';

/**
 * running: being written, or cut off and waiting to be resumed (`interrupted` says which);
 * done: every batch committed; failed: stopped by an error that resuming cannot mend (the file changed
 * or a conflict appeared); rollingBack / rolledBack: the analyst abandoned it.
 */
export const IMPORT_JOB_STATES = ['running', 'done', 'failed', 'rollingBack', 'rolledBack'] as const;

export const importJob = z.object({
  id: z.string(),
  status: z.enum(IMPORT_JOB_STATES),
  /** Running, but no process has renewed its lease in time: it waits for `--resume` or the next start. */
  interrupted: z.boolean(),
  /** Items (sources, nodes, relationships) committed so far, and the file's total. */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** Who started it (a username, or `cli:<os user>` for the command line). */
  by: z.string(),
  fileName: z.string().nullable(),
  /** SHA-256 of the file's bytes, hex: a resume must be given the same file. */
  sha256: z.string(),
  startedAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** What stopped a failed job, in words. */
  error: z.string().nullable(),
  /** Items a rollback left as they are: changed by later writes, or nodes it created that later writes link to. */
  kept: z.array(z.string()),
});
export type ImportJob = z.infer<typeof importJob>;

export const importJobId = z.string().regex(/^imp-[0-9a-z-]{6,60}$/, 'is not an import job id');
