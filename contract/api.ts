/**
 * The wire format of the HTTP API: request parameters and response bodies as zod schemas. The server
 * validates requests with them and builds its OpenAPI document from them; the client parses responses
 * with them, so the two cannot drift apart silently.
 */
import { z } from 'zod';
import { GRAPH_LABELS, NODE_LABELS, RELATIONSHIP_TYPES } from './model.ts';
import { fullDate } from './partialDate.ts';
import { decimalInteger } from './decimal.ts';
import { knownOn } from './knownTime.ts';

/** Where in a Cypher query: line and column count from 1, offset (characters) from 0. */
export const queryPosition = z.object({ line: z.number(), column: z.number(), offset: z.number() });
export type QueryPosition = z.infer<typeof queryPosition>;

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    /** true when `details` lists only the first problems (an import's first 100) and there are more. */
    detailsTruncated: z.boolean().optional(),
    /** Where in a submitted Cypher query the database found the error (the console's syntax errors). */
    position: queryPosition.optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

/**
 * Where the database stands, as the API sees it: `up`; `unresponsive` (it stopped answering, requests
 * fail fast with 503 until it answers again); `restarting` (the local Neo4j exited or hung and the app is
 * starting it again); `failed` (it crashed too often in a row, or the given server cannot be reached:
 * a person has to look; `message` names the cause).
 */
export const DATABASE_STATES = ['up', 'unresponsive', 'restarting', 'failed'] as const;
export const databaseState = z.enum(DATABASE_STATES);
export type DatabaseState = z.infer<typeof databaseState>;

export const databaseStatus = z.object({
  state: databaseState,
  /** When the database entered this state (ISO 8601 instant). */
  since: z.string(),
  /** Restarts of the local Neo4j since the app started (always 0 for a server the app is given). */
  restarts: z.number(),
  /** Why it is not up, in words an analyst can act on (with the last lines of Neo4j's log when it crashed). */
  message: z.string().optional(),
});
export type DatabaseStatus = z.infer<typeof databaseStatus>;

/** GET /api/health: 200 with this body when the database answers; 503 with `error` and `database` when not. */
export const healthResponse = z.object({
  status: z.literal('ok'),
  database: databaseStatus,
  // Absent for a request without a session when sign-in is on: which database, where and of which
  // version is no stranger's business (issue 10); the state is, for load balancers and the sign-in page.
  neo4j: z.object({ uri: z.string(), database: z.string(), version: z.string(), edition: z.string() }).optional(),
});
export type HealthResponse = z.infer<typeof healthResponse>;

export const healthUnavailableResponse = errorBody.extend({ database: databaseStatus });
export type HealthUnavailableResponse = z.infer<typeof healthUnavailableResponse>;

/**
 * Comma-separated list in a query string, each item checked against an allow-list. An empty list
 * (`types=`) means no filter, as if the parameter were absent.
 */
function commaList<T extends readonly [string, ...string[]]>(allowed: T) {
  return z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(allowed)))
    .transform((list) => (list.length > 0 ? list : undefined));
}

export const searchQuery = z.object({
  q: z.string().trim().min(1, 'q must not be empty').max(200),
  limit: decimalInteger(1, 100).default(10),
});
/**
 * A match: a node, or a Source (found by its title, author or publisher; `title` is its title).
 * `types` are the node's relationship types, so a client can tell when its filters hide all its links.
 */
export const searchResult = z.object({
  id: z.string(),
  label: z.enum(NODE_LABELS),
  name: z.string(),
  aliases: z.array(z.string()),
  title: z.string().optional(),
  types: z.array(z.enum(RELATIONSHIP_TYPES)),
  score: z.number(),
});
export const searchResponse = z.object({ results: z.array(searchResult) });
export type SearchResult = z.infer<typeof searchResult>;
export type SearchResponse = z.infer<typeof searchResponse>;

/** A property value as JSON: Neo4j values mapped by server/db/values.ts. */
const propertyValue = z.unknown();

export const nodeData = z
  .object({ id: z.string(), label: z.enum(NODE_LABELS), name: z.string() })
  .catchall(propertyValue);
export const edgeData = z
  .object({
    id: z.string(),
    source: z.string(),
    target: z.string(),
    type: z.enum(RELATIONSHIP_TYPES),
    /** As the source states them: partial dates (contract/partialDate.ts), with their qualifiers. */
    from: z.string().nullable(),
    to: z.string().nullable(),
    /** Valid time derived at import (contract/validTime.ts): full dates, inclusive, sentinels when open. */
    validFrom: z.string(),
    validTo: z.string(),
    sources: z.array(z.string()),
  })
  .catchall(propertyValue);
export type NodeData = z.infer<typeof nodeData>;
export type EdgeData = z.infer<typeof edgeData>;

/** Cytoscape.js elements, as the canvas adds them. */
export const elements = z.object({
  nodes: z.array(z.object({ data: nodeData })),
  edges: z.array(z.object({ data: edgeData })),
  truncated: z.boolean(),
});
export type Elements = z.infer<typeof elements>;

