/**
 * What of a console result goes onto the canvas (client/src/console/consoleGraph.ts): no Source
 * nodes, only edges whose both ends are drawn, and by itself at most CANVAS_NODE_CAP nodes, the first
 * the result holds; all of them when asked.
 */
import { describe, expect, it } from 'vitest';
import { CANVAS_NODE_CAP, partToDraw, type ResultGraph } from '../../client/src/console/consoleGraph.ts';

const node = (id: string, label = 'Faction') => ({ data: { id, label, name: id } }) as ResultGraph['nodes'][number];
const edge = (id: string, source: string, target: string) =>
  ({
    data: { id, source, target, type: 'MEMBER_OF', from: null, to: null, validFrom: '', validTo: '', sources: [] },
  }) as ResultGraph['edges'][number];

/** `n` factions in a chain, each a member of the next. */
function chain(n: number): ResultGraph {
  const nodes = Array.from({ length: n }, (_, i) => node(`f${i}`));
  const edges = nodes.slice(1).map((_, i) => edge(`e${i}`, `f${i}`, `f${i + 1}`));
  return { nodes, edges };
}

describe('partToDraw', () => {
  it('draws a result within the cap whole, without Source nodes or the edges to them', () => {
    const graph: ResultGraph = {
      nodes: [node('a'), node('b', 'Person'), node('ref-1', 'Source')],
      edges: [edge('ab', 'b', 'a'), edge('cites', 'a', 'ref-1')],
    };
    const { part, of } = partToDraw(graph, CANVAS_NODE_CAP);
    expect(part.nodes.map((n) => n.data.id)).toEqual(['a', 'b']);
    expect(part.edges.map((e) => e.data.id)).toEqual(['ab']);
    expect(of).toBe(2);
  });

  it('draws only the first CANVAS_NODE_CAP nodes of a larger result, and the edges among them', () => {
    const graph = chain(3000);
    const { part, of } = partToDraw(graph, CANVAS_NODE_CAP);
    expect(CANVAS_NODE_CAP).toBe(1000);
    expect(of).toBe(3000);
    expect(part.nodes).toHaveLength(1000);
    expect(part.nodes[999]?.data.id).toBe('f999');
    expect(part.edges).toHaveLength(999); // f998 -> f999 is the last; f999 -> f1000 is not drawn
  });

  it('draws every node when asked for all', () => {
    const { part, of } = partToDraw(chain(3000), null);
    expect(part.nodes).toHaveLength(3000);
    expect(part.edges).toHaveLength(2999);
    expect(of).toBe(3000);
  });
});
