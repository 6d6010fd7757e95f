/**
 * The view as files, for graph/canvas.ts: PNG and SVG pictures of everything drawn (not just the part
 * in the window), and the JSON view file (graph/viewFile.ts) that can be imported again.
 */
import type { Core } from 'cytoscape';
import type { EdgeData, NodeData } from '../../../contract/api.ts';
import { drawPicture } from './pictureExport.ts';
import { DRAWING_FIELDS } from './style.ts';
import { VIEW_FORMAT, type ViewFile } from './viewFile.ts';

/** A PNG picture of everything drawn, at twice its size (at most 6000 pixels a side). */
export function pngBlob(cy: Core): Promise<Blob> {
  return drawPicture(cy, () =>
    cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff', maxWidth: 6000, maxHeight: 6000 }),
  );
}

/** An SVG picture of everything drawn, every shape and label as on screen (graph/pictureExport.ts). */
export function svgBlob(cy: Core): Blob {
  const svg = drawPicture(cy, () => cy.svg({ full: true, scale: 1, bg: '#ffffff' }));
  return new Blob([svg], { type: 'image/svg+xml' });
}

/** Element data without what the canvas adds for drawing. */
function plain(data: Record<string, unknown>): Record<string, unknown> {
  const rest = { ...data };
  for (const field of DRAWING_FIELDS) delete rest[field];
  return rest;
}

export function viewFileOf(cy: Core, viewQuery: string): ViewFile {
  return {
    format: VIEW_FORMAT,
    version: 1,
    exported: new Date().toISOString(),
    view: viewQuery,
    nodes: cy.nodes().map((n) => ({ data: plain(n.data()) as NodeData, position: { ...n.position() } })),
    edges: cy.edges().map((e) => ({ data: plain(e.data()) as EdgeData })),
  };
}

export function jsonBlob(file: ViewFile): Blob {
  return new Blob([JSON.stringify(file, null, 1)], { type: 'application/json' });
}
