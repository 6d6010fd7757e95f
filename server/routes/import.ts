/**
 * HTTP for the import pipeline: the body is an import file (contract/importFile.ts), read, bounded and
 * queued by middleware/importUpload.ts, so this route is mounted before the app's JSON parser.
 */
import { Router } from 'express';
import { roleAtLeast } from '../../contract/auth.ts';
import { actorOf } from '../auth/actor.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { ImportUploads } from '../middleware/importUpload.ts';
import { importGraph } from '../services/importer.ts';

/**
 * POST /import: 200 with what the file held and what changed; errors as ImportUploads and importGraph
 * throw. The import is the request's actor's: in its transaction's metadata and in its audit entry.
 */
export function importRoutes(db: Database, uploads: ImportUploads): Router {
  const router = Router();
  router.post('/import', async (req, res) => {
    const actor = actorOf(req, res);
    // Refused before the body is read: a viewer's upload costs nothing.
    if (!roleAtLeast(actor.role, 'analyst')) throw new AppError(403, 'FORBIDDEN', 'Importing takes the analyst role');
    const summary = await uploads.receive(req, (json) => importGraph(db, json, undefined, actor));
    req.log.info({ import: summary }, 'import done');
    res.json(summary);
  });
  return router;
}
