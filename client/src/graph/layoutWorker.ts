/**
 * The force layout of large views, off the main thread (started by graph/offThreadLayout.ts): the
 * nodes it is sent are laid out by d3-force and their positions posted back. Nothing here touches the
 * page.
 *
 * Why d3-force and not fcose, which lays out small views on the main thread (graph/layouts.ts): its
 * many-body force is Barnes–Hut approximated (a quadtree, O(n log n) a step), so a view of 20,000 nodes
 * and 80,000 links is laid out in a fixed number of steps. fcose's force pass runs at least five
 * iterations per node (layout-base's FDLayout.initSpringEmbedder: max(5 × nodes, numIter)), each
 * comparing every node with all those within twice the ideal edge length: measured here, 30 s for
 * 1,000 nodes and 4,000 links, and hours at 20,000 (bench/client.ts), while the canvas waited on a grid.
 * Fewer steps as views grow (ticksFor) keep the largest within a minute; the cooling (alpha decay)
 * is spread over those steps, so each still ends settled.
 *
 * A fresh layout (no fixed node) starts from d3's phyllotaxis spiral rather than the page's grid, which
 * sorts hubs into one corner; an incremental one starts newcomers where the page put them (near their
 * neighbours) and holds fixed nodes exactly (d3's fx, fy). Coincident nodes are jiggled apart by the
 * many-body force, so nodes of the same shape (the leaves of one hub) never stay piled on one spot.
 * Nodes linked to nothing are not laid out at all: they go on a grid below the others.
 */
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';

/** What the main thread sends: every node with its size and position, and the links between them. */
export interface LayoutJob {
  /** `fixed` nodes stay where they are (pinned, or already placed when new nodes join them). */
  nodes: { id: string; x: number; y: number; w: number; h: number; fixed: boolean }[];
  edges: { id: string; source: string; target: string }[];
}

/** Positions by node id, or what went wrong. */
export type LayoutAnswer = { positions: Record<string, [number, number]> } | { error: string };

type Positions = Record<string, [number, number]>;

interface SimNode extends SimulationNodeDatum {
  id: string;
  /** Half the node's larger side: the room it needs. */
  r: number;
}

/** Link length the forces aim at, as fcose's idealEdgeLength on the main thread (px). */
const LINK_LENGTH = 160;
/** Pull of every node on every other (negative: apart), and how far it reaches (px). */
const CHARGE = -300;
const CHARGE_REACH = 2000;
/** A weak pull to the middle, so linked parts that are not connected to each other stay near. */
const GRAVITY = 0.03;
/** Up to this many nodes, nodes also keep their own room (collision force: twice the work a step). */
const COLLIDE_UP_TO = 5000;

/** Simulation steps for a view of `nodes` nodes: fewer as it grows, so the largest lay out in a minute. */
export function ticksFor(nodes: number): number {
  return nodes <= 2000 ? 300 : nodes <= 8000 ? 200 : 120;
}

/** Lays out one job and returns the new position of every node. */
export async function layOut(job: LayoutJob): Promise<Positions> {
  const linked = new Set(job.edges.flatMap((e) => (e.source === e.target ? [] : [e.source, e.target])));
  const loose = job.nodes.filter((n) => !n.fixed && !linked.has(n.id));
  const rest = job.nodes.filter((n) => n.fixed || linked.has(n.id));
  const positions = rest.some((n) => !n.fixed) ? forceLayout(rest, job.edges) : {};
  for (const n of rest) positions[n.id] ??= [n.x, n.y];
  Object.assign(positions, tile(loose, Object.values(positions)));
  return positions;
}

function forceLayout(nodes: LayoutJob['nodes'], edges: LayoutJob['edges']): Positions {
  const fresh = !nodes.some((n) => n.fixed);
  const sim: SimNode[] = nodes.map((n) => ({
    id: n.id,
    r: Math.max(n.w, n.h) / 2,
    ...(fresh ? {} : { x: n.x, y: n.y }),
    ...(n.fixed ? { fx: n.x, fy: n.y } : {}),
  }));
  const ids = new Set(nodes.map((n) => n.id));
  const links: SimulationLinkDatum<SimNode>[] = edges
    .filter((e) => e.source !== e.target && ids.has(e.source) && ids.has(e.target))
    .map((e) => ({ source: e.source, target: e.target }));
  const centre = fresh ? { x: 0, y: 0 } : middle(nodes);
  const ticks = ticksFor(sim.length);
  const simulation = forceSimulation(sim)
    .force(
      'link',
      forceLink<SimNode, SimulationLinkDatum<SimNode>>(links)
        .id((d) => d.id)
        .distance(LINK_LENGTH),
    )
    .force('charge', forceManyBody<SimNode>().strength(CHARGE).distanceMax(CHARGE_REACH))
    .force('x', forceX<SimNode>(centre.x).strength(GRAVITY))
    .force('y', forceY<SimNode>(centre.y).strength(GRAVITY))
    // alpha falls from 1 to d3's alphaMin (0.001) over exactly `ticks` steps
    .alphaDecay(1 - 0.001 ** (1 / ticks))
    .stop();
  if (sim.length <= COLLIDE_UP_TO)
    simulation.force(
      'collide',
      forceCollide<SimNode>((d) => d.r + 12),
    );
  simulation.tick(ticks);
  const positions: Positions = {};
  for (const n of sim) positions[n.id] = [n.x ?? 0, n.y ?? 0];
  return positions;
}

function middle(nodes: LayoutJob['nodes']): { x: number; y: number } {
  const sum = nodes.reduce((s, n) => ({ x: s.x + n.x, y: s.y + n.y }), { x: 0, y: 0 });
  return { x: sum.x / nodes.length, y: sum.y / nodes.length };
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
