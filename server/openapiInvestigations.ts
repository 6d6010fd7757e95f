/**
 * The investigation routes in the OpenAPI document (openapi.ts builds the rest), from the schemas of
 * contract/investigation.ts that the routes validate with.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import { errorBody } from '../contract/api.ts';
import { sharesRequest } from '../contract/auth.ts';
import * as inv from '../contract/investigation.ts';

type Json = (schema: z.ZodType, description: string) => object;

/** Registers every /api/investigations route with its request and answer schemas and its errors. */
export function registerInvestigationPaths(registry: OpenAPIRegistry, json: Json): void {
  const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } } } });
  const base = {
    400: json(errorBody, 'Invalid parameters or body: the message names the field (view.recipe.asOf)'),
    503: json(errorBody, 'The database is not answering'),
  };
  const notFound = {
    404: json(
      errorBody,
      'INVESTIGATION_NOT_FOUND: no such investigation, it is in the bin, or it is not shared with the signed-in user',
    ),
  };
  const readOnly = {
    403: json(errorBody, 'FORBIDDEN: a viewer, or the investigation is shared with this user read-only'),
  };
  const ownerOnly = {
    403: json(errorBody, 'FORBIDDEN: only its owner shares, bins, undeletes or restores an investigation'),
  };
  const tooLarge = { 413: json(errorBody, 'Body larger than INVESTIGATION_MAX_BYTES') };
  const conflict = {
    409: json(
      errorBody,
      'VERSION_CONFLICT: saved meanwhile from the same version (the message names the current one); nothing written',
    ),
  };
  const busy = {
    429: json(errorBody, 'INVESTIGATION_BUSY: other writes are running and waiting; try again after Retry-After'),
  };
  const id = { params: inv.investigationIdParam };
  const revision = { params: inv.revisionParam };
  const path = (method: 'get' | 'post' | 'put' | 'delete', p: string, summary: string, rest: object) =>
    registry.registerPath({ method, path: `/api/investigations${p}`, summary, ...rest } as Parameters<
      OpenAPIRegistry['registerPath']
    >[0]);

  path('get', '', 'Investigations in use, or in the bin (deleted=true; purged 30 days after deletion)', {
    request: { query: inv.listInvestigationsQuery },
    responses: { 200: json(inv.investigationList, 'Most recent first'), ...base },
  });
  path('post', '', 'Create an investigation (version 1); its snapshot gets the sources it cites, as they read now', {
    request: body(inv.createInvestigationRequest),
    responses: { 201: json(inv.investigation, 'Created'), ...base, ...tooLarge, ...busy },
  });
  path('post', '/import', 'Import an investigation file as a new investigation, its snapshot as it was taken', {
    request: body(inv.investigationFile),
    responses: { 201: json(inv.investigation, 'Imported'), ...base, ...tooLarge, ...busy },
  });
  path('get', '/{id}', 'The current revision of an investigation in full', {
    request: id,
    responses: { 200: json(inv.investigation, 'The investigation'), ...notFound, ...base },
  });
  path('put', '/{id}', 'Save: a new revision, from the version it started from (stale: 409, nothing written)', {
    request: { ...id, ...body(inv.saveInvestigationRequest) },
    responses: {
      200: json(inv.investigation, 'Saved'),
      ...readOnly,
      ...notFound,
      ...conflict,
      ...base,
      ...tooLarge,
      ...busy,
    },
  });
  path('delete', '/{id}', 'Put an investigation in the bin; it can be undeleted for 30 days', {
    request: id,
    responses: {
      200: json(inv.investigationSummary, 'In the bin, with deletedAt'),
      ...ownerOnly,
      ...notFound,
      ...base,
    },
  });
  path('post', '/{id}/undelete', 'Take an investigation out of the bin, as it was', {
    request: id,
    responses: { 200: json(inv.investigationSummary, 'In use again'), ...ownerOnly, ...notFound, ...base, ...busy },
  });
  path('put', '/{id}/shares', 'Share (its owner only): the whole list of shares, with users or everyone (*)', {
    request: { ...id, ...body(sharesRequest) },
    responses: {
      200: json(inv.investigationSummary, 'Shared: the summary with every share'),
      400: json(
        errorBody,
        'Invalid body; UNKNOWN_USERS, DISABLED_USERS or VIEWER_CANNOT_EDIT naming those users; SELF_SHARE (the owner)',
      ),
      ...ownerOnly,
      ...notFound,
      503: base[503],
      ...busy,
    },
  });
  path('get', '/{id}/revisions', 'Every revision, newest first', {
    request: id,
    responses: { 200: json(inv.revisionList, 'The revisions'), ...notFound, ...base },
  });
  path('get', '/{id}/revisions/{n}', 'One revision in full, read-only', {
    request: revision,
    responses: {
      200: json(inv.revision, 'The revision'),
      404: json(errorBody, 'INVESTIGATION_NOT_FOUND or REVISION_NOT_FOUND'),
      ...base,
    },
  });
  path('post', '/{id}/restore/{n}', 'Restore a revision: a new revision with its document and snapshot', {
    request: { ...revision, ...body(inv.restoreRequest) },
    responses: {
      200: json(inv.investigation, 'Restored as the new current revision'),
      ...ownerOnly,
      404: json(errorBody, 'INVESTIGATION_NOT_FOUND or REVISION_NOT_FOUND'),
      ...conflict,
      ...base,
      ...busy,
    },
  });
  path('get', '/{id}/changes', 'What changed in the database since the snapshot: removed, edited, added', {
    request: id,
    responses: { 200: json(inv.snapshotChanges, 'Element by element'), ...notFound, ...base },
  });
  path('get', '/{id}/export', 'The investigation as a file that imports back', {
    request: id,
    responses: { 200: json(inv.investigationFile, 'The file (Content-Disposition: attachment)'), ...notFound, ...base },
  });
}
