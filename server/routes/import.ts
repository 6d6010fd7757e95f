/**
 * HTTP for the import pipeline: the body is an import file (contract/importFile.ts), read, bounded and
 * queued by middleware/importUpload.ts, so this route is mounted before the app's JSON parser.
 */
import { Router } from 'express';
import { roleAtLeast } from '../../contract/auth.ts';
import { actorOf } from '../auth/actor.ts';
import type { Database } from '../db/database.ts';
import { dryRunQuery } from '../../contract/curation.ts';
import { AppError } from '../errors.ts';
import type { ImportUploads } from '../middleware/importUpload.ts';
import { dryRunImport } from '../services/importDryRun.ts';
import { importGraph } from '../services/importer.ts';
import { findJob } from '../services/importJobs.ts';
import { whenStarted } from '../services/importRunner.ts';
import { parse } from './validate.ts';

/**
 * A file name as it may be shown: control and bidirectional-override characters dropped (a name
 * "…\u202Egnp.exe" must not read as "…exe.png"), at most 200 characters, never cut inside one.
 */
export function shownFileName(name: string): string | undefined {
  const clean = name.replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '').trim();
  return [...clean].slice(0, 200).join('') || undefined;
}

/** How uploads too large for one transaction are written (importer.ts ImportOptions). */
export interface ImportBatchOptions {
  spoolDir?: string;
  commitRows?: number;
  leaseMs?: number;
}

/**
 * POST /import: 200 with what the file held and what changed; errors as ImportUploads and importGraph
 * throw. The import is the request's actor's: in its transactions' metadata and in its audit entry.
 * With `Prefer: respond-async` (RFC 7240 §4.1), a file large enough to be written in batches is
 * answered 202 with its job (contract/importJob.ts) and a Location to poll, once the file is checked
 * and the job recorded; the batches go on after the answer. A smaller file is answered 200 as always.
 * `spoolDir` keeps such uploads until their job ends, so a crash cannot lose what a resume needs.
 * With `?dryRun=true` (issue 12), 200 with what the import would change and the held nodes its new
 * nodes may duplicate (services/importDryRun.ts): the same 400/409 refusals, and nothing written.
 */
export function importRoutes(db: Database, uploads: ImportUploads, batches: ImportBatchOptions): Router {
  const router = Router();
  router.post('/import', async (req, res) => {
    const actor = actorOf(req, res);
    // Refused before the body is read: a viewer's upload costs nothing.
    if (!roleAtLeast(actor.role, 'analyst')) throw new AppError(403, 'FORBIDDEN', 'Importing takes the analyst role');
    // ?dryRun=true: checked as the import checks it, then counted and matched; nothing written. The flag
    // is parsed strictly ('true' | 'false', else 400): a misspelt dry run must never be taken as a write.
    const { dryRun } = parse(dryRunQuery, req.query);
    if (dryRun === 'true') {
      res.json(await uploads.receive(req, (json) => dryRunImport(db, json)));
      return;
    }
    const fileName = typeof req.query.name === 'string' ? shownFileName(req.query.name) : undefined;
    const prefersAsync = /(^|[\s,])respond-async([\s,;]|$)/i.test(req.get('prefer') ?? '');
    const outcome = await whenStarted(
      (started) =>
        uploads.receive(req, (json) =>
          importGraph(db, json, undefined, actor, {
            ...batches,
            ...(fileName ? { fileName } : {}),
            ...(prefersAsync ? { onStarted: started } : {}),
          }),
        ),
      req.log,
    );
    if ('jobId' in outcome) {
      const { job } = await findJob(db, outcome.jobId);
      res.status(202).location(`/api/imports/${job.id}`).set('Preference-Applied', 'respond-async').json(job);
      return;
    }
    req.log.info({ import: outcome.result }, 'import done');
    res.json(outcome.result);
  });
  return router;
}
