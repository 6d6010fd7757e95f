/**
 * "N more", once per node and true to the canvas, for graph/canvasCore.ts: a node expanded one step
 * and then two (or by two relationship types) has one truncated expansion each, and each counted the
 * nodes its own first page left out, drawn by another expansion or not. Here they become one
 * truncation per node: the deepest expansion stands for them, and the count is the nodes any of them
 * left out that the canvas does not hold.
 */
import type { ElementSet, Truncation } from './loader.ts';

/** One truncation per expanded node, counting only nodes not drawn; none where nothing is missing. */
export function truncationsPerNode(truncations: readonly Truncation[], drawn: ElementSet): Truncation[] {
  const byNode = new Map<string, Truncation[]>();
  for (const t of truncations) byNode.set(t.expansion.id, [...(byNode.get(t.expansion.id) ?? []), t]);
  const out: Truncation[] = [];
  for (const group of byNode.values()) {
    const deepest = group.reduce((a, b) => (b.expansion.depth > a.expansion.depth ? b : a));
    const missing = [...new Set(group.flatMap((t) => t.missing ?? []))].filter((id) => !drawn.nodes.has(id));
    const overflow = group.some((t) => t.overflow);
    if (missing.length > 0 || overflow)
      out.push({ expansion: deepest.expansion, more: missing.length, overflow, missing });
  }
  return out;
}
