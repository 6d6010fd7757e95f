/**
 * The scene's core (graph/canvas.ts is the class panels use): the one owner of the Cytoscape.js
 * instance (rebuilt with the WebGL renderer for large views), which renders the view model
 * (client/src/model/viewModel.ts) and reports moves, zoom, pan and selection back into it. The one
 * way the view changes: change the model's recipe (an undo step), fetch what it draws
 * (graph/loader.ts), bring the drawn elements in line (graph/scene.ts) and place new nodes without
 * moving placed ones (graph/layouts.ts). Undo is the model's; the scene attaches its drawn elements
 * to each step (an UndoCompanion), so undo needs no server.
 */
import type { Core } from 'cytoscape';
import type { Elements, LineageResponse, NodeData } from '../../../contract/api.ts';
import type { Api } from '../api.ts';
import type { InvestigationView } from '../../../contract/investigation.ts';
import { type ElementLists, type Point, READ_ONLY_REASON } from '../model/modelTypes.ts';
import { ViewModel } from '../model/viewModel.ts';
import type { ViewState } from '../state/viewState.ts';
import {
  firstDates,
  mergeInto,
  type CanvasEvents,
  type LayoutMode,
  type PathsShown,
  type SceneStep,
} from './canvasParts.ts';

export type { CanvasEvents, LayoutMode, SceneStep, Selected } from './canvasParts.ts';
import { installHook } from './canvasHook.ts';
import { highlightIds } from './highlight.ts';
import { bindInteractions, centre } from './interaction.ts';
import { incrementalLayout, lineageLayout, placeNearNeighbours, runLayout } from './layouts.ts';
import { rememberNetwork, returnToNetwork, type NetworkPlaces } from './lineageReturn.ts';
import { emptySet, Loader, withoutRemoved, type ElementSet, type Truncation } from './loader.ts';
import { bindLabelDetail } from './labelDetail.ts';
import { keepInView } from './keepInView.ts';
import { chooseRenderer, createCy, type RendererChoice } from './renderer.ts';
import { truncationsPerNode } from './truncations.ts';
import { applyElementSet, decorate, holdingOn, restoreSnapshot, snapshot, statsOf } from './scene.ts';

export abstract class CanvasCore {
  protected cy: Core;
  protected choice: RendererChoice = chooseRenderer(0, 0);
  protected truncations: Truncation[] = [];
  /** Everything fetched for the current recipe at any date: instant feedback when the date moves. */
  protected known: ElementSet = emptySet();
  protected pathsShown: PathsShown | null = null;
  protected lineageShown: LineageResponse | null = null;
  /** Where the network's nodes were when a lineage was opened over it. */
  protected network: NetworkPlaces | null = null;
  protected readonly loader: Loader;
  protected readonly listeners = new Map<keyof CanvasEvents, Set<(value: never) => void>>();
  /** Only the newest redraw may draw; older answers are dropped. */
  protected generation = 0;
  /** Redraws under way (fetching or laying out). */
  protected working = 0;

  constructor(
    private readonly container: HTMLElement,
    protected readonly api: Api,
    /** The view model this scene renders; panels may read it and listen to it (see its doc comment). */
    readonly model: ViewModel = new ViewModel(),
  ) {
    this.loader = new Loader(api);
    this.cy = this.mount(this.choice);
    model.setUndoCompanion({ capture: () => this.captureScene(), restore: (s) => this.apply(s as SceneStep) });
    model.on('recipe', (s) => this.emit('state', s));
    model.on('history', (h) => this.emit('history', h));
    model.on('readOnly', (ro) => this.cy.autoungrabify(ro));
    installHook({
      cy: () => this.cy,
      renderer: () => this.choice,
      working: () => this.working,
      model: () => this.model.toView(),
      showElements: (els, how) => this.showElements(els, how),
      openSaved: (view, snapshot) => this.openSaved(view, snapshot),
      snapshotElements: () => this.snapshotElements(),
      replay: (stepId) => this.replay(stepId),
    });
  }

  /** The recipe (the model's). */
  protected get state(): Readonly<ViewState> {
    return this.model.recipe;
  }

  /** The recipe as drawn: while two dates are compared, every date (graph/compareLook.ts fades what held on neither). */
  protected get drawState(): Readonly<ViewState> {
    return this.model.compare && this.state.asOf !== null ? { ...this.state, asOf: null } : this.state;
  }

