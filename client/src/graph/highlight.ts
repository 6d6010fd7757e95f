/** Highlighting part of the canvas, for graph/canvas.ts: a path, a route, or one step of a route. */
import type { Core } from 'cytoscape';

/**
 * Marks the elements with these ids as on the path and dims everything else; no ids clears the
 * highlight.
 */
export function highlightIds(cy: Core, ids: ReadonlySet<string>): void {
  cy.batch(() => {
    cy.elements().removeClass('on-path path-dim');
    if (ids.size === 0) return;
    cy.elements().forEach((ele) => void ele.addClass(ids.has(ele.id()) ? 'on-path' : 'path-dim'));
  });
}