export const sourceData = z
  .object({
    id: z.string(),
    name: z.string(),
    title: z.string().nullable(),
    number: z.number().nullable(),
    publisher: z.string().nullable(),
    author: z.string().nullable(),
    date: z.string().nullable(),
    url: z.string().nullable(),
  })
  .catchall(propertyValue);
export type SourceData = z.infer<typeof sourceData>;

export const nodeDetail = z.object({ node: nodeData, sources: z.array(sourceData) });
export type NodeDetail = z.infer<typeof nodeDetail>;

export const nodeIdParam = z.object({ id: z.string().min(1).max(200) });
/** GET /api/nodes/:id: the node as known on a day or just before an instant (contract/knownTime.ts). */
export const nodeQuery = z.object({ knownOn: knownOn.optional() });

/**
 * GET /api/sources/:id/claims, what a source states: the nodes citing it and the relationships citing
 * it with their end nodes, as `elements`; at most `limit` nodes and `limit` relationships citing it.
 */
export const sourceClaimsQuery = z.object({
  limit: decimalInteger(1, 5000).default(1000),
});
export type SourceClaimsQuery = z.infer<typeof sourceClaimsQuery>;

export const neighboursQuery = z.object({
  depth: decimalInteger(1, 3).default(1),
  types: commaList(RELATIONSHIP_TYPES).optional(),
  labels: commaList(GRAPH_LABELS).optional(),
  asOf: fullDate.optional(),
  /** As the graph stood at the end of that day, or just before that instant (contract/knownTime.ts). */
  knownOn: knownOn.optional(),
  limit: decimalInteger(1, 1000).default(200),
});
export type NeighboursQuery = z.infer<typeof neighboursQuery>;

export const importResponse = z.object({
  sources: z.number(),
  nodes: z.number(),
  relationships: z.number(),
  /** What the database reported it changed: all zero when the same file is imported again. */
  changes: z.object({
    nodesCreated: z.number(),
    relationshipsCreated: z.number(),
    propertiesSet: z.number(),
    labelsAdded: z.number(),
  }),
  /** The import job that wrote it in batches (contract/importJob.ts); absent for one written in one transaction. */
  job: z.string().optional(),
});
export type ImportResponse = z.infer<typeof importResponse>;

export const pathsQuery = z.object({
  from: z.string().min(1).max(200),
  to: z.string().min(1).max(200),
  maxLength: decimalInteger(1, 6).default(4),
  asOf: fullDate.optional(),
  knownOn: knownOn.optional(),
  types: commaList(RELATIONSHIP_TYPES).optional(),
  limit: decimalInteger(1, 50).default(10),
});
export type PathsQuery = z.infer<typeof pathsQuery>;

/**
 * Shortest paths as distinct ROUTES: a route is a sequence of nodes; where several relationships join
 * two consecutive nodes (parallel claims), they are one step of the route, listed together, so five
 * parallel claims never crowd an equally short other route out. `nodes` are the route's node ids in
 * order; `steps[i]` the ids of every relationship between nodes[i] and nodes[i+1]; `edges` all of them.
 * `truncated` says that more routes of the same length were left out by `limit`.
 */
export const pathsResponse = elements.extend({
  paths: z.array(
    z.object({ nodes: z.array(z.string()), edges: z.array(z.string()), steps: z.array(z.array(z.string())) }),
  ),
});
export type PathsResponse = z.infer<typeof pathsResponse>;

export const lineageQuery = z.object({
  asOf: fullDate.optional(),
  knownOn: knownOn.optional(),
  depth: decimalInteger(1, 5).default(3),
});

/**
 * A faction's genealogy: the factions that merged into it or joined it (and left, `to`), and what it
 * merged into or joined, followed through MERGED_INTO and MEMBER_OF up to `depth` steps each way.
 * `events` lists every dated change in time order, for drawing top-down.
 */
export const lineageResponse = elements.extend({
  root: z.string(),
  events: z.array(
    z.object({
      date: z.string(),
      /**
       * `absorbed`: a membership that ended because the member merged into another faction (not "left");
       * `split`: a merger that came apart.
       */
      kind: z.enum(['joined', 'left', 'absorbed', 'merged', 'split', 'founded', 'dissolved']),
      edge: z.string().nullable(),
      node: z.string(),
    }),
  ),
});
export type LineageResponse = z.infer<typeof lineageResponse>;

/**
 * The relationships among a set of nodes already drawn ("connect result nodes", as Neo4j Browser calls
 * it): every relationship whose both ends are in `ids`, optionally only of `types` and holding on
 * `asOf`. One request for a whole view, however its nodes got onto the canvas.
 */
export const relationshipsAmongRequest = z.strictObject({
  ids: z.array(z.string().min(1).max(200)).min(1).max(20_000),
  asOf: fullDate.optional(),
  types: z.array(z.enum(RELATIONSHIP_TYPES)).min(1).optional(),
  /** As the graph stood on this day or just before this instant (contract/knownTime.ts); absent: now. */
  knownOn: knownOn.optional(),
});
export type RelationshipsAmongRequest = z.infer<typeof relationshipsAmongRequest>;
export const relationshipsAmongResponse = z.object({ edges: z.array(z.object({ data: edgeData })) });
export type RelationshipsAmongResponse = z.infer<typeof relationshipsAmongResponse>;
