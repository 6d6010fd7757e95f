/**
 * Matching what is held, merging and SAME_AS in the OpenAPI document (openapi.ts builds the rest), from
 * the schemas of contract/curation.ts (issue 12). The import's dry run is described with /api/import.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import { errorBody, nodeIdParam } from '../contract/api.ts';
import * as curation from '../contract/curation.ts';

type Json = (schema: z.ZodType, description: string) => object;

/** Registers POST /api/nodes/matches, /api/nodes/{id}/merge and /api/nodes/{id}/same-as. */
export function registerMatchingPaths(registry: OpenAPIRegistry, json: Json): void {
  const body = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
  const unavailable = { 503: json(errorBody, 'The database is not answering') };
  registry.registerPath({
    method: 'post',
    path: '/api/nodes/matches',
    summary:
      'The held nodes a node about to be added may duplicate: by every name and alias folded as search folds them, and by shared neighbours; score in [0, 1] and reasons in words. Reads only',
    request: { body: body(curation.matchRequest) },
    responses: {
      200: json(curation.matchResponse, 'Best first'),
      400: json(errorBody, 'BAD_REQUEST: the body names the field'),
      ...unavailable,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/nodes/{id}/merge',
    summary:
      'Merge a duplicate into node {id}: its names become aliases, its citations join, its claims move as corrections; it ends (kept, known on the days before)',
    request: { params: nodeIdParam, body: body(curation.mergeRequest) },
    responses: {
      200: json(curation.mergeResponse, 'Merged'),
      400: json(errorBody, 'MERGE_INVALID: into itself, across labels, or a source'),
      403: json(errorBody, 'FORBIDDEN: a viewer (merging takes the analyst role)'),
      404: json(errorBody, 'NOT_FOUND: either node is not a current node'),
      409: json(errorBody, 'IMPORT_RUNNING: a batched import holds the lease'),
      ...unavailable,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/nodes/{id}/same-as',
    summary: 'Claim that node {id} and another node of its label are one entity: a SAME_AS claim, cited and graded',
    request: { params: nodeIdParam, body: body(curation.sameAsRequest) },
    responses: {
      201: json(curation.curationResponse, 'Recorded: the claim id and its recordedAt'),
      400: json(errorBody, 'SAME_AS_INVALID (itself, across labels), UNKNOWN_SOURCE, or no source cited'),
      403: json(errorBody, 'FORBIDDEN: a viewer'),
      404: json(errorBody, 'NOT_FOUND: either node is not a current node'),
      409: json(errorBody, 'SAME_AS_EXISTS, IMPORT_RUNNING'),
      ...unavailable,
    },
  });
}
