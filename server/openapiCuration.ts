/**
 * The curation routes in the OpenAPI document (openapi.ts builds the rest), from the schemas of
 * contract/curation.ts (issue 12).
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import { errorBody, nodeIdParam } from '../contract/api.ts';
import * as curation from '../contract/curation.ts';

type Json = (schema: z.ZodType, description: string) => object;

/** Registers adding, editing, correcting and retracting facts, sources' grades and histories. */
export function registerCurationPaths(registry: OpenAPIRegistry, json: Json): void {
  const body = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
  const common = {
    403: json(errorBody, 'FORBIDDEN: a viewer (curation writes take the analyst role)'),
    503: json(errorBody, 'The database is not answering'),
  };
  const written = (status: 200 | 201, what: string) => ({
    [status]: json(curation.curationResponse, `${what}: its id and the version written (the next basedOn)`),
    400: json(errorBody, 'BAD_REQUEST: the record is invalid or the import would refuse it; details name each field'),
    ...common,
  });
  const conflicts = json(
    errorBody,
    'EDIT_CONFLICT (based on a replaced version), ID_TAKEN, ID_CONFLICT, IMPORT_RUNNING (a batched import holds the lease)',
  );
  const notFound = { 404: json(errorBody, 'NOT_FOUND: no such current fact') };
  const history = (path: string, what: string) =>
    registry.registerPath({
      method: 'get',
      path,
      summary: `${what}'s history: who recorded, corrected, retracted or edited what, when, citing which sources, with old and new values; oldest first`,
      request: { params: nodeIdParam },
      responses: { 200: json(curation.historyResponse, 'The changes'), ...notFound, 503: common[503] },
    });

  registry.registerPath({
    method: 'post',
    path: '/api/nodes',
    summary: 'Add a node; refused with POSSIBLE_DUPLICATES (details: the held nodes) unless keepBoth',
    request: { body: body(curation.addNodeRequest) },
    responses: { ...written(201, 'Added'), 409: json(errorBody, 'POSSIBLE_DUPLICATES, ID_TAKEN, IMPORT_RUNNING') },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/nodes/{id}',
    summary: 'Edit a node in place (its label stays); its old values stay in its history',
    request: { params: nodeIdParam, body: body(curation.editNodeRequest) },
    responses: { ...written(200, 'Edited'), ...notFound, 409: conflicts },
  });
  history('/api/nodes/{id}/history', 'A node');
  registry.registerPath({
    method: 'post',
    path: '/api/relationships',
    summary: 'Add a claim between two held nodes, citing at least one held source',
    request: { body: body(curation.addClaimRequest) },
    responses: { ...written(201, 'Added'), 409: conflicts },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/relationships/{id}',
    summary: 'Correct a claim: its version ends (kept, known on the days before) and the corrected one is recorded',
    request: { params: nodeIdParam, body: body(curation.editClaimRequest) },
    responses: { ...written(200, 'Corrected'), ...notFound, 409: conflicts },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/relationships/{id}/retraction',
    summary: 'Retract a claim with a reason: it ends, and stays known on the days before',
    request: { params: nodeIdParam, body: body(curation.retractClaimRequest) },
    responses: { ...written(200, 'Retracted'), ...notFound, 409: conflicts },
  });
  history('/api/relationships/{id}/history', 'A claim (all its versions)');
  registry.registerPath({
    method: 'post',
    path: '/api/sources',
    summary: 'Add a source, optionally graded (reliability A-F)',
    request: { body: body(curation.addSourceRequest) },
    responses: { ...written(201, 'Added'), 409: conflicts },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/sources/{id}',
    summary: "Edit a source in place; a changed reliability is recorded as 'regraded'",
    request: { params: nodeIdParam, body: body(curation.editSourceRequest) },
    responses: { ...written(200, 'Edited'), ...notFound, 409: conflicts },
  });
  history('/api/sources/{id}/history', 'A source');
  registry.registerPath({
    method: 'post',
    path: '/api/sources/grades',
    summary:
      'The reliability of each named source, now or as known on knownOn (F where none was stated; unknown ids left out)',
    request: { body: body(curation.sourceGradesRequest) },
    responses: {
      200: json(curation.sourceGradesResponse, 'The grades'),
      400: json(errorBody, 'BAD_REQUEST'),
      503: common[503],
    },
  });
}
