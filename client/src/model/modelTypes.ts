/**
 * The shapes the view model (client/src/model/viewModel.ts) speaks in, none of them Cytoscape's:
 * points in model coordinates (Cytoscape's "position", not rendered pixels), the viewport, element
 * data keyed by id, and the events the model emits.
 */
import type { EdgeData, NodeData } from '../../../contract/api.ts';
import type { Annotation, Comparison, ProvenanceStep, QueryRun } from '../../../contract/investigation.ts';
import type { ViewState } from '../state/viewState.ts';

/** A place in model coordinates (what Cytoscape calls a node's position; not screen pixels). */
/**
 * Why a change is refused in a read-only investigation (a viewer's, a read share, an old revision):
 * the words of the disabled commands' titles and of the notice a command refused anyway shows.
 */
export const READ_ONLY_REASON = 'Read-only investigation: this would change the view, which is not yours to change';

export interface Point {
  x: number;
  y: number;
}

/** The window onto the model: `zoom` (1 = one model unit per CSS pixel, > 0) and `pan` (CSS pixels). */
export interface Viewport {
  zoom: number;
  pan: Point;
}

/** Nodes and links by id, with their data as the API sends it (contract/api.ts). */
export interface ElementMaps {
  nodes: Map<string, NodeData>;
  edges: Map<string, EdgeData>;
}

/** Nodes and links as plain lists (an investigation's snapshot, contract/investigation.ts `snapshotElements`). */
export interface ElementLists {
  nodes: NodeData[];
  edges: EdgeData[];
}

/** What changed, as the model's 'change' event says it: every one is part of a saved investigation. */
export type ChangeKind =
  | 'recipe'
  | 'positions'
  | 'viewport'
  | 'selection'
  | 'compare'
  | 'base'
  | 'provenance'
  | 'annotations'
  | 'queries'
  | 'undo'
  | 'redo'
  | 'load';

/**
 * The model's events. `change` fires for anything an investigation saves (autosave listens to it);
 * the others carry the part that changed, for the panels that show it.
 */
export interface ModelEvents {
  change: ChangeKind;
  recipe: Readonly<ViewState>;
  positions: ReadonlyMap<string, Point>;
  viewport: Viewport;
  selection: readonly string[];
  annotations: readonly Annotation[];
  compare: Comparison | null;
  history: { canUndo: boolean; canRedo: boolean };
  provenance: readonly ProvenanceStep[];
  queries: readonly QueryRun[];
  base: { nodes: number; edges: number };
  readOnly: boolean;
}

/**
 * What the scene (client/src/graph/canvas*.ts) keeps with each undo step besides the model: the
 * model calls `capture` when it records a step and `restore` with that value on undo or redo, after
 * its own fields are back and before it emits its events.
 */
export interface UndoCompanion {
  capture(): unknown;
  restore(captured: unknown): void;
}

/** Injected clock and id maker (tests fix them; the defaults are the wall clock and random ids). */
export interface ModelOptions {
  now?: () => Date;
  newId?: (prefix: 'step' | 'note') => string;
  /** How many steps undo goes back (default 60). */
  historyLimit?: number;
}
