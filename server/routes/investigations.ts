/**
 * HTTP for investigations, under /api/investigations: list, create, read, save (with the `version` it
 * started from), bin and undelete, revisions and restore, the changes since the snapshot, and files
 * (export, import). Bodies are parsed with contract/investigation.ts; a failed parse is a 400 naming
 * the field (`view.recipe.asOf`). Their JSON bodies have their own limit, INVESTIGATION_MAX_BYTES (app.ts).
 * Every service acts for the request's Actor (`actorOf`): whose investigations, who is audited.
 */
import { Router } from 'express';
import { sharesRequest } from '../../contract/auth.ts';
import {
  createInvestigationRequest,
  investigationFile,
  investigationIdParam,
  listInvestigationsQuery,
  restoreRequest,
  revisionParam,
  saveInvestigationRequest,
} from '../../contract/investigation.ts';
import { actorOf } from '../auth/actor.ts';
import type { Database } from '../db/database.ts';
import { exportInvestigation, importInvestigation } from '../services/investigationFiles.ts';
import { getRevision, listRevisions, restoreRevision } from '../services/investigationRevisions.ts';
import {
  createInvestigation,
  deleteInvestigation,
  getInvestigation,
  investigationChanges,
  listInvestigations,
  saveInvestigation,
  undeleteInvestigation,
} from '../services/investigations.ts';
import { shareInvestigation } from '../services/investigationSharing.ts';
import { parse } from './validate.ts';

/** Routes for investigations, under /api. */
export function investigationRoutes(db: Database): Router {
  const router = Router();
  const idOf = (params: unknown) => parse(investigationIdParam, params).id;

  router.get('/investigations', async (req, res) => {
    res.json(await listInvestigations(db, actorOf(req, res), parse(listInvestigationsQuery, req.query)));
  });

  router.post('/investigations', async (req, res) => {
    res
      .status(201)
      .json(await createInvestigation(db, actorOf(req, res), parse(createInvestigationRequest, req.body, 'field')));
  });

  router.post('/investigations/import', async (req, res) => {
    res.status(201).json(await importInvestigation(db, actorOf(req, res), parse(investigationFile, req.body, 'field')));
  });

  router.get('/investigations/:id', async (req, res) => {
    res.json(await getInvestigation(db, actorOf(req, res), idOf(req.params)));
  });

  router.put('/investigations/:id', async (req, res) => {
    const id = idOf(req.params);
    res.json(await saveInvestigation(db, actorOf(req, res), id, parse(saveInvestigationRequest, req.body, 'field')));
  });

  router.delete('/investigations/:id', async (req, res) => {
    res.json(await deleteInvestigation(db, actorOf(req, res), idOf(req.params)));
  });

  router.post('/investigations/:id/undelete', async (req, res) => {
    res.json(await undeleteInvestigation(db, actorOf(req, res), idOf(req.params)));
  });

  router.put('/investigations/:id/shares', async (req, res) => {
    const id = idOf(req.params);
    res.json(await shareInvestigation(db, actorOf(req, res), id, parse(sharesRequest, req.body, 'field')));
  });

  router.get('/investigations/:id/revisions', async (req, res) => {
    res.json(await listRevisions(db, actorOf(req, res), idOf(req.params)));
  });

  router.get('/investigations/:id/revisions/:n', async (req, res) => {
    const { id, n } = parse(revisionParam, req.params);
    res.json(await getRevision(db, actorOf(req, res), id, n));
  });

  router.post('/investigations/:id/restore/:n', async (req, res) => {
    const { id, n } = parse(revisionParam, req.params);
    const { version } = parse(restoreRequest, req.body ?? {}, 'field');
    res.json(await restoreRevision(db, actorOf(req, res), id, n, version));
  });

  router.get('/investigations/:id/changes', async (req, res) => {
    res.json(await investigationChanges(db, actorOf(req, res), idOf(req.params)));
  });

  router.get('/investigations/:id/export', async (req, res) => {
    const id = idOf(req.params);
    const file = await exportInvestigation(db, actorOf(req, res), id);
    res.attachment(`investigation-${id}.json`).json(file);
  });

  return router;
}
