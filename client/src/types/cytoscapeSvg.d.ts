/** What cytoscape-svg adds to the Cytoscape.js instance (see graph/exporting.ts). */
import 'cytoscape';

declare module 'cytoscape' {
  interface Core {
    svg(options?: { full?: boolean; scale?: number; bg?: string }): string;
  }
}
