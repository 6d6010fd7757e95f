/**
 * The one module that talks to the server. Every answer is parsed with the contract's zod schemas, so a
 * server that drifts from contract/api.ts fails loudly here instead of drawing half a graph; every
 * failure becomes an ApiError carrying the server's {code, message} (or a client-side code).
 */
import type { z } from 'zod';
import {
  elements,
  errorBody,
  healthResponse,
  healthUnavailableResponse,
  lineageResponse,
  nodeDetail,
  pathsResponse,
  relationshipsAmongResponse,
  searchResponse,
  type DatabaseStatus,
  type EdgeData,
  type Elements,
  type LineageResponse,
  type NodeDetail,
  type PathsResponse,
  type RelationshipsAmongRequest,
  type SearchResult,
} from '../../contract/api.ts';
import type { GraphLabel, RelationshipType } from '../../contract/model.ts';
import { entityListResponse, type EntityListQuery, type EntityListResponse } from '../../contract/entities.ts';
import { cypherResponse, namedQueryList, type CypherResponse, type NamedQuery } from '../../contract/console.ts';
import { ApiError, noticed, UnauthenticatedError } from './apiErrors.ts';

export {
  ApiError,
  type ApiErrorDetails,
  isUnavailable,
  onUnauthenticated,
  onUnavailable,
  refusalWords,
  UnauthenticatedError,
} from './apiErrors.ts';

type QueryValue = string | number | readonly string[] | null | undefined;

function queryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value == null) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) search.set(key, value.join(','));
    } else search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * A request's body (sent as JSON), its method (default: POST with a body, GET without) and its
 * cancellation. `signIn`: a 401 is this request's own answer (wrong password, no session yet), not a
 * session that ended, so the onUnauthenticated() listeners are not told.
 */
export interface RequestOptions {
  payload?: unknown;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  signal?: AbortSignal;
  signIn?: boolean;
}

/**
 * One request and its answer: network failures, cancellation, error bodies (with their position and
 * details) and answers that do not match the contract all become ApiErrors; those that mean the API
 * is away are also told to the onUnavailable() listeners.
 */
export async function requestJson<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  try {
    return await exchange(path, schema, options);
  } catch (err) {
    throw noticed(err, options.signIn);
  }
}

async function exchange<S extends z.ZodType>(path: string, schema: S, options: RequestOptions): Promise<z.infer<S>> {
  const { payload, signal } = options;
  const init: RequestInit =
    payload === undefined
      ? { method: options.method ?? 'GET', headers: { accept: 'application/json' }, signal }
      : {
          method: options.method ?? 'POST',
          headers: { accept: 'application/json', 'content-type': 'application/json' },
          body: JSON.stringify(payload),
          signal,
        };
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (err) {
    if (signal?.aborted) throw new ApiError(0, 'ABORTED', 'The request was cancelled');
    throw new ApiError(0, 'NETWORK', `The server did not answer (${(err as Error).message})`);
  }
  let body: unknown = null;
  try {
    // 204 (a delete, a sign-out) has no body: the schema is given null.
    if (response.status !== 204) body = await response.json();
  } catch {
    if (signal?.aborted) throw new ApiError(0, 'ABORTED', 'The request was cancelled');
    throw new ApiError(response.status, 'BAD_RESPONSE', `The server answered ${response.status} without JSON`);
  }
  if (!response.ok) {
    const parsed = errorBody.safeParse(body);
    if (!parsed.success) throw new ApiError(response.status, 'HTTP_ERROR', `The server answered ${response.status}`);
    const { code, message, position, details } = parsed.data.error;
    if (response.status === 401) throw new UnauthenticatedError(code, message);
    const wait = Number(response.headers.get('retry-after'));
    const retryAfter = Number.isFinite(wait) && wait > 0 ? wait : undefined;
    throw new ApiError(response.status, code, message, { position, details, retryAfter });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      'BAD_RESPONSE',
      `Unexpected answer from ${path.split('?')[0]}: ${parsed.error.message}`,
    );
  }
  return parsed.data;
}

const getJson = <S extends z.ZodType>(path: string, schema: S, signal?: AbortSignal) =>
  requestJson(path, schema, { signal });
const postJson = <S extends z.ZodType>(path: string, payload: unknown, schema: S, signal?: AbortSignal) =>
  requestJson(path, schema, { payload, signal });

const enc = encodeURIComponent;

/** A console run: the query, its parameters, and the id the client chose so it can cancel it. */
export interface CypherRun {
  query: string;
  params: Record<string, unknown>;
  runId: string;
}

export interface NeighboursOptions {
  depth?: number;
  types?: readonly RelationshipType[] | null;
  labels?: readonly GraphLabel[] | null;
  asOf?: string | null;
  /** As the graph stood on this day or before this instant (contract/knownTime.ts); null/absent: now. */
  knownOn?: string | null;
  limit?: number;
}

export interface PathsOptions {
  from: string;
  to: string;
  maxLength?: number;
  asOf?: string | null;
  knownOn?: string | null;
  types?: readonly RelationshipType[] | null;
  limit?: number;
}