  /** The elements drawn from outside the recipe (the model's base), or null when there are none. */
  protected get base(): ElementSet | null {
    const b = this.model.base;
    return b.nodes.size > 0 || b.edges.size > 0 ? (b as ElementSet) : null;
  }

  on<K extends keyof CanvasEvents>(event: K, fn: (value: CanvasEvents[K]) => void): void {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(fn as (value: never) => void);
  }

  protected emit<K extends keyof CanvasEvents>(event: K, value: CanvasEvents[K]): void {
    for (const fn of this.listeners.get(event) ?? []) (fn as (v: CanvasEvents[K]) => void)(value);
  }

  abstract expandNeighbourhood(id: string): Promise<void>;
  abstract showElements(els: Pick<Elements, 'nodes' | 'edges'>, how: { replace: boolean }): Promise<void>;
  protected abstract apply(step: SceneStep): void;
  abstract openSaved(view: InvestigationView, snapshot: ElementLists): Promise<void>;
  abstract snapshotElements(): ElementLists;
  abstract replay(stepId: string): Promise<boolean>;

  protected mount(choice: RendererChoice): Core {
    const cy = createCy(this.container, choice);
    bindLabelDetail(cy, { linkLabels: !choice.large });
    bindInteractions(cy, {
      expand: (id) => void this.expandNeighbourhood(id),
      contextMenu: (target, x, y) => this.emit('contextmenu', { target, x, y }),
      selectionChanged: () => this.selectionChanged(),
      beforeMove: () => this.model.beginMove(),
      moved: () => this.model.endMove(this.placesNow()),
      fadeOnHover: () => !this.choice.large,
    });
    cy.on('viewport', () => this.model.setViewport({ zoom: cy.zoom(), pan: cy.pan() }));
    cy.on('layoutstop', () => this.syncPositions());
    cy.autoungrabify(this.model.readOnly);
    keepInView(cy, this.container);
    return cy;
  }

  /** Every drawn node's place now. */
  protected placesNow(): [string, Point][] {
    return this.cy.nodes().map((n) => [n.id(), { ...n.position() }] as [string, Point]);
  }

  /** Tells the model where the nodes are (after a layout, a draw): no undo step. */
  protected syncPositions(): void {
    this.model.setPositions(this.placesNow());
  }

  /** Large views get the lighter (WebGL where possible) renderer; the instance is rebuilt to switch. */
  protected ensureRenderer(nodes: number, edges: number): void {
    const next = chooseRenderer(nodes, edges);
    if (next.large === this.choice.large) return;
    const scene = snapshot(this.cy);
    const viewport = { zoom: this.cy.zoom(), pan: { ...this.cy.pan() } };
    this.cy.destroy();
    this.container.replaceChildren();
    this.choice = next;
    this.cy = this.mount(this.choice);
    restoreSnapshot(this.cy, scene);
    this.cy.viewport(viewport);
  }

  protected captureScene(): SceneStep {
    return {
      scene: snapshot(this.cy),
      truncations: [...this.truncations],
      paths: this.pathsShown,
      lineage: this.lineageShown,
    };
  }

  /** Records an undo step (the model's, with the scene attached). */
  protected record(): void {
    this.model.checkpoint();
  }

  /**
   * Whether the view is read-only, saying so in the status bar: a command reached from a key, the
   * search box or the time slider is refused with words rather than silently (the buttons are
   * disabled already, panels/readOnly.ts).
   */
  protected refusedReadOnly(): boolean {
    if (!this.model.readOnly) return false;
    this.emit('problem', READ_ONLY_REASON);
    return true;
  }

  /** Changes the recipe (an undo step unless `record` is false) and redraws from it; nothing when read-only. */
  protected async commit(
    change: (s: ViewState) => void,
    layout: LayoutMode = 'incremental',
    record = true,
  ): Promise<void> {
    if (this.refusedReadOnly()) return;
    if (record) this.record();
    const before = this.state;
    this.model.changeRecipe(change, { record: false });
    const next = this.state;
    const lineageChanged = next.lineage !== before.lineage;
    if (lineageChanged && !before.lineage) this.network = rememberNetwork(this.cy);
    // Leaving a lineage puts the network back where it was; only without one is it laid out afresh.
    const back = lineageChanged && !next.lineage && returnToNetwork(this.cy, this.network);
    this.known = emptySet();
    await this.reload(lineageChanged && !back ? 'full' : layout);
  }

