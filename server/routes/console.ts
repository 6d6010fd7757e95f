/**
 * HTTP for the Cypher console and the named queries. A run is cancelled by DELETE /api/cypher/:runId
 * or by the client going away before the answer (closing the tab, aborting the fetch).
 */
import { Router, type Response } from 'express';
import { cypherRequest, namedQueryNameParam, namedQueryRunRequest, runIdParam } from '../../contract/console.ts';
import type { Database } from '../db/database.ts';
import { cancelCypher, runCypher, type ConsoleLimits } from '../services/console.ts';
import { namedQueries, runNamedQuery } from '../services/namedQueries.ts';
import { parse } from './validate.ts';

export function consoleRoutes(db: Database, limits: ConsoleLimits): Router {
  namedQueries(); // a broken header stops the app at start, not at the first request
  const router = Router();

  router.post('/cypher', async (req, res) => {
    const request = parse(cypherRequest, req.body, 'body field');
    res.json(await runCypher(db, request, limits, abortedWithClient(res)));
  });

  router.delete('/cypher/:runId', async (req, res) => {
    const { runId } = parse(runIdParam, req.params);
    await cancelCypher(db, runId);
    res.status(204).end();
  });

  router.get('/queries', (_req, res) => {
    res.json({ queries: namedQueries() });
  });

  router.post('/queries/:name', async (req, res) => {
    const { name } = parse(namedQueryNameParam, req.params);
    const request = parse(namedQueryRunRequest, req.body ?? {}, 'body field');
    res.json(await runNamedQuery(db, name, request, limits, abortedWithClient(res)));
  });

  return router;
}

/** Aborts when the connection closes before the response is complete. */
function abortedWithClient(res: Response): AbortSignal {
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}
