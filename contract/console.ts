/**
 * The wire format of the Cypher console: an analyst's own read-only query (POST /api/cypher), its
 * cancellation (DELETE /api/cypher/:runId), and the named queries kept in cypher/queries/*.cypher
 * (GET /api/queries, POST /api/queries/:name). Both kinds of run answer with the same `cypherResponse`.
 */
import { z } from 'zod';
import { edgeData, nodeData, queryPosition, type QueryPosition } from './api.ts';
import { slug } from './importFile.ts';
import { fullDate, partialDate } from './partialDate.ts';

/** Chosen by the client before it sends a query, so that it can cancel the query while it runs. */
export const runId = z.string().regex(/^[\w-]{1,64}$/, 'must be 1 to 64 letters, digits, _ or -');

export const cypherParams = z.record(z.string(), z.unknown());

export const cypherRequest = z.object({
  /** As sent: error positions refer to this text. */
  query: z
    .string()
    .max(100_000)
    .refine((q) => q.trim().length > 0, 'query must not be empty'),
  /** Cypher parameters; whole numbers reach Cypher as integers, other numbers as floats. */
  params: cypherParams.default({}),
  runId: runId.optional(),
});
export type CypherRequest = z.infer<typeof cypherRequest>;

export const runIdParam = z.object({ runId });

export { queryPosition, type QueryPosition };

export const cypherNotification = z.object({
  code: z.string(),
  title: z.string(),
  description: z.string(),
  severity: z.string(),
  position: queryPosition.nullable(),
});

export const cypherResponse = z.object({
  runId: z.string(),
  columns: z.array(z.string()),
  /**
   * One array per record, its values in the order of `columns`, as JSON: integers as numbers when
   * safe (strings beyond 2^53), temporal values as ISO strings, nodes and relationships as
   * `{data}` elements, paths as `{nodes, edges}`.
   */
  rows: z.array(z.array(z.unknown())),
  /** More records were available than the row cap; `rows` holds the first ones. */
  truncated: z.boolean(),
  /**
   * Every node and relationship anywhere in `rows` (inside lists, maps and paths too), plus the end
   * nodes of those relationships, so that the canvas can draw every edge. Edges' `source` and
   * `target` are node ids as in `nodes`.
   */
  graph: z.object({
    nodes: z.array(z.object({ data: nodeData })),
    edges: z.array(z.object({ data: edgeData })),
  }),
  summary: z.object({
    /** Milliseconds until the first record was available, and until the last was consumed. */
    resultAvailableAfter: z.number(),
    resultConsumedAfter: z.number(),
    notifications: z.array(cypherNotification),
  }),
});
export type CypherResponse = z.infer<typeof cypherResponse>;

/**
 * Types a named query's parameter may have. `date` is a full day (what "as of" needs); `partialDate`
 * is a date as the sources give it (YYYY, YYYY-MM or YYYY-MM-DD); `id` is a node's id (a slug).
 */
export const NAMED_QUERY_PARAM_TYPES = ['string', 'integer', 'float', 'boolean', 'date', 'partialDate', 'id'] as const;
export type NamedQueryParamType = (typeof NAMED_QUERY_PARAM_TYPES)[number];

export const namedQueryParam = z.object({
  name: z.string(),
  type: z.enum(NAMED_QUERY_PARAM_TYPES),
  /** A required parameter has no default and must be given. */
  required: z.boolean(),
  /** The value used when the parameter is not given; null when an optional one has none. */
  default: z.unknown(),
  description: z.string(),
  /** Bounds of an integer or float parameter, inclusive. */
  min: z.number().optional(),
  max: z.number().optional(),
});
export type NamedQueryParam = z.infer<typeof namedQueryParam>;

export const namedQuery = z.object({
  name: z.string(),
  title: z.string(),
  description: z.string(),
  params: z.array(namedQueryParam),
  /** The Cypher it runs, so the analyst can copy it into the console and adapt it. */
  cypher: z.string(),
});
export type NamedQuery = z.infer<typeof namedQuery>;

export const namedQueryList = z.object({ queries: z.array(namedQuery) });
export type NamedQueryList = z.infer<typeof namedQueryList>;

export const namedQueryNameParam = z.object({ name: z.string().regex(/^[A-Za-z][\w-]{0,99}$/, 'is not a query name') });

export const namedQueryRunRequest = z.object({
  params: cypherParams.default({}),
  runId: runId.optional(),
});
export type NamedQueryRunRequest = z.infer<typeof namedQueryRunRequest>;

/** The schema a value of one named-query parameter must match; the client may check forms with it too. */
export function paramValueSchema(param: Pick<NamedQueryParam, 'type' | 'min' | 'max'>): z.ZodType {
  switch (param.type) {
    case 'string':
      return z.string().max(10_000);
    case 'integer':
    case 'float': {
      let schema = param.type === 'integer' ? z.number().int() : z.number();
      if (param.min !== undefined) schema = schema.min(param.min);
      if (param.max !== undefined) schema = schema.max(param.max);
      return schema;
    }
    case 'boolean':
      return z.boolean();
    case 'date':
      return fullDate;
    case 'partialDate':
      return partialDate;
    case 'id':
      return slug;
  }
}
