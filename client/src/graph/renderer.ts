/**
 * Creates the Cytoscape instance for graph/canvas.ts (the only caller) and registers the extensions.
 * Packages added for this: cytoscape-fcose (the default force-directed layout, fast and it can hold
 * placed nodes fixed), cytoscape-dagre (hierarchical layout for lineages), cytoscape-svg (SVG export).
 *
 * Large views switch to Cytoscape's WebGL renderer (3.31 and later) when the browser offers WebGL2
 * drawn by a GPU, with lighter rendering settings; small views keep the plain canvas renderer, which draws edge labels,
 * dashes and arrows at full quality.
 *
 * `?renderer=canvas` or `?renderer=webgl` in the page's address forces one renderer for every view,
 * whatever its size and the GPU (read once, when the page loads): the client benchmark
 * (bench/client.ts) compares the two with it, and an analyst whose GPU draws WebGL badly can turn it
 * off. Any other value, or none, leaves the choice above.
 */
import cytoscape, { type Core, type CytoscapeOptions } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import { largeViewStyle, stylesheet } from './style.ts';

let registered = false;
function registerExtensions(): void {
  if (registered) return;
  cytoscape.use(fcose);
  cytoscape.use(dagre);
  cytoscape.use(svg);
  registered = true;
}

/**
 * Above these, a view is "large": lighter rendering, WebGL where the browser has it. Elements count
 * nodes and edges together: a view of 1,000 nodes and 4,000 links drawn in full (curved links, link
 * labels, arrows, hover fading every other element) dropped 87% of its frames while panned and zoomed
 * (npm run bench:client), which no analyst reads link by link anyway.
 */
export const LARGE_NODES = 1500;
export const LARGE_ELEMENTS = 4000;

export function isLarge(nodes: number, edges: number): boolean {
  return nodes > LARGE_NODES || nodes + edges > LARGE_ELEMENTS;
}

/** A software rasteriser (SwiftShader, llvmpipe) draws WebGL slower than the plain canvas does. */
const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;

let webgl2: boolean | null = null;
/** Whether WebGL2 is there and drawn by a GPU: only then does the WebGL renderer help. */
export function hasHardwareWebgl2(): boolean {
  if (webgl2 === null) {
    try {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      const renderer = gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
      webgl2 = gl !== null && !SOFTWARE_GL.test(renderer);
    } catch {
      webgl2 = false;
    }
  }
  return webgl2;
}

export interface RendererChoice {
  large: boolean;
  webgl: boolean;
}

export type ForcedRenderer = 'canvas' | 'webgl' | null;

/** The renderer a page address's query string forces (`renderer=canvas|webgl`), or null. */
export function forcedRenderer(search: string): ForcedRenderer {
  const asked = new URLSearchParams(search).get('renderer');
  return asked === 'canvas' || asked === 'webgl' ? asked : null;
}

/** Read at load: the app rewrites its address as the view changes, and the switch is for the page. */
const FORCED: ForcedRenderer = typeof location === 'undefined' ? null : forcedRenderer(location.search);

/** The renderer for a view of this many nodes and edges (see the file comment). */
export function chooseRenderer(nodes: number, edges: number): RendererChoice {
  const large = isLarge(nodes, edges);
  const webgl = FORCED === 'webgl' || (FORCED === null && large && hasHardwareWebgl2());
  return { large, webgl };
}

export function createCy(container: HTMLElement, choice: RendererChoice): Core {
  registerExtensions();
  const style = choice.large ? [...stylesheet(), ...largeViewStyle()] : stylesheet();
  // Cytoscape's own types (3.31+) know the WebGL renderer's options; it reads them at the top level.
  const options: CytoscapeOptions = {
    container,
    style,
    ...(choice.webgl ? { webgl: true, webglTexSize: 4096, webglBatchSize: 4096 } : {}),
    minZoom: 0.05,
    maxZoom: 4,
    boxSelectionEnabled: true,
    textureOnViewport: choice.large,
    hideEdgesOnViewport: choice.large && !choice.webgl,
    motionBlur: false,
    pixelRatio: choice.large ? 1 : 'auto',
  };
  return cytoscape(options);
}
