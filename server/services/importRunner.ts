/**
 * Batched imports run past the request that started them: the API answers 202 once the job is
 * recorded, and the analyst polls the job (GET /api/imports/:id) from any process. This module runs
 * such work, and at a process's start resumes the jobs a crash or an outage cut off (their lease
 * lapsed), from the file the job recorded on this server's disk; a job another process is already
 * resuming is left to it. Nothing here holds state another process needs: the job lives in Neo4j.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';
import { ImportBusy, interruptedJobs } from './importJobs.ts';
import { resumeImport, rollbackImport } from './importRollback.ts';

/**
 * Runs `work`, which calls its `started` argument once its job is recorded, and answers when that
 * happens (with the job id) or when the work ends first (with its result: a file small enough for
 * one transaction, or an error before the job was recorded, which is thrown). Work still running
 * after the answer goes on; its failure is logged, and the job, its lease lapsing, waits to be resumed.
 */
export function whenStarted<T>(
  work: (started: (jobId: string) => void) => Promise<T>,
  log: Logger,
): Promise<{ jobId: string } | { result: T }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    work((jobId) => {
      answered = true;
      resolve({ jobId });
    }).then(
      (result) => {
        if (!answered) resolve({ result });
      },
      (error: unknown) => {
        if (!answered) reject(error);
        else log.error({ err: error }, 'a batched import stopped; its job waits to be resumed');
      },
    );
  });
}

/**
 * Resumes (or finishes rolling back) every interrupted job whose file this server can read, one after
 * the other, in the background. Returns the ids it took up; jobs without a readable file are logged
 * with the command that resumes them.
 */
export async function resumeInterruptedImports(db: Database, log: Logger): Promise<string[]> {
  const jobs = await interruptedJobs(db);
  const mine = jobs.filter(({ job, path }) => {
    if (job.status === 'rollingBack' || (path && existsSync(path))) return true;
    log.warn(
      `import ${job.id} was cut off and its file is not on this server: npm run import -- --resume ${job.id} FILE`,
    );
    return false;
  });
  void (async () => {
    for (const { job, path } of mine) {
      try {
        if (job.status === 'rollingBack') await rollbackImport(db, job.id, { busyWaitMs: 0 });
        else await resumeImport(db, job.id, readFileSync(path!), { busyWaitMs: 0 });
        log.info(`import ${job.id} resumed and completed`);
      } catch (error) {
        if (error instanceof ImportBusy) log.info(`import ${job.id}: another import is running; resume it later`);
        else log.error({ err: error }, `import ${job.id} could not be resumed`);
      }
    }
  })();
  return mine.map(({ job }) => job.id);
}
