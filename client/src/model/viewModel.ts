/**
 * The client's view model: everything an analyst's view is, with no Cytoscape in it, so an
 * investigation saves it, the URL and exports carry it, and unit tests drive it without a browser.
 * It holds the recipe (state/viewState.ts: nodes added, expansions, paths, lineage, removed, hidden,
 * pinned, filters, date, layout, focus), node positions, the viewport, the selection, the `base`
 * (elements a console query or a file drew, with their data), provenance (provenance.ts), notes
 * (annotations.ts), the console queries run and the comparison of two dates; undo and redo over all
 * of it but the viewport, the selection and the queries run (a log of what happened).
 *
 * The scene (client/src/graph/canvas.ts) renders it, reports moves, zoom, pan and selection into it,
 * and runs the commands that need the server. Every change here returns false (or null) and changes
 * nothing while `readOnly` is set, except the viewport and the selection, which a reader may move.
 * Saved form: `toView()` → contract/investigation.ts `investigationView`; `load()` takes it back.
 */
import type {
  Annotation,
  Comparison,
  InvestigationView,
  ProvenanceStep,
  QueryRun,
} from '../../../contract/investigation.ts';
import { cloneViewState, type ViewState } from '../state/viewState.ts';
import { withNote, withNoteEdited, withoutNote, type AnnotationTarget } from './annotations.ts';
import { ModelCore } from './modelCore.ts';
import type { ElementLists, ElementMaps, Point, Viewport } from './modelTypes.ts';
import { Provenance, type StepInput } from './provenance.ts';
import { baseFromSaved, checkComparison, viewOf } from './savedView.ts';

export type {
  ChangeKind,
  ElementLists,
  ElementMaps,
  ModelEvents,
  Point,
  UndoCompanion,
  Viewport,
} from './modelTypes.ts';
export type { StepInput } from './provenance.ts';
export type { AnnotationTarget } from './annotations.ts';

/** The view model; see the file's comment, and modelCore.ts for what reads it and undo. */
export class ViewModel extends ModelCore {
  // ---- changes ------------------------------------------------------------------------------

  /** Changes the recipe through `change` (on a copy); one undo step unless `record` is false. */
  changeRecipe(change: (recipe: ViewState) => void, options: { record?: boolean } = {}): boolean {
    if (!this.begin(options.record)) return false;
    const next = cloneViewState(this.f.recipe);
    change(next);
    this.f.recipe = next;
    this.changed('recipe', next);
    return true;
  }

  /** A drag starts: the undo step is taken now, and recorded by `endMove` if something moved. */
  beginMove(): void {
    this.pendingMove = this.ro ? null : this.capture();
  }

  /** A drag ended with nodes at these places: one undo step (from `beginMove`, or taken now). */
  endMove(places: Iterable<[string, Point]>): boolean {
    if (this.ro) return false;
    this.history.record(this.pendingMove ?? this.capture());
    this.pendingMove = null;
    this.emitHistory();
    return this.setPositions(places, { record: false });
  }

  /** Moves nodes as one undo step (a drag, as tests and scripts make it). */
  moveNodes(places: Iterable<[string, Point]>): boolean {
    this.beginMove();
    return this.endMove(places);
  }

  /** Sets places (after a layout, say): no undo step unless `record` is true; others keep theirs. */
  setPositions(places: Iterable<[string, Point]>, options: { record?: boolean } = {}): boolean {
    if (!this.begin(options.record ?? false)) return false;
    const next = new Map(this.f.positions);
    let moved = false;
    for (const [id, p] of places) {
      const held = next.get(id);
      if (held && held.x === p.x && held.y === p.y) continue;
      next.set(id, { x: p.x, y: p.y });
      moved = true;
    }
    if (moved) {
      this.f.positions = next;
      this.changed('positions', next);
    }
    return true;
  }

  /** Where the window is; never an undo step, allowed when read-only. Throws RangeError on a zoom ≤ 0. */
  setViewport(viewport: Viewport): void {
    if (!(viewport.zoom > 0) || !Number.isFinite(viewport.zoom)) throw new RangeError('zoom must be > 0');
    const v = this.view;
    if (v.zoom === viewport.zoom && v.pan.x === viewport.pan.x && v.pan.y === viewport.pan.y) return;
    this.view = { zoom: viewport.zoom, pan: { x: viewport.pan.x, y: viewport.pan.y } };
    this.changed('viewport', this.viewport);
  }

  /** The selected ids; never an undo step, allowed when read-only. */
  setSelection(ids: readonly string[]): void {
    if (ids.length === this.selected.length && ids.every((id, i) => this.selected[i] === id)) return;
    this.selected = [...ids];
    this.changed('selection', this.selected);
  }

  /** Replaces the base (elements drawn from outside the recipe); one undo step unless `record` is false. */
  setBase(base: ElementMaps, options: { record?: boolean } = {}): boolean {
    if (!this.begin(options.record)) return false;
    this.f.base = { nodes: new Map(base.nodes), edges: new Map(base.edges) };
    this.f.baseMissing = { nodes: [], edges: [] };
    this.changed('base', { nodes: base.nodes.size, edges: base.edges.size });
    return true;
  }

