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

/** Deepest nesting of lists and maps a parameter may have: far beyond any real query's needs. */
export const MAX_PARAM_DEPTH = 32;

/**
 * Whether a JSON value nests lists and maps at most `max` deep, found without recursion, so that a
 * hostile 100,000-deep value cannot overflow the stack here or the driver's encoder later.
 */
export function nestsAtMost(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return false;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return true;
}

export const cypherParams = z
  .record(z.string(), z.unknown())
  .refine((params) => nestsAtMost(params, MAX_PARAM_DEPTH + 1), {
    message: `nests lists and maps more than ${MAX_PARAM_DEPTH} deep`,
  });

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

/**
 * A Cypher value that JSON cannot carry as itself travels in `rows` as an object with one key, the
 * name of its Cypher type after a `$`, so that the console keeps its kind (to show, sort and export):
 *
 *   {"$integer": "-9223372036854775808"}  INTEGER beyond ±(2^53 − 1), as decimal digits
 *   {"$float": "1.0"}                     FLOAT that JSON would take for an integer ("1.0", "-3.0",
 *                                         "1e+21") or cannot hold ("NaN", "Infinity", "-Infinity")
 *   {"$date": "2018-02-09"}               DATE; likewise "$localtime", "$time", "$localdatetime",
 *                                         "$datetime", as ISO 8601 ("2018-05-28T00:00:00+03:00[Asia/Damascus]")
 *   {"$duration": "P1Y2M3DT4H"}           DURATION, ISO 8601
 *   {"$point": {"srid": 4326, "x": 36.2, "y": 33.5}}  POINT ("z" too in 3D)
 *   {"$bytes": [0, 255]}                  BYTE ARRAY
 *   {"$map": {…}}                         a MAP that would otherwise read as one of these, as a node
 *                                         or relationship ({data}) or as a path ({nodes, edges})
 *
 * Everything else is plain JSON: null, booleans, strings, lists, maps; integers within ±(2^53 − 1)
 * and floats with a fraction (2.5) as numbers, so a whole JSON number is always an INTEGER.
 */
export const TYPED_VALUE_KINDS = [
  'integer',
  'float',
  'date',
  'localtime',
  'time',
  'localdatetime',
  'datetime',
  'duration',
  'point',
  'bytes',
  'map',
] as const;
export type TypedValueKind = (typeof TYPED_VALUE_KINDS)[number];
export const TEMPORAL_KINDS = ['date', 'localtime', 'time', 'localdatetime', 'datetime'] as const;

export const typedInteger = z.object({ $integer: z.string().regex(/^-?\d+$/) }).strict();
export const typedFloat = z.object({ $float: z.string() }).strict();
export const typedPoint = z
  .object({ $point: z.object({ srid: z.number(), x: z.number(), y: z.number(), z: z.number().optional() }) })
  .strict();

/** The kind of a typed value (one key: `$` and a TYPED_VALUE_KINDS name), or null for plain JSON. */
export function typedValueKind(value: unknown): TypedValueKind | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const keys = Object.keys(value);
  if (keys.length !== 1 || !keys[0]!.startsWith('$')) return null;
  const kind = keys[0]!.slice(1);
  return (TYPED_VALUE_KINDS as readonly string[]).includes(kind) ? (kind as TypedValueKind) : null;
}

/**
 * One operator of a query plan (EXPLAIN) or profile (PROFILE), in the order the database prints them:
 * the root (ProduceResults) first, each operator followed by its children one `depth` deeper.
 */
export const planOperator = z.object({
  depth: z.number().int(),
  /** "NodeByLabelScan", without the database's "@neo4j". */
  operator: z.string(),
  /** What it works on, as the database writes it ("f:Faction", "(f)-[r:MEMBER_OF]->(g)"). */
  details: z.string(),
  estimatedRows: z.number(),
  /** Rows it produced and database accesses it made; null unless profiled. */
  rows: z.number().nullable(),
  dbHits: z.number().nullable(),
});
export type PlanOperator = z.infer<typeof planOperator>;

export const queryPlan = z.object({
  /** PROFILE ran the query and counted; EXPLAIN only planned it. */
  profiled: z.boolean(),
  /** The runtime that ran or would run it ("SLOTTED"), when the database says. */
  runtime: z.string().nullable(),
  operators: z.array(planOperator),
  /** Sum of the operators' database accesses; null unless profiled. */
  totalDbHits: z.number().nullable(),
});
export type QueryPlan = z.infer<typeof queryPlan>;

export const cypherResponse = z.object({
  runId: z.string(),
  columns: z.array(z.string()),
  /**
   * One array per record, its values in the order of `columns`, as JSON: nodes and relationships as
   * `{data}` elements, paths as `{nodes, edges}` (each edge from the relationship's own start node to
   * its end node, whichever way the path walks it), values JSON cannot hold as typed values (above).
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
    /** The plan of a query sent with EXPLAIN, or its profile with PROFILE; null otherwise. */
    plan: queryPlan.nullable(),
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
