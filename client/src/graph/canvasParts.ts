/** Small pure helpers of graph/canvas.ts: merging element sets, the first date of each lineage node. */
import type { LineageResponse, PathsResponse } from '../../../contract/api.ts';
import type { PathSpec } from '../state/viewState.ts';
import type { ElementSet } from './loader.ts';

export interface PathsShown {
  spec: PathSpec;
  answer: PathsResponse;
}

export function mergeInto(target: ElementSet, source: ElementSet): void {
  for (const [id, n] of source.nodes) target.nodes.set(id, n);
  for (const [id, e] of source.edges) target.edges.set(id, e);
}

/** When each faction of a lineage first appears: founded, or its first dated change. */
export function firstDates(lineage: LineageResponse): Map<string, string> {
  const dates = new Map<string, string>();
  const offer = (id: string, date: string | null | undefined) => {
    if (!date) return;
    const known = dates.get(id);
    if (!known || date < known) dates.set(id, date);
  };
  for (const n of lineage.nodes) offer(n.data.id, typeof n.data.founded === 'string' ? n.data.founded : null);
  for (const e of lineage.events) offer(e.node, e.date);
  for (const e of lineage.edges) {
    offer(e.data.source, e.data.from);
    offer(e.data.target, e.data.from);
  }
  return dates;
}
