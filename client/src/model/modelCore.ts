/**
 * The view model's core (client/src/model/viewModel.ts is the class to use): its fields, what reads
 * them, the undo history with the scene's companion, and how changes are announced. Knows nothing of
 * Cytoscape.
 */
import type { Annotation, Comparison, ProvenanceStep, QueryRun } from '../../../contract/investigation.ts';
import { emptyViewState, type ViewState } from '../state/viewState.ts';
import { notesOn } from './annotations.ts';
import { Emitter } from './emitter.ts';
import { History } from './modelHistory.ts';
import type {
  ChangeKind,
  ElementMaps,
  ModelEvents,
  ModelOptions,
  Point,
  UndoCompanion,
  Viewport,
} from './modelTypes.ts';
import { Provenance } from './provenance.ts';
import type { SavedFields } from './savedView.ts';

/** One undo step: the saved fields and what the scene attached. */
export interface Step extends SavedFields {
  attached: unknown;
}

const randomId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

export abstract class ModelCore extends Emitter<ModelEvents> {
  protected f: SavedFields = {
    recipe: emptyViewState(),
    positions: new Map(),
    base: { nodes: new Map(), edges: new Map() },
    baseMissing: { nodes: [], edges: [] },
    provenance: new Provenance(),
    annotations: [],
    compare: null,
  };
  protected view: Viewport = { zoom: 1, pan: { x: 0, y: 0 } };
  protected selected: readonly string[] = [];
  protected runs: readonly QueryRun[] = [];
  protected ro = false;
  protected pendingMove: Step | null = null;
  protected companion: UndoCompanion | null = null;
  protected readonly history: History<Step>;
  protected readonly now: () => Date;
  protected readonly newId: (prefix: 'step' | 'note') => string;

  constructor(options: ModelOptions = {}) {
    super();
    this.history = new History<Step>(options.historyLimit ?? 60);
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? randomId;
  }

  // ---- reading ------------------------------------------------------------------------------

  /** The recipe; replaced, never changed in place, so a reference kept is a snapshot. */
  get recipe(): Readonly<ViewState> {
    return this.f.recipe;
  }
  /** Node id → place in model coordinates, for every node placed so far (drawn or not now). */
  get positions(): ReadonlyMap<string, Point> {
    return this.f.positions;
  }
  get viewport(): Viewport {
    return { zoom: this.view.zoom, pan: { ...this.view.pan } };
  }
  /** The ids of the selected nodes and links. */
  get selection(): readonly string[] {
    return this.selected;
  }
  get compare(): Comparison | null {
    return this.f.compare;
  }
  get annotations(): readonly Annotation[] {
    return this.f.annotations;
  }
  /** The console queries run in this view, oldest first. */
  get queries(): readonly QueryRun[] {
    return this.runs;
  }
  /** Every provenance step, oldest first. */
  get steps(): readonly ProvenanceStep[] {
    return this.f.provenance.steps;
  }
  /** The elements a console query or a file drew (with their data); never changed in place. */
  get base(): Readonly<ElementMaps> {
    return this.f.base;
  }
  get readOnly(): boolean {
    return this.ro;
  }
  get canUndo(): boolean {
    return this.history.canUndo;
  }
  get canRedo(): boolean {
    return this.history.canRedo;
  }
  /** One step by id (with what replays it), or null. */
  step(id: string): ProvenanceStep | null {
    return this.f.provenance.step(id);
  }
  /** The steps that brought an element, first one first. */
  stepsOf(elementId: string): ProvenanceStep[] {
    return this.f.provenance
      .stepIdsOf(elementId)
      .map((id) => this.f.provenance.step(id))
      .filter((s): s is ProvenanceStep => s !== null);
  }
  /** The ids of the elements a step brought. */
  elementsOf(stepId: string): string[] {
    return this.f.provenance.elementsOf(stepId);
  }
  /** The notes on one node or link (its id), or on the canvas (null). */
  notesOn(elementId: string | null): Annotation[] {
    return notesOn(this.f.annotations, elementId);
  }

  // ---- undo ---------------------------------------------------------------------------------

  /** The scene's part of each undo step (see UndoCompanion); one at a time, null to detach. */
  setUndoCompanion(companion: UndoCompanion | null): void {
    this.companion = companion;
  }

  /** Records an undo step now: the changes made after it (with `record: false`) undo together. */
  checkpoint(): boolean {
    if (this.ro) return false;
    this.history.record(this.capture());
    this.emitHistory();
    return true;
  }

  undo(): boolean {
    const previous = this.history.undo(this.capture());
    if (previous) this.restore(previous, 'undo');
    return previous !== null;
  }

  redo(): boolean {
    const next = this.history.redo(this.capture());
    if (next) this.restore(next, 'redo');
    return next !== null;
  }

  // ---- inside -------------------------------------------------------------------------------

  protected stamp(): string {
    return this.now().toISOString();
  }

  /** False when read-only; else records an undo step first when `record` (default true). */
  protected begin(record = true): boolean {
    if (this.ro) return false;
    if (record) this.checkpoint();
    return true;
  }

  protected capture(): Step {
    return {
      ...this.f,
      positions: new Map(this.f.positions),
      provenance: this.f.provenance.clone(),
      attached: this.companion?.capture(),
    };
  }

  protected restore(step: Step, kind: 'undo' | 'redo'): void {
    const { attached, ...fields } = step;
    this.f = fields;
    if (attached !== undefined) this.companion?.restore(attached);
    this.emitAll(kind);
  }

  protected changed<K extends keyof ModelEvents>(event: K, value: ModelEvents[K]): void {
    this.emit(event, value);
    this.emit('change', event as ChangeKind);
  }

  protected emitHistory(): void {
    this.emit('history', { canUndo: this.history.canUndo, canRedo: this.history.canRedo });
  }

  protected emitAll(kind: ChangeKind): void {
    this.emit('recipe', this.f.recipe);
    this.emit('positions', this.f.positions);
    this.emit('viewport', this.viewport);
    this.emit('selection', this.selected);
    this.emit('base', { nodes: this.f.base.nodes.size, edges: this.f.base.edges.size });
    this.emit('provenance', this.f.provenance.steps);
    this.emit('annotations', this.f.annotations);
    this.emit('compare', this.f.compare);
    this.emit('queries', this.runs);
    this.emitHistory();
    this.emit('change', kind);
  }
}