  protected async reload(layout: LayoutMode): Promise<void> {
    const generation = ++this.generation;
    this.emit('busy', true);
    this.working++;
    try {
      const loaded = await this.loader.load(this.drawState, this.base && !this.state.lineage ? this.baseAsOf() : null);
      if (generation !== this.generation) return;
      for (const problem of loaded.problems) this.emit('problem', problem);
      const set = loaded.elements;
      mergeInto(this.known, set);
      this.truncations = truncationsPerNode(loaded.truncations, set);
      this.lineageShown = loaded.lineage;
      const last = loaded.paths.at(-1);
      this.pathsShown = last ? { spec: last.spec, answer: last.answer } : null;
      // A lit route is lit from the new answer (another date may route elsewhere), as a reopen lights it.
      const lit = this.cy.elements('.on-path').nonempty();
      await this.draw(set, layout);
      if (lit && this.pathsShown) this.highlightPath('all');
      this.emit('truncations', this.truncations);
      this.emit('lineage', this.lineageShown);
      this.emit('paths', this.pathsShown);
    } finally {
      this.working--;
      if (generation === this.generation) this.emit('busy', false);
    }
  }

  protected baseAsOf(): ElementSet {
    const base = holdingOn(this.base!, this.drawState.asOf, new Set(this.base!.nodes.keys()));
    withoutRemoved(base, new Set(this.state.removed));
    return base;
  }

  protected async draw(set: ElementSet, layout: LayoutMode): Promise<void> {
    this.working++;
    try {
      await this.drawNow(set, layout);
    } finally {
      this.working--;
    }
  }

  protected async drawNow(set: ElementSet, layout: LayoutMode): Promise<void> {
    const wasEmpty = this.cy.nodes().empty();
    this.ensureRenderer(set.nodes.size, set.edges.size);
    this.syncPositions();
    const positions = this.model.positions;
    const unplaced = applyElementSet(this.cy, set, (id) => positions.get(id));
    decorate(this.cy, this.drawState, this.truncations);
    this.emitStats();
    if (this.state.lineage && this.lineageShown && layout !== 'none') {
      this.cy.getElementById(this.state.lineage).addClass('lineage-root');
      await lineageLayout(this.cy, firstDates(this.lineageShown));
    } else if (layout === 'full' || (wasEmpty && layout !== 'none')) await runLayout(this.cy, this.state.layout);
    else if (layout === 'incremental') await incrementalLayout(this.cy, unplaced);
    else placeNearNeighbours(this.cy, unplaced);
    this.syncPositions();
    this.emit('content', undefined);
  }

  protected emitStats(): void {
    this.emit('stats', statsOf(this.cy));
  }

  protected selectionChanged(): void {
    const selected = this.cy.elements(':selected');
    const first = selected[0];
    this.emit(
      'selection',
      first ? { kind: first.isNode() ? 'node' : 'edge', data: first.data() as NodeData, count: selected.length } : null,
    );
    const ids = selected.map((e) => e.id());
    const held = this.model.selection;
    // The same set in another order (Cytoscape's) is no change: a reopened view keeps its saved order.
    if (ids.length !== held.length || !held.every((id) => selected.$id(id).nonempty())) this.model.setSelection(ids);
    const focus = this.state.focus;
    const next = focus !== null && ids.includes(focus) ? focus : (first?.id() ?? null);
    if (next !== focus)
      this.model.changeRecipe(
        (s) => {
          s.focus = next;
        },
        { record: false },
      );
  }

  /** Highlights one path of the last search ('all': every path; null: none). */
  highlightPath(which: number | 'all' | null): void {
    const paths = this.pathsShown?.answer.paths ?? [];
    const chosen = which === null ? [] : which === 'all' ? paths : paths.slice(which, which + 1);
    highlightIds(this.cy, new Set(chosen.flatMap((p) => [...p.nodes, ...p.edges])));
  }

  undo(): void {
    this.model.undo();
  }

  redo(): void {
    this.model.redo();
  }

  protected focusOn(id: string, move = true): void {
    const ele = this.cy.getElementById(id);
    if (ele.empty()) return;
    this.cy.elements(':selected').unselect();
    ele.select();
    if (move) centre(this.cy, id);
  }
}