export const api = {
  /**
   * Where the database stands, from GET /api/health: its DatabaseStatus whether the server answers
   * 200 (state 'up') or 503 (state 'unresponsive', 'restarting' or 'failed', with a message); a 503
   * without a status (a server older than the contract's DatabaseStatus) reads as 'unresponsive'.
   * Throws ApiError NETWORK when the server does not answer, ABORTED when `signal` ends the wait,
   * BAD_RESPONSE or the server's code for any other answer. Not told to onUnavailable(): its caller
   * is the one that listens.
   */
  async health(signal?: AbortSignal): Promise<DatabaseStatus> {
    let response: Response;
    try {
      response = await fetch('/api/health', { headers: { accept: 'application/json' }, signal, cache: 'no-store' });
    } catch (err) {
      if (signal?.aborted) throw new ApiError(0, 'ABORTED', 'The health check was cancelled');
      throw new ApiError(0, 'NETWORK', `The server did not answer (${(err as Error).message})`);
    }
    const body: unknown = await response.json().catch(() => null);
    if (response.ok) {
      const parsed = healthResponse.safeParse(body);
      if (parsed.success) return parsed.data.database;
      throw new ApiError(
        response.status,
        'BAD_RESPONSE',
        `Unexpected answer from /api/health: ${parsed.error.message}`,
      );
    }
    const away = healthUnavailableResponse.safeParse(body);
    if (away.success) return away.data.database;
    const error = errorBody.safeParse(body);
    if (!error.success) throw new ApiError(response.status, 'HTTP_ERROR', `The server answered ${response.status}`);
    const { code, message } = error.data.error;
    if (response.status !== 503) throw new ApiError(response.status, code, message);
    return { state: 'unresponsive', since: new Date().toISOString(), restarts: 0, message };
  },

  async search(q: string, limit = 10, signal?: AbortSignal): Promise<SearchResult[]> {
    const body = await getJson(`/api/search${queryString({ q, limit })}`, searchResponse, signal);
    return body.results;
  },

  /** A node and its sources; `knownOn`: as the graph stood then (404 when it was not known yet). */
  node(id: string, knownOn?: string | null): Promise<NodeDetail> {
    return getJson(`/api/nodes/${enc(id)}${queryString({ knownOn })}`, nodeDetail);
  },

  neighbours(id: string, options: NeighboursOptions = {}): Promise<Elements> {
    const { depth, types, labels, asOf, knownOn, limit } = options;
    const query = queryString({ depth, types, labels, asOf, knownOn, limit });
    return getJson(`/api/nodes/${enc(id)}/neighbors${query}`, elements);
  },

  paths(options: PathsOptions): Promise<PathsResponse> {
    const { from, to, maxLength, asOf, knownOn, types, limit } = options;
    return getJson(`/api/paths${queryString({ from, to, maxLength, asOf, knownOn, types, limit })}`, pathsResponse);
  },

  /**
   * Every relationship whose both ends are among `ids` (optionally only of `types`, holding on `asOf`):
   * what completes a view, however its nodes got onto the canvas.
   */
  async relationshipsAmong(request: RelationshipsAmongRequest, signal?: AbortSignal): Promise<EdgeData[]> {
    const body = await postJson('/api/relationships/among', request, relationshipsAmongResponse, signal);
    return body.edges.map((e) => e.data);
  },

  /** What a source states: the nodes and relationships citing it, with their end nodes (404 for no source). */
  sourceClaims(id: string): Promise<Elements> {
    return getJson(`/api/sources/${enc(id)}/claims`, elements);
  },

  lineage(
    id: string,
    options: { asOf?: string | null; knownOn?: string | null; depth?: number } = {},
  ): Promise<LineageResponse> {
    const { asOf, knownOn, depth } = options;
    return getJson(`/api/lineage/${enc(id)}${queryString({ asOf, knownOn, depth })}`, lineageResponse);
  },

  /** One label's whole list, filtered, sorted and paged (GET /api/entities; contract/entities.ts). */
  entities(
    query: Pick<EntityListQuery, 'label'> & Partial<EntityListQuery>,
    signal?: AbortSignal,
  ): Promise<EntityListResponse> {
    const { label, q, kind, from, to, sort, order, limit, offset } = query;
    const params = queryString({ label, q, kind, from, to, sort, order, limit, offset });
    return getJson(`/api/entities${params}`, entityListResponse, signal);
  },

  /** An analyst's own read-only Cypher (the console). */
  cypher(run: CypherRun, signal?: AbortSignal): Promise<CypherResponse> {
    return postJson('/api/cypher', run, cypherResponse, signal);
  },

  /** Stops a running console query on the server; false when none runs under that id (it has ended). */
  async cancelCypher(runId: string): Promise<boolean> {
    let response: Response;
    try {
      response = await fetch(`/api/cypher/${enc(runId)}`, {
        method: 'DELETE',
        headers: { accept: 'application/json' },
      });
    } catch (err) {
      throw noticed(new ApiError(0, 'NETWORK', `The server did not answer (${(err as Error).message})`));
    }
    if (response.status === 204) return true;
    if (response.status === 404) return false;
    const parsed = errorBody.safeParse(await response.json().catch(() => null));
    if (parsed.success) {
      throw noticed(new ApiError(response.status, parsed.data.error.code, parsed.data.error.message));
    }
    throw noticed(new ApiError(response.status, 'HTTP_ERROR', `The server answered ${response.status}`));
  },

  async namedQueries(): Promise<NamedQuery[]> {
    return (await getJson('/api/queries', namedQueryList)).queries;
  },

  runNamedQuery(name: string, run: Omit<CypherRun, 'query'>, signal?: AbortSignal): Promise<CypherResponse> {
    return postJson(`/api/queries/${enc(name)}`, { params: run.params, runId: run.runId }, cypherResponse, signal);
  },
};

export type Api = typeof api;
