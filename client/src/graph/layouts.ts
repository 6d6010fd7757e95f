/**
 * Layouts, for graph/canvas.ts: the four the analyst can pick (force-directed fcose by default,
 * concentric, hierarchical, grid), the incremental one used after an expansion (placed nodes stay
 * exactly where they are, new ones settle around them), and the lineage layout (hierarchical,
 * top-down, siblings in time order). The force layout of large views runs in a Web Worker
 * (graph/offThreadLayout.ts), so the page never freezes.
 */
import type { Collection, Core, LayoutOptions, NodeCollection, NodeSingular, Position } from 'cytoscape';
import type { LayoutName } from '../state/viewState.ts';
import {
  cancelOffThreadLayout,
  freshLayoutOffThread,
  layOutOffThread,
  OFF_THREAD_NODES,
  offThreadLayoutDone,
} from './offThreadLayout.ts';

/** Past this many nodes, layouts skip animation. */
const BIG = 800;

function options(name: LayoutName, count: number, animate: boolean): LayoutOptions {
  const animated = animate && count < BIG;
  const common = { animate: animated, animationDuration: 450, fit: true, padding: 40 };
  switch (name) {
    case 'fcose':
      return {
        name: 'fcose',
        ...common,
        // "proof" is slower but counts labels as part of a node, so labels do not pile up. Never
        // "draft": without its force pass, nodes of the same shape stay piled on one spot.
        quality: count < 300 ? 'proof' : 'default',
        randomize: true,
        nodeDimensionsIncludeLabels: count < 300,
        idealEdgeLength: () => 160,
        nodeRepulsion: () => 20000,
        nodeSeparation: 110,
        numIter: count < BIG ? 2500 : 600,
      } as LayoutOptions;
    case 'concentric':
      return {
        name: 'concentric',
        ...common,
        concentric: (n: NodeSingular) => n.degree(false),
        levelWidth: () => 2,
        minNodeSpacing: 24,
        avoidOverlap: true,
      } as LayoutOptions;
    case 'hierarchical':
      return {
        name: 'dagre',
        ...common,
        rankDir: 'TB',
        nodeSep: 20,
        rankSep: 90,
        edgeSep: 10,
        nodeDimensionsIncludeLabels: true,
      } as LayoutOptions;
    case 'grid':
      return { name: 'grid', ...common, avoidOverlap: true, avoidOverlapPadding: 20 } as LayoutOptions;
  }
}

/** Fitting a handful of nodes must not zoom in so far that a single node fills the screen. */
const READABLE_ZOOM = 1.4;

function run(cy: Core, eles: Collection, opts: LayoutOptions): Promise<void> {
  const maxZoom = cy.maxZoom();
  cy.maxZoom(READABLE_ZOOM);
  return new Promise((resolve) => {
    const layout = eles.layout(opts);
    layout.one('layoutstop', () => {
      cy.maxZoom(maxZoom);
      resolve();
    });
    layout.run();
  });
}

/** After new nodes settle: if some fell outside the window, zoom out to show everything. */
export function bringIntoView(cy: Core, eles: NodeCollection): void {
  const extent = cy.extent();
  const outside = eles.nodes().some((n) => {
    const p = (n as NodeSingular).position();
    return p.x < extent.x1 || p.x > extent.x2 || p.y < extent.y1 || p.y > extent.y2;
  });
  if (!outside) return;
  const visible = cy.elements(':visible');
  const maxZoom = cy.maxZoom();
  cy.maxZoom(READABLE_ZOOM);
  cy.animate({ fit: { eles: visible, padding: 40 } }, { duration: 300, complete: () => void cy.maxZoom(maxZoom) });
}

/** Lays out what is visible; pinned (locked) nodes stay put. */
export function runLayout(cy: Core, name: LayoutName, animate = true): Promise<void> {
  cancelOffThreadLayout(); // an older force layout must not move the nodes after this one
  const eles = cy.elements(':visible');
  if (eles.nodes().length === 0) return Promise.resolve();
  if (name === 'fcose' && eles.nodes().length > OFF_THREAD_NODES) return freshLayoutOffThread(cy, eles);
  const opts = options(name, eles.nodes().length, animate);
  if (name === 'fcose') {
    const pinned = eles.nodes(':locked');
    if (pinned.length > 0) {
      Object.assign(opts, {
        fixedNodeConstraint: pinned.map((n) => ({ nodeId: n.id(), position: { ...n.position() } })),
      });
    }
  }
  return run(cy, eles, opts);
}

/**
 * Puts each new node near the placed nodes it links to, so the layout starts from a sensible place.
 * Many new nodes linked to nothing placed go on a grid beside the drawing (centred in the window on
 * an empty canvas), never all on one spot.
 */
