/**
 * Small pure helpers and types of graph/canvas.ts: the canvas's events, the scene's part of an undo
 * step, merging element sets, the first date of each lineage node.
 */
import type { EdgeData, LineageResponse, NodeData, PathsResponse } from '../../../contract/api.ts';
import { emptyViewState, type PathSpec, type ViewState } from '../state/viewState.ts';
import type { ElementSet, Truncation } from './loader.ts';
import type { SceneSnapshot, Stats } from './scene.ts';

export interface PathsShown {
  spec: PathSpec;
  answer: PathsResponse;
}

export interface Selected {
  kind: 'node' | 'edge';
  data: NodeData | EdgeData;
  count: number;
}

export interface CanvasEvents {
  selection: Selected | null;
  stats: Stats;
  state: ViewState;
  truncations: readonly Truncation[];
  problem: string;
  busy: boolean;
  contextmenu: { target: { id: string; kind: 'node' | 'edge' } | null; x: number; y: number };
  history: { canUndo: boolean; canRedo: boolean };
  paths: PathsShown | null;
  lineage: LineageResponse | null;
  content: undefined;
}

/** What the scene keeps with each of the model's undo steps. */
export interface SceneStep {
  scene: SceneSnapshot;
  truncations: Truncation[];
  paths: PathsShown | null;
  lineage: LineageResponse | null;
}

export type LayoutMode = 'none' | 'incremental' | 'full';

/** The recipe emptied but for the date, filters, layout and page size. */
export function emptiedKeeping(s: ViewState): ViewState {
  return {
    ...emptyViewState(),
    asOf: s.asOf,
    hiddenLabels: s.hiddenLabels,
    hiddenTypes: s.hiddenTypes,
    layout: s.layout,
    pageSize: s.pageSize,
  };
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
