/**
 * HTTP for import jobs (contract/importJob.ts): the recent ones, one job's progress, resuming an
 * interrupted one from the file this server kept, and rolling one back. Resume and rollback answer
 * 202 once they hold the job; the work goes on, and the job's view says how far it is.
 */
import { readFileSync } from 'node:fs';
import { Router } from 'express';
import { importJobId } from '../../contract/importJob.ts';
import { actorOf } from '../auth/actor.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { findJob, listJobs } from '../services/importJobs.ts';
import { assertResumable, resumeImport, rollbackImport } from '../services/importRollback.ts';
import { whenStarted } from '../services/importRunner.ts';
import { parse } from './validate.ts';

/** GET /imports, GET /imports/:id, POST /imports/:id/resume, POST /imports/:id/rollback (analyst role; ROUTE_ROLES). */
export function importJobRoutes(db: Database, batches: { leaseMs?: number } = {}): Router {
  const router = Router();
  const idOf = (raw: unknown) => parse(importJobId, raw, 'import job id');

  router.get('/imports', async (_req, res) => {
    res.json({ jobs: await listJobs(db) });
  });

  router.get('/imports/:id', async (req, res) => {
    res.json((await findJob(db, idOf(req.params.id))).job);
  });

  router.post('/imports/:id/resume', async (req, res) => {
    const { job, path } = await findJob(db, idOf(req.params.id));
    assertResumable(job);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path ?? '');
    } catch {
      throw new AppError(
        409,
        'IMPORT_FILE_GONE',
        `This server no longer has the file of import ${job.id}: resume it with npm run import -- --resume ${job.id} FILE`,
      );
    }
    const actor = actorOf(req, res);
    await whenStarted(
      (started) => resumeImport(db, job.id, bytes, { ...lease(batches), actor, onStarted: started }),
      req.log,
    );
    res
      .status(202)
      .location(`/api/imports/${job.id}`)
      .json((await findJob(db, job.id)).job);
  });

  router.post('/imports/:id/rollback', async (req, res) => {
    const actor = actorOf(req, res);
    const { job } = await findJob(db, idOf(req.params.id));
    // An import changes everyone's graph: undoing it is for whoever ran it, or an admin.
    if (job.by !== actor.username && actor.role !== 'admin') {
      throw new AppError(403, 'FORBIDDEN', `Only ${job.by} or an admin may roll back import ${job.id}`);
    }
    await whenStarted(
      (started) => rollbackImport(db, job.id, { ...lease(batches), actor, onStarted: started }),
      req.log,
    );
    res
      .status(202)
      .location(`/api/imports/${job.id}`)
      .json((await findJob(db, job.id)).job);
  });
  return router;
}

const lease = ({ leaseMs }: { leaseMs?: number }) => (leaseMs ? { leaseMs } : {});
