/**
 * Shortest paths between two nodes: how is A linked to B, optionally as of a date. Answered as distinct
 * routes (sequences of nodes), each step listing every parallel relationship between its two nodes, so
 * that several claims about one link never crowd an equally short other route out.
 */
import type { Node, Relationship } from 'neo4j-driver';
import type { EdgeData, NodeData, PathsQuery, PathsResponse } from '../../contract/api.ts';
import { type Database, int } from '../db/database.ts';
import { edgeData, nodeData } from '../db/values.ts';
import { AppError, notFound } from '../errors.ts';
import { knownUntilOf } from './graph.ts';

interface RouteRow {
  nodes: Node[];
  relationships: Array<{ step: unknown; relationship: Relationship; source: string; target: string }>;
}

type Route = PathsResponse['paths'][number];

/**
 * The shortest routes from `query.from` to `query.to`, at most `query.limit` of them, best attested
 * first (most relationships, then by node ids). `truncated` is true when another route of the same
 * length was left out: the query asks for one route more than it returns. With `knownOn`, only facts
 * known then (contract/knownTime.ts).
 */
export async function shortestPaths(db: Database, query: PathsQuery): Promise<PathsResponse> {
  if (query.from === query.to) {
    throw new AppError(400, 'BAD_REQUEST', 'A path needs two different nodes: from and to are the same.');
  }
  return db.read('paths', async (tx) => {
    const exist = await tx.run('nodesExist', { ids: [query.from, query.to] });
    const knownUntil = knownUntilOf(query.knownOn);
    const missing = exist.records.filter((r) => !r.get('exists')).map((r) => r.get('id') as string);
    if (missing.length) throw notFound(`Node "${missing.join('", "')}"`);

    const result = await tx.run('shortestPaths', {
      from: query.from,
      to: query.to,
      maxLength: int(query.maxLength),
      types: query.types ?? null,
      asOf: query.asOf ?? null,
      knownUntil,
      limit: int(query.limit + 1),
    });
    const nodes = new Map<string, NodeData>();
    const edges = new Map<string, EdgeData>();
    const routes = result.records.map((record) => {
      const row = record.toObject() as unknown as RouteRow;
      const routeNodes = row.nodes.map(nodeData);
      for (const n of routeNodes) nodes.set(n.id, n);
      const steps: string[][] = routeNodes.slice(1).map(() => []);
      for (const r of row.relationships) {
        const edge = edgeData(r.relationship, r.source, r.target);
        edges.set(edge.id, edge);
        steps[Number(r.step)]?.push(edge.id);
      }
      for (const step of steps) step.sort();
      return { nodes: routeNodes.map((n) => n.id), edges: steps.flat(), steps };
    });
    routes.sort(byAttestation);
    const paths = routes.slice(0, query.limit);
    const keptNodes = new Set(paths.flatMap((p) => p.nodes));
    const keptEdges = new Set(paths.flatMap((p) => p.edges));
    return {
      nodes: [...nodes.values()].filter((n) => keptNodes.has(n.id)).map((data) => ({ data })),
      edges: [...edges.values()].filter((e) => keptEdges.has(e.id)).map((data) => ({ data })),
      truncated: routes.length > query.limit,
      paths,
    };
  });
}

/** More relationships first (the better attested route), then by node ids, for a stable order. */
function byAttestation(a: Route, b: Route): number {
  return b.edges.length - a.edges.length || a.nodes.join('\u0000').localeCompare(b.nodes.join('\u0000'));
}