export function placeNearNeighbours(cy: Core, fresh: NodeCollection): void {
  const old = cy.nodes().not(fresh);
  const placed = new Set(old.map((n) => n.id()));
  const extent = cy.extent();
  const centre: Position = { x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 };
  const queue = fresh.nodes().toArray();
  let loose: ((i: number) => Position) | null = null;
  let looseCount = 0;
  let guard = queue.length * 3;
  while (queue.length > 0 && guard-- > 0) {
    const node = queue.shift()!;
    const anchors = node.neighborhood('node').filter((n) => placed.has(n.id()));
    if (anchors.length === 0 && guard > queue.length) {
      queue.push(node); // wait until a neighbour has a place
      continue;
    }
    // A few unlinked newcomers (a node found by name, say) go near the middle of the window.
    if (anchors.length > 0 || (!loose && queue.length < 8)) {
      const base = anchors.length > 0 ? averagePosition(anchors) : centre;
      const angle = Math.random() * 2 * Math.PI;
      const radius = 70 + Math.random() * 60;
      node.position({ x: base.x + radius * Math.cos(angle), y: base.y + radius * Math.sin(angle) });
    } else {
      loose ??= looseGrid(old.nonempty() ? old.boundingBox({ includeLabels: false }) : null, extent, queue.length + 1);
      node.position(loose(looseCount++));
    }
    placed.add(node.id());
  }
}

/** Slots of a square grid for `count` nodes: right of `beside` when given, else centred in `extent`. */
function looseGrid(
  beside: { x2: number; y1: number } | null,
  extent: { x1: number; x2: number; y1: number; y2: number },
  count: number,
): (i: number) => Position {
  const gap = 90;
  const cols = Math.ceil(Math.sqrt(count));
  const x0 = beside ? beside.x2 + 2 * gap : (extent.x1 + extent.x2) / 2 - ((cols - 1) * gap) / 2;
  const y0 = beside ? beside.y1 : (extent.y1 + extent.y2) / 2 - ((cols - 1) * gap) / 2;
  return (i) => ({ x: x0 + (i % cols) * gap, y: y0 + Math.floor(i / cols) * gap });
}

function averagePosition(nodes: Collection): Position {
  let x = 0;
  let y = 0;
  nodes.forEach((n) => {
    x += n.position('x');
    y += n.position('y');
  });
  return { x: x / nodes.length, y: y / nodes.length };
}

/**
 * After an expansion: placed nodes are fixed where they are, the new ones settle around them with a
 * short animation (in the worker, without animation, on large views).
 */
export async function incrementalLayout(cy: Core, fresh: NodeCollection): Promise<void> {
  placeNearNeighbours(cy, fresh);
  const eles = cy.elements(':visible');
  const freshIds = new Set(fresh.map((n) => n.id()));
  const fixed = eles.nodes().filter((n) => !freshIds.has(n.id()));
  if (fresh.nodes().length === 0 || fixed.length === 0) {
    bringIntoView(cy, fresh);
    return;
  }
  if (eles.nodes().length > OFF_THREAD_NODES) {
    // A layout under way finishes first: its nodes are the placed ones here.
    await offThreadLayoutDone();
    const now = cy.elements(':visible');
    const still = fresh.filter((n) => !n.removed());
    const placed = now.nodes().not(still);
    await layOutOffThread(cy, now, new Set(placed.map((n) => n.id())));
    bringIntoView(cy, fresh);
    return;
  }
  // fcose honours fixed positions only approximately; locking makes "placed nodes stay put" exact.
  const unlocked = fixed.filter((n) => !(n as NodeSingular).locked()) as unknown as NodeCollection;
  unlocked.lock();
  await run(cy, eles, {
    name: 'fcose',
    quality: 'proof',
    randomize: false,
    animate: true,
    animationDuration: 400,
    fit: false,
    nodeDimensionsIncludeLabels: true,
    idealEdgeLength: () => 160,
    nodeRepulsion: () => 20000,
    initialEnergyOnIncremental: 0.3,
    fixedNodeConstraint: fixed.map((n) => ({ nodeId: n.id(), position: { ...(n as NodeSingular).position() } })),
  } as LayoutOptions).finally(() => unlocked.unlock());
  bringIntoView(cy, fresh);
}

/**
 * A lineage: factions that merged into or joined another sit above it, what it went on to join below;
 * nodes enter the hierarchical layout in order of their first date so siblings read left to right in
 * time order.
 */
export function lineageLayout(cy: Core, firstDates: Map<string, string>): Promise<void> {
  cancelOffThreadLayout();
  const key = (id: string) => firstDates.get(id) ?? '9999';
  return run(cy, cy.elements(':visible'), {
    name: 'dagre',
    rankDir: 'TB',
    nodeSep: 30,
    rankSep: 120,
    nodeDimensionsIncludeLabels: true,
    animate: true,
    animationDuration: 400,
    fit: true,
    padding: 40,
    sort: (a: NodeSingular, b: NodeSingular) => (a.isNode() && b.isNode() ? key(a.id()).localeCompare(key(b.id())) : 0),
  } as LayoutOptions);
}
