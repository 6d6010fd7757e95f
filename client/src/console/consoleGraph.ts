/**
 * What of a console result goes onto the canvas: its nodes and relationships without Source nodes
 * (which the canvas leaves to the panels, contract/model.ts), and by itself at most CANVAS_NODE_CAP
 * nodes, so a result of thousands never blocks the page; the analyst may then ask for all of them.
 */
import type { CypherResponse } from '../../../contract/console.ts';
import { GRAPH_LABELS } from '../../../contract/model.ts';

/** Most nodes a console result draws on the canvas unless the analyst asks for all. */
export const CANVAS_NODE_CAP = 1_000;

const drawable = new Set<string>(GRAPH_LABELS);

export type ResultGraph = CypherResponse['graph'];

/** The result's graph without Source nodes, and the edges whose both ends remain. */
export function canvasPart(graph: ResultGraph): ResultGraph {
  const nodes = graph.nodes.filter((n) => drawable.has(n.data.label));
  return { nodes, edges: edgesAmong(nodes, graph.edges) };
}

function edgesAmong(nodes: ResultGraph['nodes'], edges: ResultGraph['edges']): ResultGraph['edges'] {
  const ids = new Set(nodes.map((n) => n.data.id));
  return edges.filter((e) => ids.has(e.data.source) && ids.has(e.data.target));
}

/**
 * The part to draw: all of `canvasPart` when `cap` is null or not exceeded, else its first `cap`
 * nodes (in the result's order) and the edges among them. `of` is how many nodes it could draw.
 */
export function partToDraw(graph: ResultGraph, cap: number | null): { part: ResultGraph; of: number } {
  const all = canvasPart(graph);
  if (cap === null || all.nodes.length <= cap) return { part: all, of: all.nodes.length };
  const nodes = all.nodes.slice(0, cap);
  return { part: { nodes, edges: edgesAmong(nodes, all.edges) }, of: all.nodes.length };
}
