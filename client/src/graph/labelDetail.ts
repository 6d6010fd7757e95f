/**
 * Level of detail for labels, for graph/canvasCore.ts. Zoomed out until labels are drawn below a
 * readable size, they overlap into a smear, and further out Cytoscape drops them all
 * (min-zoomed-font-size in style.ts). Instead, below that size, the best-linked nodes in the window
 * keep a label drawn at a readable size (as many as the window has room for), and every other node
 * and link shows none. Kept labels are style bypasses on a few dozen nodes at most; the rest is one
 * class. Both are refreshed shortly after the view stops moving.
 */
import type { Core, NodeCollection, NodeSingular } from 'cytoscape';

/** Screen pixels a label must have to be read: below it, level of detail applies. */
const READABLE_PX = 10;
/** The nodes' own font size and label width (style.ts). */
const FONT_SIZE = 11;
const LABEL_WIDTH = 140;
/** Screen area one kept label needs around it, so kept labels seldom overlap. */
const LABEL_ROOM = 300 * 100;
const KEPT = 'label-kept';
const MINOR = 'label-minor';

function release(nodes: NodeCollection): void {
  nodes.removeClass(KEPT).removeStyle('font-size text-max-width text-margin-y min-zoomed-font-size');
}

/** The node's degree as graph/scene.ts last wrote it into its data (for sizing), else counted. */
function degreeOf(n: NodeSingular): number {
  const stored = n.data('degree') as unknown;
  return typeof stored === 'number' ? stored : n.degree(false);
}

/** Keeps the labels of the best-linked visible nodes in the window readable; drops the others. */
export function applyLabelDetail(cy: Core): void {
  if (cy.destroyed()) return;
  const zoom = cy.zoom();
  const kept = cy.nodes(`.${KEPT}`);
  if (FONT_SIZE * zoom >= READABLE_PX) {
    cy.batch(() => {
      release(kept);
      cy.elements(`.${MINOR}`).removeClass(MINOR);
    });
    return;
  }
  const room = Math.max(1, Math.floor((cy.width() * cy.height()) / LABEL_ROOM));
  const { x1, x2, y1, y2 } = cy.extent();
  const inView = cy.nodes(':visible').filter((n) => {
    const p = n.position();
    return p.x >= x1 && p.x <= x2 && p.y >= y1 && p.y <= y2;
  });
  // Only hubs: a node with one link is never worth another's label. Each node's degree is read once:
  // Cytoscape's degree() walks the node's edges, and a sort calling it per comparison was most of the
  // main thread's time while panning a view of 1,000 nodes and 4,000 links (npm run bench:client).
  const top = (inView.toArray() as NodeSingular[])
    .map((n) => ({ n, degree: degreeOf(n) }))
    .filter((d) => d.degree > 1)
    .sort((a, b) => b.degree - a.degree)
    .slice(0, room)
    .map((d) => d.n);
  // cy.collection takes an array of elements (the types know only definitions).
  const chosen = cy.collection(top as unknown as NodeCollection);
  const scale = READABLE_PX / (FONT_SIZE * zoom);
  cy.batch(() => {
    release(kept.not(chosen));
    cy.elements().not(chosen).addClass(MINOR);
    chosen
      .removeClass(MINOR)
      .addClass(KEPT)
      .style({
        'font-size': FONT_SIZE * scale,
        'text-max-width': `${LABEL_WIDTH * scale}px`,
        'text-margin-y': 4 * scale,
        'min-zoomed-font-size': 0,
      });
  });
}

/** Runs `fn` with every label as the stylesheet has it (for pictures), then applies the detail again. */
export function withoutLabelDetail<T>(cy: Core, fn: () => T): T {
  const kept = cy.nodes(`.${KEPT}`);
  const minor = cy.elements(`.${MINOR}`);
  if (kept.empty() && minor.empty()) return fn();
  cy.batch(() => {
    release(kept);
    minor.removeClass(MINOR);
  });
  try {
    return fn();
  } finally {
    applyLabelDetail(cy);
  }
}

/** Refreshes kept labels once the view has stopped moving or its nodes changed. */
export function bindLabelDetail(cy: Core): void {
  // Minor labels are not drawn: no font is big enough for this minimum at any zoom.
  cy.style().selector(`.${MINOR}`).style({ 'min-zoomed-font-size': 1000 }).update();
  let timer: ReturnType<typeof setTimeout> | null = null;
  cy.on('viewport add remove', () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      applyLabelDetail(cy);
    }, 120);
  });
}

/** A node's or link's label as drawn now: its text, and whether the renderer draws it at this zoom. */
export function labelAsDrawn(cy: Core, id: string): { text: string; drawn: boolean } | null {
  const ele = cy.getElementById(id);
  if (ele.empty()) return null;
  const text = String(ele.style('label') ?? '');
  const renderer = (cy as unknown as { renderer(): { eleTextBiggerThanMin?(e: unknown): boolean } }).renderer();
  const bigEnough = renderer.eleTextBiggerThanMin
    ? renderer.eleTextBiggerThanMin(ele)
    : Number.parseFloat(ele.style('font-size')) * cy.zoom() >= Number.parseFloat(ele.style('min-zoomed-font-size'));
  const opaque = Number(ele.style('text-opacity')) > 0 && Number(ele.style('opacity')) > 0;
  return { text, drawn: ele.visible() && text !== '' && opaque && bigEnough };
}
