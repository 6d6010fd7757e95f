/**
 * The scene's saved views (part of graph/canvas.ts): undo's scene step put back, a view file drawn as
 * it was saved, an investigation reopened exactly (its snapshot at its saved positions, zoom, pan,
 * selection, filters, date and paths, with no layout), refreshed from the database keeping every
 * place, its elements as drawn for a save, and a shared link opened.
 */
import type { EdgeData, NodeData } from '../../../contract/api.ts';
import type { Annotation, InvestigationView, QueryRun } from '../../../contract/investigation.ts';
import type { ElementLists } from '../model/modelTypes.ts';
import { viewStateFromQuery } from '../state/url.ts';
import { cloneViewState, type ViewState } from '../state/viewState.ts';
import { CanvasCore, type SceneStep } from './canvasCore.ts';
import { fit } from './interaction.ts';
import { placeNearNeighbours } from './layouts.ts';
import { emptySet, type ElementSet } from './loader.ts';
import { applyElementSet, decorate, restoreSnapshot } from './scene.ts';
import { DRAWING_FIELDS } from './style.ts';
import { parseViewFile } from './viewFile.ts';

/** Element data without the fields that exist only for drawing (graph/style.ts). */
function plain<T extends object>(data: T): T {
  const rest = { ...data } as Record<string, unknown>;
  for (const field of DRAWING_FIELDS) delete rest[field];
  return rest as T;
}

export abstract class CanvasSaved extends CanvasCore {
  /** Puts back the scene of an undo step (the model has put its own fields back). */
  protected apply(snap: SceneStep): void {
    ++this.generation;
    this.truncations = snap.truncations;
    this.pathsShown = snap.paths;
    this.lineageShown = snap.lineage;
    this.known = emptySet();
    const nodes = snap.scene.elements.filter((e) => e.group === 'nodes').length;
    this.ensureRenderer(nodes, snap.scene.elements.length - nodes);
    restoreSnapshot(this.cy, snap.scene);
    decorate(this.cy, this.drawState, this.truncations);
    if (this.pathsShown) this.highlightPath('all');
    this.emitStats();
    this.emit('truncations', this.truncations);
    this.emit('paths', this.pathsShown);
    this.emit('lineage', this.lineageShown);
    this.emit('content', undefined);
    this.selectionChanged();
  }

  /** Draws a view file as it was saved (positions included); throws ViewFileError when it is not one. */
  importJson(text: string, name = 'a view file'): void {
    const file = parseViewFile(text);
    if (!this.model.checkpoint()) return;
    ++this.generation;
    const base: ElementSet = emptySet();
    for (const n of file.nodes) base.nodes.set(n.data.id, n.data);
    for (const e of file.edges) base.edges.set(e.data.id, e.data);
    this.model.setPositions(file.nodes.flatMap((n) => (n.position ? [[n.data.id, n.position] as const] : [])));
    this.model.setBase(base, { record: false });
    this.model.changeRecipe((s) => void Object.assign(s, viewStateFromQuery(file.view)), { record: false });
    this.model.addStep({ kind: 'file', name: name.slice(0, 500) }, [...base.nodes.keys(), ...base.edges.keys()]);
    this.known = emptySet();
    this.truncations = [];
    this.pathsShown = null;
    this.lineageShown = null;
    this.cy.elements().remove();
    // Fitted before the first frame is drawn, so a large view is never drawn at full size first.
    void this.draw(this.baseAsOf(), 'none');
    fit(this.cy);
  }

  /**
   * Reopens a saved investigation exactly: the snapshot's elements at their saved places (no layout;
   * a node without one is put near its neighbours), the saved zoom and pan, selection, filters, date
   * and layout; the paths' routes are asked of the server only to light them up, and a lineage's
   * answer only for its panel. Forgets the undo history.
   */
  async openSaved(
    view: InvestigationView,
    snapshot: ElementLists,
    annotations: readonly Annotation[] = [],
    queries: readonly QueryRun[] = [],
  ): Promise<void> {
    const generation = ++this.generation;
    this.model.load(view, annotations, queries, snapshot);
    const set: ElementSet = emptySet();
    for (const n of snapshot.nodes) set.nodes.set(n.id, n);
    for (const e of snapshot.edges) set.edges.set(e.id, e);
    this.known = emptySet();
    this.truncations = [];
    this.pathsShown = null;
    this.lineageShown = null;
    this.ensureRenderer(set.nodes.size, set.edges.size);
    this.cy.elements().remove();
    const positions = this.model.positions;
    const unplaced = applyElementSet(this.cy, set, (id) => positions.get(id));
    decorate(this.cy, this.drawState, []);
    placeNearNeighbours(this.cy, unplaced);
    this.cy.viewport({ zoom: view.viewport.zoom, pan: { ...view.viewport.pan } });
    this.cy.batch(() => {
      for (const id of view.selection) this.cy.getElementById(id).select();
    });
    this.emitStats();
    this.emit('truncations', []);
    this.emit('content', undefined);
    this.selectionChanged();
    await this.lightUp(generation);
  }

  /** The answers that only annotate a reopened view: the last paths' routes, the lineage's events. */
  private async lightUp(generation: number): Promise<void> {
    const { paths, lineage, asOf, knownOn } = this.state;
    const last = paths.at(-1);
    this.working++;
    try {
      const [answer, lineageAnswer] = await Promise.all([
        last ? this.loader.paths(last, asOf, knownOn).catch(() => null) : null,
        lineage ? this.loader.lineage(lineage, asOf, knownOn).catch(() => null) : null,
      ]);
      if (generation !== this.generation) return;
      this.pathsShown = last && answer ? { spec: last, answer } : null;
      this.lineageShown = lineageAnswer;
      if (this.pathsShown) this.highlightPath('all');
      this.emit('paths', this.pathsShown);
      this.emit('lineage', this.lineageShown);
    } finally {
      this.working--;
    }
  }

  /**
   * Draws the recipe again from the database (its answers asked afresh), keeping every node where it
   * is or was saved; nodes new to the view are put near their neighbours. The base stays as saved.
   */
  async refreshFromDatabase(): Promise<void> {
    this.loader.clear();
    this.known = emptySet();
    await this.reload('none');
    if (this.pathsShown) this.highlightPath('all');
  }

  /** The nodes and links as drawn (filtered-out ones included), without drawing-only fields: a save's snapshot. */
  snapshotElements(): ElementLists {
    return {
      nodes: this.cy.nodes().map((n) => plain(n.data() as NodeData)),
      edges: this.cy.edges().map((e) => plain(e.data() as EdgeData)),
    };
  }

  /** Opens a view from its recipe (a shared link): no undo step, laid out afresh. */
  async restore(state: ViewState, url: string = window.location.href): Promise<void> {
    this.model.setBase({ nodes: new Map(), edges: new Map() }, { record: false });
    this.model.changeRecipe((s) => void Object.assign(s, cloneViewState(state)), { record: false });
    const before = new Set(this.cy.elements().map((e) => e.id()));
    await this.reload('full');
    if (this.pathsShown) this.highlightPath('all');
    // The layout has fitted the view; the focus is selected, not zoomed into.
    if (state.focus) this.focusOn(state.focus, false);
    const brought = this.cy.elements().filter((e) => !before.has(e.id()));
    this.model.addStep(
      { kind: 'link', url: url.slice(0, 20_000) },
      brought.map((e) => e.id()),
    );
  }
}
