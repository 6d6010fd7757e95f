/**
 * The layout worker's own work (client/src/graph/layoutWorker.ts), without a browser: nodes of the
 * same shape in the graph (the leaves of one hub, nodes linked to nothing) end up on spots of their
 * own, and fixed nodes do not move.
 */
import { describe, expect, it } from 'vitest';
import { layOut, type LayoutJob } from '../../client/src/graph/layoutWorker.ts';

/** 10 hubs with 30 leaves each, 100 unlinked nodes, all starting on one spot; `fixed` placed nodes. */
function job(fixed: number): LayoutJob {
  const nodes: LayoutJob['nodes'] = [];
  const edges: LayoutJob['edges'] = [];
  const node = (isFixed = false) => {
    const i = nodes.length;
    nodes.push({ id: `n${i}`, x: isFixed ? i * 100 : 0, y: 0, w: 22, h: 22, fixed: isFixed });
    return `n${i}`;
  };
  const anchors = Array.from({ length: fixed }, () => node(true));
  for (let h = 0; h < 10; h++) {
    const hub = node();
    for (let l = 0; l < 30; l++) edges.push({ id: `e${edges.length}`, source: node(), target: hub });
    if (anchors[h % Math.max(1, fixed)])
      edges.push({ id: `e${edges.length}`, source: hub, target: anchors[h % fixed]! });
  }
  for (let i = 0; i < 100; i++) node();
  return { nodes, edges };
}

const spots = (positions: Record<string, [number, number]>) =>
  new Set(Object.values(positions).map(([x, y]) => `${Math.round(x)},${Math.round(y)}`)).size;

describe('layout worker', () => {
  it('puts every node on a spot of its own (piled hub leaves and unlinked nodes)', async () => {
    const positions = await layOut(job(0));
    expect(Object.keys(positions)).toHaveLength(410);
    expect(spots(positions)).toBe(410);
  }, 60_000);

  it('leaves fixed nodes where they are (placed nodes moved by a layout of newcomers)', async () => {
    const j = job(3);
    const positions = await layOut(j);
    for (const n of j.nodes.filter((n) => n.fixed)) {
      expect(positions[n.id]![0]).toBeCloseTo(n.x, 3);
      expect(positions[n.id]![1]).toBeCloseTo(n.y, 3);
    }
    expect(spots(positions)).toBe(413);
  }, 60_000);
});
