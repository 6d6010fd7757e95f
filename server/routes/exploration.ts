/** HTTP for exploring how things connect: shortest paths between two nodes, a faction's lineage. */
import { Router } from 'express';
import { lineageQuery, nodeIdParam, pathsQuery } from '../../contract/api.ts';
import type { Database } from '../db/database.ts';
import { mergerLineage } from '../services/lineage.ts';
import { shortestPaths } from '../services/paths.ts';
import { parse } from './validate.ts';

export function explorationRoutes(db: Database): Router {
  const router = Router();

  router.get('/paths', async (req, res) => {
    res.json(await shortestPaths(db, parse(pathsQuery, req.query)));
  });

  router.get('/lineage/:id', async (req, res) => {
    const { id } = parse(nodeIdParam, req.params);
    res.json(await mergerLineage(db, id, parse(lineageQuery, req.query)));
  });

  return router;
}
