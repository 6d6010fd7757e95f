/**
 * The force layout of large views, off the main thread (started by graph/offThreadLayout.ts): a
 * headless Cytoscape instance with cytoscape-fcose lays out the nodes it is sent and posts their
 * positions back. Nothing here touches the page.
 *
 * fcose runs at its "default" quality: a spectral layout for the overall shape, then its force pass.
 * Its "draft" quality (spectral only) gives nodes of the same shape in the graph (the leaves of one
 * hub, every unlinked node) the very same spot and leaves them piled there; starting it from given
 * positions instead (randomize: false) on thousands of nodes drives them onto one diagonal line.
 * Nodes linked to nothing are not laid out at all: they go on a grid below the others, as fcose itself
 * does when packing is on (which needs a further extension and its dependencies).
 */
import cytoscape, { type LayoutOptions } from 'cytoscape';
import fcose from 'cytoscape-fcose';

/** What the main thread sends: every node with its size and position, and the links between them. */
export interface LayoutJob {
  /** `fixed` nodes stay where they are (pinned, or already placed when new nodes join them). */
  nodes: { id: string; x: number; y: number; w: number; h: number; fixed: boolean }[];
  edges: { id: string; source: string; target: string }[];
}

/** Positions by node id, or what went wrong. */
export type LayoutAnswer = { positions: Record<string, [number, number]> } | { error: string };

type Positions = Record<string, [number, number]>;

cytoscape.use(fcose);

/** Lays out one job and returns the new position of every node. */
export async function layOut(job: LayoutJob): Promise<Positions> {
  const linked = new Set(job.edges.flatMap((e) => (e.source === e.target ? [] : [e.source, e.target])));
  const loose = job.nodes.filter((n) => !n.fixed && !linked.has(n.id));
  const rest = job.nodes.filter((n) => n.fixed || linked.has(n.id));
  const positions = rest.some((n) => !n.fixed) ? await forceLayout(rest, job.edges) : {};
  for (const n of rest) positions[n.id] ??= [n.x, n.y];
  Object.assign(positions, tile(loose, Object.values(positions)));
  return positions;
}

async function forceLayout(nodes: LayoutJob['nodes'], edges: LayoutJob['edges']): Promise<Positions> {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
    elements: [
      ...nodes.map((n) => ({
        group: 'nodes' as const,
        data: { id: n.id, w: n.w, h: n.h },
        position: { x: n.x, y: n.y },
      })),
      ...edges.map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target } })),
    ],
  });
  const fixed = nodes.filter((n) => n.fixed).map((n) => ({ nodeId: n.id, position: { x: n.x, y: n.y } }));
  await new Promise<void>((resolve) => {
    const layout = cy.layout({
      name: 'fcose',
      quality: 'default',
      randomize: true,
      animate: false,
      fit: false,
      nodeDimensionsIncludeLabels: false,
      idealEdgeLength: () => 160,
      nodeRepulsion: () => 20000,
      nodeSeparation: 110,
      numIter: 2500,
      ...(fixed.length > 0 ? { fixedNodeConstraint: fixed } : {}),
    } as LayoutOptions);
    layout.one('layoutstop', () => resolve());
    layout.run();
  });
  const positions: Positions = {};
  cy.nodes().forEach((n) => {
    const p = n.position();
    positions[n.id()] = [p.x, p.y];
  });
  cy.destroy();
  return positions;
}

/**
 * Unlinked nodes on a grid under the laid-out ones (as wide as they are, or square), or around where
 * the unlinked nodes are now when nothing else is laid out.
 */
function tile(nodes: LayoutJob['nodes'], others: [number, number][]): Positions {
  if (nodes.length === 0) return {};
  const gap = 70;
  const xs = others.map((p) => p[0]);
  const ys = others.map((p) => p[1]);
  let cols = Math.ceil(Math.sqrt(nodes.length));
  let x0: number;
  let y0: number;
  if (others.length > 0) {
    const [x1, x2] = [Math.min(...xs), Math.max(...xs)];
    cols = Math.max(cols, Math.floor((x2 - x1) / gap) + 1);
    x0 = (x1 + x2) / 2 - ((cols - 1) * gap) / 2;
    y0 = Math.max(...ys) + 2 * gap;
  } else {
    const cx = nodes.reduce((sum, n) => sum + n.x, 0) / nodes.length;
    const cy = nodes.reduce((sum, n) => sum + n.y, 0) / nodes.length;
    x0 = cx - ((cols - 1) * gap) / 2;
    y0 = cy - ((Math.ceil(nodes.length / cols) - 1) * gap) / 2;
  }
  const out: Positions = {};
  nodes.forEach((n, i) => {
    out[n.id] = [x0 + (i % cols) * gap, y0 + Math.floor(i / cols) * gap];
  });
  return out;
}

/** The worker's side of the conversation (absent when this module is imported by tests). */
const scope = globalThis as unknown as {
  onmessage: ((e: MessageEvent<LayoutJob>) => void) | null;
  postMessage(answer: LayoutAnswer): void;
  document?: unknown;
};
if (typeof scope.document === 'undefined' && typeof scope.postMessage === 'function') {
  scope.onmessage = (e) => {
    layOut(e.data).then(
      (positions) => scope.postMessage({ positions }),
      (err: unknown) => scope.postMessage({ error: err instanceof Error ? err.message : String(err) }),
    );
  };
}
