/**
 * The force layout of large views, for graph/layouts.ts: the nodes go to a Web Worker
 * (graph/layoutWorker.ts, d3-force) and their new positions come back and are
 * applied in one batch. Meanwhile the page stays responsive and the canvas shows the nodes on a quick
 * grid (a fresh layout) or where they were put near their neighbours (an incremental one).
 * A newer layout stops an older one: the older answer is never applied.
 */
import type { Collection, Core, NodeCollection, NodeSingular } from 'cytoscape';
import type { LayoutAnswer, LayoutJob } from './layoutWorker.ts';

/** Above this many visible nodes, the force layout runs off the main thread. */
export const OFF_THREAD_NODES = 500;

/** Fitting must not zoom in further than this (as graph/layouts.ts's READABLE_ZOOM). */
const READABLE_ZOOM = 1.4;

let running: { worker: Worker; finish(applied: boolean): void; done: Promise<boolean> } | null = null;

/** Whether a layout is being computed off the main thread now. */
export function offThreadLayoutRunning(): boolean {
  return running !== null;
}

/** Resolves once no layout is under way (the one running now has applied its positions or stopped). */
export async function offThreadLayoutDone(): Promise<void> {
  while (running) await running.done;
}

/** Stops the layout under way, if any; its positions will not be applied. */
export function cancelOffThreadLayout(): void {
  running?.worker.terminate();
  running?.finish(false);
  running = null;
}

/**
 * Sends the visible `eles` to the worker; nodes in `fixed` stay where they are. Resolves true once the
 * new positions are applied, false when a newer layout took over or the worker failed (the nodes then
 * keep the placement they had).
 */
export function layOutOffThread(cy: Core, eles: Collection, fixed: Set<string>): Promise<boolean> {
  cancelOffThreadLayout();
  const nodes = eles.nodes();
  const job: LayoutJob = {
    nodes: nodes.map((n) => {
      const p = n.position();
      return { id: n.id(), x: p.x, y: p.y, w: n.width(), h: n.height(), fixed: fixed.has(n.id()) };
    }),
    edges: eles
      .edges()
      .map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id() }))
      .filter((e) => e.source !== e.target),
  };
  const worker = new Worker(new URL('./layoutWorker.ts', import.meta.url), { type: 'module' });
  let resolve: (applied: boolean) => void = () => {};
  const done = new Promise<boolean>((r) => {
    resolve = r;
  });
  const mine = {
    worker,
    done,
    finish: (applied: boolean) => {
      worker.terminate();
      if (running === mine) running = null;
      resolve(applied);
    },
  };
  running = mine;
  worker.onmessage = (e: MessageEvent<LayoutAnswer>) => {
    if (running !== mine) return;
    if ('error' in e.data || cy.destroyed()) return mine.finish(false);
    const positions = e.data.positions;
    const movable = nodes.filter((n) => !n.removed() && !n.locked() && !fixed.has(n.id()));
    cy.batch(() => {
      movable.positions((n) => {
        const p = positions[(n as NodeSingular).id()];
        return p ? { x: p[0], y: p[1] } : (n as NodeSingular).position();
      });
    });
    mine.finish(true);
  };
  worker.onerror = () => {
    if (running === mine) mine.finish(false);
  };
  worker.postMessage(job);
  return done;
}

/**
 * A fresh force layout of a large view: the nodes are shown on a grid at once (hubs first) while the
 * worker lays them out. Pinned nodes stay.
 */
export async function freshLayoutOffThread(cy: Core, eles: Collection): Promise<void> {
  const nodes = eles.nodes();
  const pinned = nodes.filter((n) => n.locked());
  // Each degree counted once: degree() walks a node's links, and the sort asks it per comparison
  // (n log n times, a hub's thousands of links each time) before the first frame of a large view.
  const degree = new Map<string, number>();
  nodes.forEach((n) => void degree.set(n.id(), n.degree(false)));
  const degreeOf = (n: NodeSingular) => degree.get(n.id()) ?? 0;
  nodes
    .not(pinned)
    .layout({
      name: 'grid',
      animate: false,
      fit: false,
      avoidOverlap: true,
      avoidOverlapPadding: 30,
      sort: (a: NodeSingular, b: NodeSingular) => degreeOf(b) - degreeOf(a),
    })
    .run();
  fitTo(cy, nodes);
  if (await layOutOffThread(cy, eles, new Set(pinned.map((n) => n.id())))) fitTo(cy, nodes);
}

/**
 * Fits `nodes` in the window at once, never zoomed in past a readable size. Measures the nodes' own
 * boxes: labels of thousands of nodes need not be measured to know where the view is.
 */
export function fitTo(cy: Core, nodes: NodeCollection): void {
  const bb = nodes.boundingBox({ includeLabels: false, includeOverlays: false });
  if (!Number.isFinite(bb.w) || bb.w <= 0 || bb.h <= 0) return;
  const padding = 40;
  const fitting = Math.min((cy.width() - 2 * padding) / bb.w, (cy.height() - 2 * padding) / bb.h);
  const zoom = Math.max(cy.minZoom(), Math.min(READABLE_ZOOM, cy.maxZoom(), fitting));
  cy.viewport({
    zoom,
    pan: { x: (cy.width() - zoom * (bb.x1 + bb.x2)) / 2, y: (cy.height() - zoom * (bb.y1 + bb.y2)) / 2 },
  });
}
