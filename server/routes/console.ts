/**
 * HTTP for the Cypher console and the named queries. A run is cancelled by DELETE /api/cypher/:runId
 * or by the client going away before the answer (closing the tab, aborting the fetch). Whose run it
 * is (the caps per analyst, db/consoleAdmission.ts, and who may cancel it) is the signed-in user, or,
 * on a server running without sign-in, the client's address: req.ip, which is the X-Forwarded-For
 * address when TRUST_PROXY is set (app.ts). With users, console queries also keep off the team's
 * workspace (db/workspaceReach.ts).
 */
import { type Request, type Response, Router } from 'express';
import { actorOf, signedIn } from '../auth/actor.ts';
import { cypherRequest, namedQueryNameParam, namedQueryRunRequest, runIdParam } from '../../contract/console.ts';
import type { Database } from '../db/database.ts';
import { cancelCypher, type ConsoleLimits, type RunContext, runCypher } from '../services/console.ts';
import { namedQueries, runNamedQuery } from '../services/namedQueries.ts';
import { parse } from './validate.ts';

export function consoleRoutes(db: Database, limits: ConsoleLimits): Router {
  namedQueries(); // a broken header stops the app at start, not at the first request
  const router = Router();

  router.post('/cypher', async (req, res) => {
    const request = parse(cypherRequest, req.body, 'body field');
    res.json(await runCypher(db, request, limits, runContext(req, res)));
  });

  router.delete('/cypher/:runId', async (req, res) => {
    const { runId } = parse(runIdParam, req.params);
    // With users, only the analyst who started a run may stop it; single-user, anyone at the laptop.
    await cancelCypher(db, runId, signedIn(res) ? actorOf(req, res).username : undefined);
    res.status(204).end();
  });

  router.get('/queries', (_req, res) => {
    res.json({ queries: namedQueries() });
  });

  router.post('/queries/:name', async (req, res) => {
    const { name } = parse(namedQueryNameParam, req.params);
    const request = parse(namedQueryRunRequest, req.body ?? {}, 'body field');
    res.json(await runNamedQuery(db, name, request, limits, runContext(req, res)));
  });

  return router;
}

/** The analyst behind a request, and a signal that aborts when the client is gone. */
function runContext(req: Request, res: Response): RunContext {
  const actor = actorOf(req, res);
  const withUsers = signedIn(res);
  return {
    analyst: withUsers ? actor.username : actor.address,
    user: actor.username,
    networkOnly: withUsers,
    signal: abortedWithClient(res),
  };
}

/** Aborts when the connection closes before the response is complete. */
function abortedWithClient(res: Response): AbortSignal {
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}
