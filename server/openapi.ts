/**
 * The OpenAPI document, generated from the contract's zod schemas so it cannot disagree with what the
 * server validates. Served at /api/openapi.json.
 */
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import * as api from '../contract/api.ts';
import * as consoleApi from '../contract/console.ts';
import * as entitiesApi from '../contract/entities.ts';
import { importFile } from '../contract/importFile.ts';
import { importJob } from '../contract/importJob.ts';
import { registerAuthPaths } from './openapiAuth.ts';
import { registerImportJobPaths } from './openapiImports.ts';
import { registerCurationPaths } from './openapiCuration.ts';
import { registerInvestigationPaths } from './openapiInvestigations.ts';
import { registerMatchingPaths } from './openapiMatching.ts';
import { dryRunQuery, dryRunResponse } from '../contract/curation.ts';

export function buildOpenApiDocument(): object {
  const registry = new OpenAPIRegistry();
  const error = api.errorBody;
  const elements = api.elements;
  const json = (schema: z.ZodType, description: string) => ({
    description,
    content: { 'application/json': { schema } },
  });
  const errors = {
    400: json(error, 'Invalid parameters'),
    503: json(error, 'The database is not answering'),
  };

  registry.registerPath({
    method: 'get',
    path: '/api/health',
    summary: 'Whether the database answers',
    responses: {
      200: json(api.healthResponse, 'The database answers'),
      503: json(api.healthUnavailableResponse, 'The database is away: unresponsive, restarting or failed'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/search',
    summary: 'Find nodes by any of their names, in any script, and sources by title, author or publisher',
    request: { query: api.searchQuery },
    responses: { 200: json(api.searchResponse, 'Best matches first'), ...errors },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/nodes/{id}',
    summary: 'A node, all its properties, and the sources it cites',
    request: { params: api.nodeIdParam, query: api.nodeQuery },
    responses: { 200: json(api.nodeDetail, 'The node'), 404: json(error, 'No such node'), ...errors },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/nodes/{id}/neighbors',
    summary: 'The neighbourhood of a node as Cytoscape.js elements, optionally as of a date',
    request: { params: api.nodeIdParam, query: api.neighboursQuery },
    responses: { 200: json(elements, 'Nodes and edges'), 404: json(error, 'No such node'), ...errors },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/relationships/among',
    summary: 'Every relationship whose both ends are among the given node ids, optionally by type and as of a date',
    request: { body: { content: { 'application/json': { schema: api.relationshipsAmongRequest } } } },
    responses: { 200: json(api.relationshipsAmongResponse, 'The relationships, once each'), ...errors },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/sources/{id}/claims',
    summary: 'What a source states: the nodes citing it, and the relationships citing it with their end nodes',
    request: { params: api.nodeIdParam, query: api.sourceClaimsQuery },
    responses: {
      200: json(elements, 'Nodes and edges citing the source'),
      404: json(error, 'No such source'),
      ...errors,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/entities',
    summary: "One label's whole list: filtered by name, kind and date range, sorted by an allow-listed column, paged",
    request: { query: entitiesApi.entityListQuery },
    responses: { 200: json(entitiesApi.entityListResponse, 'A page of rows and the total'), ...errors },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/paths',
    summary: 'The shortest routes between two nodes, parallel links grouped per step, optionally as of a date',
    request: { query: api.pathsQuery },
    responses: {
      200: json(api.pathsResponse, 'Distinct routes, best attested first'),
      404: json(error, 'No such node'),
      ...errors,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/lineage/{id}',
    summary: "A faction's genealogy of mergers, joins and departures, in time order",
    request: { params: api.nodeIdParam, query: api.lineageQuery },
    responses: { 200: json(api.lineageResponse, 'The lineage'), 404: json(error, 'No such faction'), ...errors },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/import',
    summary:
      'Import a file of sources, nodes and relationships, idempotent: all or nothing up to IMPORT_COMMIT_ROWS items, in resumable committed batches above. With dryRun=true, nothing is written: the answer counts what would change and lists possibleDuplicates',
    request: {
      query: dryRunQuery,
      body: { content: { 'application/json': { schema: importFile } } },
    },
    responses: {
      200: json(
        api.importResponse.or(dryRunResponse),
        'Imported; with dryRun=true, what would change (a dryRunResponse)',
      ),
      202: json(
        importJob,
        'With Prefer: respond-async, a file written in batches: its job, once recorded (Location to poll)',
      ),
      400: json(error, 'Invalid file, every problem named by path; nothing was written'),
      409: json(
        error,
        'The file conflicts with what the database holds (an id used for something else); nothing was written',
      ),
      413: json(error, 'Too large as sent, as inflated, or inflating by more than the allowed ratio'),
      415: json(error, 'Not JSON, or a Content-Encoding other than gzip, deflate, br'),
      429: json(error, 'Imports are already running and waiting; try again after Retry-After seconds'),
      503: errors[503],
    },
  });

  const consoleErrors = {
    ...errors,
    400: json(error, 'Invalid request, a syntax error (with its position) or a query that failed'),
    403: json(error, 'Refused, nothing run: the query is not read-only or calls a procedure not allowed'),
    408: json(error, 'The query ran past its time limit; its transaction was terminated'),
    409: json(error, 'Cancelled (its transaction was terminated), or the run id is in use'),
    422: json(error, 'The query needed more memory than one query may use, and was stopped'),
    429: json(
      error,
      'Too many console queries running (all analysts, or yours, stopped ones still running included); try after Retry-After',
    ),
  };
  registry.registerPath({
    method: 'post',
    path: '/api/cypher',
    summary: 'Run a read-only Cypher query: checked from its plan, then run under a timeout and a row cap',
    request: { body: { content: { 'application/json': { schema: consoleApi.cypherRequest } } } },
    responses: { 200: json(consoleApi.cypherResponse, 'Rows, the graph in them, and the summary'), ...consoleErrors },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/cypher/{runId}',
    summary: 'Cancel a running console query; its transaction is terminated on the server',
    request: { params: consoleApi.runIdParam },
    responses: { 204: { description: 'Cancelled' }, 404: json(error, 'No query runs under that id'), ...errors },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/queries',
    summary: 'The named queries, with their typed parameters and defaults',
    responses: { 200: json(consoleApi.namedQueryList, 'Every named query') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/queries/{name}',
    summary: 'Run a named query with parameters, as the console runs a query',
    request: {
      params: consoleApi.namedQueryNameParam,
      body: { content: { 'application/json': { schema: consoleApi.namedQueryRunRequest } } },
    },
    responses: {
      200: json(consoleApi.cypherResponse, 'Rows, the graph in them, and the summary'),
      404: json(error, 'No such named query'),
      ...consoleErrors,
    },
  });

  registerInvestigationPaths(registry, json);
  registerImportJobPaths(registry, json);
  registerCurationPaths(registry, json);
  registerAuthPaths(registry, json);
  registerMatchingPaths(registry, json);

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Faction Atlas API',
      version: '0.1.0',
      description: 'Who was linked to whom, when, and says who: the network of armed groups in Neo4j.',
    },
  });
}
