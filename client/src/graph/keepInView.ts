/**
 * Keeps the picture in view when the canvas's container changes size (a side panel folded or unfolded,
 * the console dragged taller, the window resized). Cytoscape resizes its own drawing surface when its
 * container changes (it observes it, debounced by 100 ms), but it keeps the pan: the container's
 * top-left corner holds still, so unfolding the left panel pushes the right-hand part of the picture
 * under the panels on the right. Here, on each size change (ResizeObserver, which reports in CSS
 * pixels; https://www.w3.org/TR/resize-observer/): the surface is resized at once, the point that was
 * in the middle stays in the middle, and if everything drawn fitted before but no longer does, it is
 * fitted again (40 px margin, as Fit does). A view the analyst zoomed into on purpose (it did not fit
 * before) is only kept centred, never zoomed out under them.
 *
 * Returns a function that stops watching; it is also stopped when the Cytoscape instance is destroyed.
 * Until the observer has handled a size change, `resizePending(cy)` is true: the picture is about to
 * move, so a view that waits to be settled (the test hook's idle) waits for it too.
 */
import type { Core } from 'cytoscape';

const PADDING_PX = 40;

/** Per watched instance: whether its container's size differs from the one last handled. */
const pendingOf = new WeakMap<Core, () => boolean>();

/** True while `cy`'s container has a size change keepInView has not handled yet (false if unwatched). */
export function resizePending(cy: Core): boolean {
  return pendingOf.get(cy)?.() ?? false;
}

export function keepInView(cy: Core, container: HTMLElement): () => void {
  if (typeof ResizeObserver === 'undefined') return () => {};
  let width = container.clientWidth;
  let height = container.clientHeight;
  const observer = new ResizeObserver(() => {
    const w = container.clientWidth;
    const h = container.clientHeight;
    if (w === width && h === height) return;
    // Rendered boxes depend on zoom and pan only, so this is where things were in the old frame.
    const shown = cy.elements(':visible');
    const fittedBefore = shown.nonempty() && within(shown.renderedBoundingBox(), width, height);
    const grownBy = { x: (w - width) / 2, y: (h - height) / 2 };
    const wasEmpty = width === 0 || height === 0;
    width = w;
    height = h;
    cy.resize();
    if (wasEmpty || w === 0 || h === 0) return;
    cy.panBy(grownBy);
    if (fittedBefore && !within(shown.renderedBoundingBox(), w, h)) cy.fit(shown, PADDING_PX);
  });
  observer.observe(container);
  pendingOf.set(cy, () => container.clientWidth !== width || container.clientHeight !== height);
  const stop = () => {
    observer.disconnect();
    pendingOf.delete(cy);
  };
  cy.one('destroy', stop);
  return stop;
}

function within(box: { x1: number; y1: number; x2: number; y2: number }, w: number, h: number): boolean {
  return box.x1 >= 0 && box.y1 >= 0 && box.x2 <= w && box.y2 <= h;
}
