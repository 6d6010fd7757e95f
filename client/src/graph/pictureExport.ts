/**
 * Pictures of the view (PNG, and SVG through cytoscape-svg) drawn as the screen draws the view at
 * full size, for graph/exporting.ts. While a picture is drawn, two things the renderer does for the
 * window are set aside:
 * - labels too small at the window's zoom are skipped (min-zoomed-font-size, and labelDetail.ts's
 *   level of detail), but a picture is drawn at its own scale, where every label reads;
 * - rounded polygons (round-triangle, round-diamond, round-octagon: our events, people and
 *   coalitions) are drawn without beginPath(), which a canvas path object does not need. The SVG
 *   context of cytoscape-svg (canvas2svg) starts a new <path> only on beginPath(), so their outlines
 *   were added to the element before them and the shapes were lost (kinimesi/cytoscape-svg#8). Here
 *   each one begins its own path.
 */
import type { Core } from 'cytoscape';
import { withoutLabelDetail } from './labelDetail.ts';

type Method = (this: unknown, ...args: unknown[]) => unknown;
/** The parts of Cytoscape's canvas renderer patched here (not in its public types). */
interface Renderer {
  drawRoundPolygonPath: Method;
  eleTextBiggerThanMin: Method;
}

const PATCHED = ['drawRoundPolygonPath', 'eleTextBiggerThanMin'] as const;

/** Runs `draw` (cy.png or cy.svg) with every label drawn and rounded polygons begun as paths. */
export function drawPicture<T>(cy: Core, draw: () => T): T {
  const renderer = (cy as unknown as { renderer(): Renderer }).renderer();
  const own = PATCHED.map((key) => Object.getOwnPropertyDescriptor(renderer, key));
  const roundPolygon = renderer.drawRoundPolygonPath;
  renderer.drawRoundPolygonPath = function (this: unknown, context: unknown, ...rest: unknown[]) {
    (context as { beginPath?(): void }).beginPath?.();
    return roundPolygon.call(this, context, ...rest);
  };
  renderer.eleTextBiggerThanMin = () => true;
  try {
    return withoutLabelDetail(cy, draw);
  } finally {
    PATCHED.forEach((key, i) => {
      const descriptor = own[i];
      if (descriptor) Object.defineProperty(renderer, key, descriptor);
      else delete (renderer as unknown as Record<string, unknown>)[key];
    });
  }
}
