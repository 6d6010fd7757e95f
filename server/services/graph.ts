/**
 * The graph as an analyst explores it: one node with its citations, and the neighbourhood of a node
 * (by depth, relationship type, neighbour label and date), as Cytoscape.js elements.
 */
import type { Node, Relationship } from 'neo4j-driver';
import type { Elements, NeighboursQuery, NodeDetail, SourceData } from '../../contract/api.ts';
import { type Database, int } from '../db/database.ts';
import { edgeData, nodeData } from '../db/values.ts';
import { notFound } from '../errors.ts';

export async function nodeWithSources(db: Database, id: string): Promise<NodeDetail> {
  const result = await db.read('node', (tx) => tx.run('nodeWithSources', { id }));
  const record = result.records[0];
  if (!record) throw notFound(`Node "${id}"`);
  const sources = (record.get('sources') as Node[]).map((s) => sourceData(s));
  return { node: nodeData(record.get('node') as Node), sources };
}

function sourceData(node: Node): SourceData {
  const d = nodeData(node);
  const str = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : null);
  return {
    ...d,
    id: d.id,
    name: d.name,
    title: str('title'),
    number: typeof d.number === 'number' ? d.number : null,
    publisher: str('publisher'),
    author: str('author'),
    date: str('date'),
    url: str('url'),
  };
}

/**
 * Breadth-first, one query per depth step inside one read transaction. `limit` caps the nodes
 * (the start node included); when more were reachable, `truncated` says so.
 */
export async function expandNeighbourhood(db: Database, id: string, query: NeighboursQuery): Promise<Elements> {
  return db.read('neighbourhood', async (tx) => {
    const start = await tx.run('nodeWithSources', { id });
    const startRecord = start.records[0];
    if (!startRecord) throw notFound(`Node "${id}"`);

    const nodes = new Map([[id, nodeData(startRecord.get('node') as Node)]]);
    const edges = new Map<string, ReturnType<typeof edgeData>>();
    let truncated = false;
    let frontier = [id];
    // Enough rows to fill the limit even when neighbours repeat; past it the answer is truncated anyway.
    const rowCap = query.limit * 10 + 100;

    for (let step = 0; step < query.depth && frontier.length > 0; step++) {
      const result = await tx.run('expandNeighbourhood', {
        frontier,
        types: query.types ?? null,
        labels: query.labels ?? null,
        asOf: query.asOf ?? null,
        rowCap: int(rowCap),
      });
      if (result.records.length >= rowCap) truncated = true;
      const next: string[] = [];
      for (const record of result.records) {
        const neighbour = nodeData(record.get('neighbour') as Node);
        if (!nodes.has(neighbour.id)) {
          if (nodes.size >= query.limit) {
            truncated = true;
            continue;
          }
          nodes.set(neighbour.id, neighbour);
          next.push(neighbour.id);
        }
        const edge = edgeData(record.get('relationship') as Relationship, record.get('source'), record.get('target'));
        if (nodes.has(edge.source) && nodes.has(edge.target)) edges.set(edge.id, edge);
      }
      frontier = next;
    }
    return {
      nodes: [...nodes.values()].map((data) => ({ data })),
      edges: [...edges.values()].map((data) => ({ data })),
      truncated,
    };
  });
}
