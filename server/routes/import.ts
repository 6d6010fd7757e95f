/**
 * HTTP for the import pipeline: the body is an import file (contract/importFile.ts), read, bounded and
 * queued by middleware/importUpload.ts, so this route is mounted before the app's JSON parser.
 */
import { Router } from 'express';
import type { Database } from '../db/database.ts';
import type { ImportUploads } from '../middleware/importUpload.ts';
import { importGraph } from '../services/importer.ts';

/** POST /import: 200 with what the file held and what changed; errors as ImportUploads and importGraph throw. */
export function importRoutes(db: Database, uploads: ImportUploads): Router {
  const router = Router();
  router.post('/import', async (req, res) => {
    const summary = await uploads.receive(req, (json) => importGraph(db, json));
    req.log.info({ import: summary }, 'import done');
    res.json(summary);
  });
  return router;
}
