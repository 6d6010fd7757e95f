/** Shortest paths between two nodes: how is A linked to B, optionally as of a date. */
import type { Node, Relationship } from 'neo4j-driver';
import type { EdgeData, NodeData, PathsQuery, PathsResponse } from '../../contract/api.ts';
import { type Database, int } from '../db/database.ts';
import { edgeData, nodeData } from '../db/values.ts';
import { AppError, notFound } from '../errors.ts';

interface PathRow {
  nodes: Node[];
  relationships: Array<{ relationship: Relationship; source: string; target: string }>;
}

export async function shortestPaths(db: Database, query: PathsQuery): Promise<PathsResponse> {
  if (query.from === query.to) {
    throw new AppError(400, 'BAD_REQUEST', 'A path needs two different nodes: from and to are the same.');
  }
  return db.read('paths', async (tx) => {
    const exist = await tx.run('nodesExist', { ids: [query.from, query.to] });
    const missing = exist.records.filter((r) => !r.get('exists')).map((r) => r.get('id') as string);
    if (missing.length) throw notFound(`Node "${missing.join('", "')}"`);

    const result = await tx.run('shortestPaths', {
      from: query.from,
      to: query.to,
      maxLength: int(query.maxLength),
      types: query.types ?? null,
      asOf: query.asOf ?? null,
      limit: int(query.limit),
    });
    const nodes = new Map<string, NodeData>();
    const edges = new Map<string, EdgeData>();
    const paths = result.records.map((record) => {
      const row = record.toObject() as unknown as PathRow;
      const pathNodes = row.nodes.map(nodeData);
      for (const n of pathNodes) nodes.set(n.id, n);
      const pathEdges = row.relationships.map((r) => edgeData(r.relationship, r.source, r.target));
      for (const e of pathEdges) edges.set(e.id, e);
      return {
        nodes: pathNodes.map((n) => n.id),
        edges: pathEdges.map((e) => e.id),
        steps: pathEdges.map((e) => [e.id]),
      };
    });
    return {
      nodes: [...nodes.values()].map((data) => ({ data })),
      edges: [...edges.values()].map((data) => ({ data })),
      truncated: paths.length >= query.limit,
      paths,
    };
  });
}