  /** Compares dates `a` ≤ `b` (YYYY-MM-DD), or stops comparing (null). Throws RangeError otherwise. */
  setCompare(compare: Comparison | null, options: { record?: boolean } = {}): boolean {
    if (compare) checkComparison(compare);
    if (!this.begin(options.record)) return false;
    this.f.compare = compare ? { a: compare.a, b: compare.b } : null;
    this.changed('compare', this.f.compare);
    return true;
  }

  /** A new note (one undo step); null when read-only. Throws RangeError on empty or too long text. */
  addNote(target: AnnotationTarget, text: string): Annotation | null {
    if (this.ro) return null;
    const id = this.newId('note');
    const list = withNote(this.f.annotations, { id, target, text, at: this.stamp() });
    this.begin(true);
    this.f.annotations = list;
    this.changed('annotations', list);
    return list.at(-1)!;
  }

  /** Replaces a note's text (one undo step); false when there is no such note or read-only. */
  editNote(id: string, text: string): boolean {
    if (this.ro) return false;
    const list = withNoteEdited(this.f.annotations, id, text, this.stamp());
    if (!list) return false;
    this.begin(true);
    this.f.annotations = list;
    this.changed('annotations', list);
    return true;
  }

  /** Removes a note (one undo step); false when there is no such note or read-only. */
  removeNote(id: string): boolean {
    if (this.ro) return false;
    const list = withoutNote(this.f.annotations, id);
    if (!list) return false;
    this.begin(true);
    this.f.annotations = list;
    this.changed('annotations', list);
    return true;
  }

  /**
   * Records a provenance step (part of the command's undo step, not one of its own) and returns it
   * with its new `id` and `at`; null when read-only. `elements`: the ids it brought, if known yet.
   */
  addStep(input: StepInput, elements: Iterable<string> = []): ProvenanceStep | null {
    if (this.ro) return null;
    const step = { ...structuredClone(input), id: this.newId('step'), at: this.stamp() } as ProvenanceStep;
    this.f.provenance = this.f.provenance.clone();
    this.f.provenance.add(step);
    this.f.provenance.attribute(step.id, elements);
    this.changed('provenance', this.f.provenance.steps);
    return step;
  }

  /** Records that step `stepId` brought these elements too (after their answer arrived). */
  attribute(stepId: string, elements: Iterable<string>): boolean {
    if (this.ro || !this.f.provenance.step(stepId)) return false;
    this.f.provenance = this.f.provenance.clone();
    this.f.provenance.attribute(stepId, elements);
    this.changed('provenance', this.f.provenance.steps);
    return true;
  }

  /** Logs a console query run here (text, params, how many rows; `at` defaults to now). Not undone. */
  recordQuery(run: Omit<QueryRun, 'at'> & { at?: string }): QueryRun | null {
    if (this.ro) return null;
    const entry: QueryRun = {
      text: run.text,
      params: structuredClone(run.params),
      rows: run.rows,
      at: run.at ?? this.stamp(),
    };
    this.runs = [...this.runs, entry];
    this.changed('queries', this.runs);
    return entry;
  }

  /** Marks the view read-only (a shared investigation) or not; the undo history is kept. */
  setReadOnly(readOnly: boolean): void {
    if (readOnly === this.ro) return;
    this.ro = readOnly;
    this.emit('readOnly', readOnly);
  }

  // ---- saved form ---------------------------------------------------------------------------

  /** The view as contract/investigation.ts `investigationView` (plain JSON, shares nothing with the model). */
  toView(): InvestigationView {
    return viewOf(this.f, this.view, this.selected);
  }

  /** What an investigation saves besides its title and snapshot. */
  toDocumentParts(): { view: InvestigationView; annotations: Annotation[]; queries: QueryRun[] } {
    return {
      view: this.toView(),
      annotations: structuredClone([...this.f.annotations]),
      queries: structuredClone([...this.runs]),
    };
  }

  /**
   * Takes a saved view back (after contract/investigation.ts parsed it): replaces everything and
   * forgets the undo history. `snapshot` gives the data of the base's elements (ids without data
   * are kept, and saved again, but not drawn). Allowed when read-only: it is how a reader opens one.
   */
  load(
    view: InvestigationView,
    annotations: readonly Annotation[] = [],
    queries: readonly QueryRun[] = [],
    snapshot?: ElementLists,
  ): void {
    const { base, baseMissing } = baseFromSaved(view.base, snapshot);
    this.f = {
      recipe: cloneViewState(view.recipe as ViewState),
      positions: new Map(Object.entries(view.positions).map(([id, p]) => [id, { x: p.x, y: p.y }])),
      base,
      baseMissing,
      provenance: Provenance.fromSaved(view.steps, view.provenance),
      annotations: structuredClone([...annotations]),
      compare: view.compare ? { ...view.compare } : null,
    };
    this.view = { zoom: view.viewport.zoom, pan: { ...view.viewport.pan } };
    this.selected = [...view.selection];
    this.runs = structuredClone([...queries]);
    this.history.clear();
    this.pendingMove = null;
    this.emitAll('load');
  }
}
