/** HTTP for the import pipeline: the body is an import file (contract/importFile.ts). */
import { Router } from 'express';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { importGraph } from '../services/importer.ts';

export function importRoutes(db: Database): Router {
  const router = Router();
  router.post('/import', async (req, res) => {
    // Without it express.json() leaves the body unread (curl -d sends a form type), and the analyst
    // would be told the file is not an object instead of what to fix.
    if (!req.is('application/json')) {
      throw new AppError(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'Send the import file as JSON, with Content-Type: application/json',
      );
    }
    const summary = await importGraph(db, req.body);
    req.log.info({ import: summary }, 'import done');
    res.json(summary);
  });
  return router;
}
