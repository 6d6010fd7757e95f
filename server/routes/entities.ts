/** HTTP for a label's whole list: GET /api/entities (contract/entities.ts), filtered, sorted, paged. */
import { Router } from 'express';
import { entityListQuery } from '../../contract/entities.ts';
import type { Database } from '../db/database.ts';
import { listEntities } from '../services/entities.ts';
import { parse } from './validate.ts';

/** Routes for entity lists, under /api. A bad label, sort or date is a 400 naming the parameter. */
export function entityRoutes(db: Database): Router {
  const router = Router();

  router.get('/entities', async (req, res) => {
    res.json(await listEntities(db, parse(entityListQuery, req.query)));
  });

  return router;
}
