/**
 * Pointer interactions and viewport moves on the Cytoscape instance, for graph/canvas.ts: double-click
 * to expand, right-click for the context menu, hover to highlight a neighbourhood, drags recorded for
 * undo; fit, zoom, centre, and keyboard stepping through nodes.
 */
import type { Collection, Core, EventObject, NodeSingular, SingularElementArgument } from 'cytoscape';
import { bundleKey, type Linked } from './bundles.ts';

export interface InteractionHandlers {
  expand(id: string): void;
  contextMenu(target: { id: string; kind: 'node' | 'edge' } | null, clientX: number, clientY: number): void;
  selectionChanged(): void;
  /** A drag is about to start: the handler takes a snapshot. */
  beforeMove(): unknown;
  moved(before: unknown): void;
  /** Whether to fade everything outside a hovered neighbourhood (skipped on large views). */
  fadeOnHover(): boolean;
}

export function bindInteractions(cy: Core, h: InteractionHandlers): void {
  cy.on('dbltap', 'node', (evt) => h.expand(evt.target.id() as string));

  cy.on('cxttap', (evt: EventObject) => {
    const target = evt.target as Core | SingularElementArgument;
    const rect = cy.container()!.getBoundingClientRect();
    const x = rect.left + evt.renderedPosition.x;
    const y = rect.top + evt.renderedPosition.y;
    if (target === cy) return h.contextMenu(null, x, y);
    const ele = target as SingularElementArgument;
    if (!ele.selected()) {
      cy.elements(':selected').unselect();
      ele.select();
    }
    h.contextMenu({ id: ele.id(), kind: ele.isNode() ? 'node' : 'edge' }, x, y);
  });

  cy.on('mouseover', 'node', (evt) => {
    const node = evt.target as NodeSingular;
    const around = node.closedNeighborhood();
    cy.batch(() => {
      around.addClass('hovered');
      if (h.fadeOnHover()) cy.elements().difference(around).addClass('faded');
    });
  });
  const unhover = () =>
    cy.batch(() => {
      cy.elements('.hovered').removeClass('hovered');
      cy.elements('.faded').removeClass('faded');
    });
  cy.on('mouseout', 'node', unhover);
  // Leaving the canvas straight from a node sends no mouseout for the node.
  cy.container()?.addEventListener('mouseleave', unhover);

  let pending: unknown = null;
  cy.on('grab', 'node', () => {
    pending = h.beforeMove();
  });
  cy.on('dragfree', 'node', () => {
    if (pending !== null) h.moved(pending);
    pending = null;
  });

  let queued = false;
  cy.on('select unselect', () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      h.selectionChanged();
    });
  });
}

/** Fits what is shown; animated on small views only (each frame of a large one costs a full redraw). */
export function fit(cy: Core): void {
  const visible = cy.elements(':visible');
  const eles = visible.nonempty() ? visible : cy.elements();
  if (cy.elements().length > 2000) fitQuickly(cy, eles);
  else cy.animate({ fit: { eles, padding: 40 } }, { duration: 250 });
}

/** Fits the nodes' own boxes: labels and edges need not be measured to know where the view is. */
function fitQuickly(cy: Core, eles: Collection): void {
  const bb = eles.nodes().boundingBox({ includeLabels: false, includeOverlays: false });
  if (!Number.isFinite(bb.w) || bb.w <= 0) return;
  const padding = 40;
  const zoom = Math.min(
    cy.maxZoom(),
    Math.max(cy.minZoom(), Math.min((cy.width() - 2 * padding) / bb.w, (cy.height() - 2 * padding) / bb.h)),
  );
  cy.viewport({
    zoom,
    pan: { x: (cy.width() - zoom * (bb.x1 + bb.x2)) / 2, y: (cy.height() - zoom * (bb.y1 + bb.y2)) / 2 },
  });
}

export function zoomBy(cy: Core, factor: number): void {
  // At once: a held key repeats faster than an animation would finish. A running move (centring on
  // the selection, say) is finished first, or it would undo the zoom as it goes on.
  cy.stop(true, true);
  const level = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * factor));
  const w = cy.width();
  const hgt = cy.height();
  cy.zoom({ level, renderedPosition: { x: w / 2, y: hgt / 2 } });
}

/** Centres on the selection (or on one element), keeping the zoom unless it is too far out to read. */
export function centre(cy: Core, id?: string): void {
  const eles = id ? cy.getElementById(id) : cy.elements(':selected');
  const target = eles.nonempty() ? eles : cy.elements(':visible');
  if (target.empty()) return;
  cy.animate({ center: { eles: target }, zoom: Math.max(cy.zoom(), 0.9) }, { duration: 250 });
}

