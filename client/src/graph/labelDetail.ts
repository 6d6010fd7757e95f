/**
 * Level of detail for labels, for graph/canvasCore.ts. Zoomed out until labels are drawn below a
 * readable size, they overlap into a smear, and further out Cytoscape drops them all
 * (min-zoomed-font-size in style.ts). Instead, below that size, the best-linked nodes in the window
 * keep a label drawn at a readable size (as many as the window has room for), and every other node
 * and link shows none. Kept labels are style bypasses on a few dozen nodes at most; the rest is one
 * class. Both are refreshed shortly after the view stops moving.
 */
import type { Collection, Core, NodeCollection, NodeSingular } from 'cytoscape';

/** Screen pixels a label must have to be read: below it, level of detail applies. */
const READABLE_PX = 10;
/** The nodes' own font size and label width (style.ts). */
const FONT_SIZE = 11;
const LABEL_WIDTH = 140;
/** Screen area one kept label needs around it, so kept labels seldom overlap. */
const LABEL_ROOM = 300 * 100;
const KEPT = 'label-kept';
const MINOR = 'label-minor';

/** Instances whose links draw no label at all (large views, style.ts largeViewStyle): only nodes are marked minor. */
const unlabelledLinks = new WeakSet<Core>();
/** The label scale the kept labels were last given, per instance. */
const keptAt = new WeakMap<Core, number>();

function release(nodes: NodeCollection): void {
  nodes.removeClass(KEPT).removeStyle('font-size text-max-width text-margin-y min-zoomed-font-size');
}

/** The node's degree as graph/scene.ts last wrote it into its data (for sizing), else counted. */
function degreeOf(n: NodeSingular): number {
  const stored = n.data('degree') as unknown;
  return typeof stored === 'number' ? stored : n.degree(false);
}

/**
 * Nodes whose centre is in the window and which are shown. Positions are compared first: they are
 * plain numbers, while :visible asks each node's computed style (and its edges' ends).
 */
function nodesInView(cy: Core): NodeSingular[] {
  const { x1, x2, y1, y2 } = cy.extent();
  const out: NodeSingular[] = [];
  cy.nodes().forEach((n) => {
    const p = n.position();
    if (p.x >= x1 && p.x <= x2 && p.y >= y1 && p.y <= y2 && n.visible()) out.push(n);
  });
  return out;
}

/**
 * Marks minor every element of `among` not yet marked, except `chosen`. Only the unmarked are
 * touched: Cytoscape restyles every element addClass is called on, whether it had the class or not,
 * and re-marking all 100,000 elements of a 20,000-node view after every pan was most of the main
 * thread while panning it (npm run bench:client, bench/client/profile.ts).
 */
function markMinor(among: Collection | NodeCollection, chosen: Set<string>): void {
  const unmarked = among.filter((e) => !e.hasClass(MINOR) && !chosen.has(e.id()));
  if (unmarked.nonempty()) unmarked.addClass(MINOR);
}

/** Keeps the labels of the best-linked visible nodes in the window readable; drops the others. */
export function applyLabelDetail(cy: Core): void {
  if (cy.destroyed()) return;
  const zoom = cy.zoom();
  const kept = cy.nodes(`.${KEPT}`);
  if (FONT_SIZE * zoom >= READABLE_PX) {
    const minor = cy.elements(`.${MINOR}`);
    if (kept.empty() && minor.empty()) return;
    cy.batch(() => {
      release(kept);
      minor.removeClass(MINOR);
    });
    return;
  }
  const room = Math.max(1, Math.floor((cy.width() * cy.height()) / LABEL_ROOM));
  // Only hubs: a node with one link is never worth another's label. Each node's degree is read once:
  // Cytoscape's degree() walks the node's edges, and a sort calling it per comparison was most of the
  // main thread's time while panning a view of 1,000 nodes and 4,000 links (npm run bench:client).
  const top = nodesInView(cy)
    .map((n) => ({ n, degree: degreeOf(n) }))
    .filter((d) => d.degree > 1)
    .sort((a, b) => b.degree - a.degree)
    .slice(0, room)
    .map((d) => d.n);
  // cy.collection takes an array of elements (the types know only definitions).
  const chosen = cy.collection(top as unknown as NodeCollection);
  const chosenIds = new Set(top.map((n) => n.id()));
  const scale = READABLE_PX / (FONT_SIZE * zoom);
  // Kept already at this zoom: their label is drawn as it should be, and restyling them is waste.
  const same = keptAt.get(cy) === scale;
  keptAt.set(cy, scale);
  cy.batch(() => {
    release(kept.filter((n) => !chosenIds.has(n.id())));
    markMinor(unlabelledLinks.has(cy) ? cy.nodes() : cy.elements(), chosenIds);
    chosen
      .filter((n) => !same || !n.hasClass(KEPT))
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

/** Quiet time after the last move or change before the labels are chosen again, ms. */
const SETTLE_MS = 120;

/**
 * Refreshes kept labels once the view has stopped moving or its nodes changed. An event only notes
 * its time: adding 100,000 elements emits 100,000 'add' events, and a pan one 'viewport' per frame,
 * so re-arming a timer for each was work for nothing; the one timer waits out the quiet time instead.
 * `linkLabels` false (the large views' style draws none): links are left unmarked, as there is
 * nothing of theirs to hide, and 80,000 links need not be restyled to hide nothing.
 */
export function bindLabelDetail(cy: Core, options: { linkLabels: boolean }): void {
  if (!options.linkLabels) unlabelledLinks.add(cy);
  // Minor labels are not drawn: no font is big enough for this minimum at any zoom.
  cy.style().selector(`.${MINOR}`).style({ 'min-zoomed-font-size': 1000 }).update();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = 0;
  const settle = () => {
    const quiet = performance.now() - last;
    if (quiet < SETTLE_MS) {
      timer = setTimeout(settle, SETTLE_MS - quiet);
      return;
    }
    timer = null;
    applyLabelDetail(cy);
  };
  cy.on('viewport add remove', () => {
    last = performance.now();
    if (!timer) timer = setTimeout(settle, SETTLE_MS);
  });
  cy.one('destroy', () => {
    if (timer) clearTimeout(timer);
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
