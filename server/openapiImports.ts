/**
 * The import job routes in the OpenAPI document (openapi.ts builds the rest), from the schemas of
 * contract/importJob.ts.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { errorBody } from '../contract/api.ts';
import { importJob } from '../contract/importJob.ts';

type Json = (schema: z.ZodType, description: string) => object;

/** Registers /api/imports and its sub-routes with their answers and errors. */
export function registerImportJobPaths(registry: OpenAPIRegistry, json: Json): void {
  const params = z.object({ id: z.string() });
  const common = {
    400: json(errorBody, 'Not an import job id'),
    403: json(errorBody, 'FORBIDDEN: a viewer (import jobs take the analyst role)'),
    503: json(errorBody, 'The database is not answering'),
  };
  const notFound = { 404: json(errorBody, 'IMPORT_JOB_NOT_FOUND') };
  registry.registerPath({
    method: 'get',
    path: '/api/imports',
    summary: 'The 50 most recent import jobs (imports written in batches), newest first',
    responses: { 200: json(z.object({ jobs: z.array(importJob) }), 'The jobs'), ...common },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/imports/{id}',
    summary: "An import job's progress: items committed of the total, and whether it was cut off",
    request: { params },
    responses: { 200: json(importJob, 'The job'), ...notFound, ...common },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/imports/{id}/resume',
    summary:
      'Resume a job cut off by a crash or an outage, from its last committed batch, with the file this server kept',
    request: { params },
    responses: {
      202: json(importJob, 'Resuming: poll the job (Location)'),
      409: json(
        errorBody,
        'IMPORT_NOT_INTERRUPTED (ended, or being written), IMPORT_FILE_GONE (no file here: use the command line)',
      ),
      ...notFound,
      ...common,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/imports/{id}/rollback',
    summary:
      'Undo a job: what it created is deleted, what it overwrote is restored; nodes later writes link to are kept',
    request: { params },
    responses: {
      202: json(importJob, 'Rolling back: poll the job (Location)'),
      403: json(errorBody, 'FORBIDDEN: only whoever ran the import, or an admin, rolls it back'),
      409: json(errorBody, 'IMPORT_RUNNING (being written by a live process), IMPORT_ROLLED_BACK (already)'),
      ...notFound,
      400: common[400],
      503: common[503],
    },
  });
}