/** Moves the selection to the next (step 1) or previous (-1) visible node, in name order. */
export function selectNext(cy: Core, step: 1 | -1): string | null {
  const nodes = cy
    .nodes(':visible')
    .toArray()
    .sort((a, b) => String(a.data('name')).localeCompare(String(b.data('name'))));
  if (nodes.length === 0) return null;
  const current = cy.nodes(':selected')[0];
  const index = current ? nodes.findIndex((n) => n.id() === current.id()) : -1;
  const next = nodes[(index + step + nodes.length) % nodes.length]!;
  cy.elements(':selected').unselect();
  next.select();
  centre(cy, next.id());
  return next.id();
}

/** Where an element is drawn, in page coordinates (for menus and for tests that click it). */
export function clientPosition(cy: Core, id: string): { x: number; y: number } | null {
  const ele = cy.getElementById(id);
  if (ele.empty()) return null;
  const rect = cy.container()!.getBoundingClientRect();
  const p = ele.isNode()
    ? ele.renderedPosition()
    : (ele as unknown as { renderedMidpoint(): { x: number; y: number } }).renderedMidpoint();
  return { x: rect.left + p.x, y: rect.top + p.y };
}

/** The renderer's own hit test: not in Cytoscape's documented API, but what its tap handling runs on. */
interface HitTesting {
  projectIntoViewport(clientX: number, clientY: number): [number, number];
  findNearestElement(x: number, y: number, interactiveOnly: boolean, isTouch: boolean): { id(): string } | null;
}

/**
 * A page point where a click lands on this element, and the id it lands on: its centre (a link's
 * middle) if nothing is drawn over it, else the first free point of a grid over its drawn box. A
 * force layout may put a node on another's label or on a link's middle, and a click there picks the
 * topmost. A link bundled with its parallels (graph/bundles.ts) is drawn under them on one line, so
 * a click on it lands on the bundle's top link, which `lands` names. Null when the element is absent
 * or covered everywhere.
 */
export function clickablePoint(cy: Core, id: string): { x: number; y: number; lands: string } | null {
  const centre = clientPosition(cy, id);
  if (!centre) return null;
  const target = cy.getElementById(id);
  const landsOn = (p: { x: number; y: number }): string | null => {
    const hit = pressAt(cy, p);
    if (hit === id) return id;
    const other = hit ? cy.getElementById(hit) : null;
    return target.isEdge() && other?.isEdge() && bundleKey(edgeEnds(other)) === bundleKey(edgeEnds(target))
      ? hit!
      : null;
  };
  const atCentre = landsOn(centre);
  if (atCentre) return { ...centre, lands: atCentre };
  const box = target.renderedBoundingBox({ includeLabels: false });
  const rect = cy.container()!.getBoundingClientRect();
  const steps = 8;
  for (let i = 1; i < steps; i++) {
    for (let j = 1; j < steps; j++) {
      const p = { x: rect.left + box.x1 + (box.w * i) / steps, y: rect.top + box.y1 + (box.h * j) / steps };
      const lands = landsOn(p);
      if (lands) return { ...p, lands };
    }
  }
  return null;
}

/**
 * The canvas as the page shows it, and a page point on it where a press lands on no element, so that
 * a drag from there pans the view (null when elements or panels cover every point of a coarse grid).
 */
export function panHandle(cy: Core): { box: DOMRect; free: { x: number; y: number } | null } {
  const box = cy.container()!.getBoundingClientRect();
  const steps = 12;
  for (let i = 1; i < steps; i++) {
    for (let j = 1; j < steps; j++) {
      const p = { x: box.left + (box.width * i) / steps, y: box.top + (box.height * j) / steps };
      if (pressAt(cy, p) === null) return { box, free: p };
    }
  }
  return { box, free: null };
}

/**
 * What a press at page point `p` meets: the id of the topmost element drawn there, null for the bare
 * canvas, undefined when a panel, menu or toast over the canvas (or the page beyond it) would take it.
 */
function pressAt(cy: Core, p: { x: number; y: number }): string | null | undefined {
  const top = document.elementFromPoint(p.x, p.y);
  if (top?.tagName !== 'CANVAS' || !cy.container()?.contains(top)) return undefined;
  const hits = (cy as unknown as { renderer(): HitTesting }).renderer();
  const [x, y] = hits.projectIntoViewport(p.x, p.y);
  return hits.findNearestElement(x, y, true, false)?.id() ?? null;
}

function edgeEnds(e: SingularElementArgument): Linked {
  return {
    id: e.id(),
    type: e.data('type') as string,
    source: e.data('source') as string,
    target: e.data('target') as string,
  };
}
