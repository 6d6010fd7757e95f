/**
 * Back from a lineage to the network, for graph/canvasCore.ts: the lineage's top-down layout moves
 * the factions it shares with the network, and the network must come back as the analyst left it.
 * Opening a lineage remembers where every node was and what the window showed; leaving it puts the
 * nodes still drawn back there (nodes that come back are placed from canvasCore's remembered
 * positions) and restores the window.
 */
import type { Core, Position } from 'cytoscape';

export interface NetworkPlaces {
  positions: Map<string, Position>;
  viewport: { zoom: number; pan: Position };
}

/** Where every node is and what the window shows, before a lineage replaces them. */
export function rememberNetwork(cy: Core): NetworkPlaces {
  const positions = new Map<string, Position>();
  cy.nodes().forEach((n) => void positions.set(n.id(), { ...n.position() }));
  return { positions, viewport: { zoom: cy.zoom(), pan: { ...cy.pan() } } };
}

/**
 * Moves the drawn nodes back to where the network had them, and the window back to what it showed.
 * Returns whether there was a network to go back to (a lineage opened from a link has none).
 */
export function returnToNetwork(cy: Core, places: NetworkPlaces | null): boolean {
  if (!places || places.positions.size === 0) return false;
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const p = places.positions.get(n.id());
      if (p) n.position({ ...p });
    });
  });
  cy.viewport(places.viewport);
  return true;
}
