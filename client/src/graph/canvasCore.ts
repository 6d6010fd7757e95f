/**
 * The core of graph/canvas.ts, which owns the Cytoscape.js instance: the instance itself (rebuilt
 * with the WebGL renderer for large views), the event emitter, and the one way the view changes:
 * change the recipe (recorded for undo), fetch what it draws (graph/loader.ts), bring the drawn
 * elements in line (graph/scene.ts) and place new nodes without moving placed ones (graph/layouts.ts).
 * Nothing but canvas.ts uses this class; panels see only Canvas's public API.
 */
import type { Core, Position } from 'cytoscape';
import type { EdgeData, Elements, LineageResponse, NodeData } from '../../../contract/api.ts';
import type { Api } from '../api.ts';
import { cloneViewState, emptyViewState, type ViewState } from '../state/viewState.ts';
import { viewStateFromQuery } from '../state/url.ts';
import { firstDates, mergeInto, type PathsShown } from './canvasParts.ts';
import { highlightIds } from './highlight.ts';
import { History } from './history.ts';
import { bindInteractions, centre, clientPosition, fit } from './interaction.ts';
import { incrementalLayout, lineageLayout, placeNearNeighbours, runLayout } from './layouts.ts';
import { rememberNetwork, returnToNetwork, type NetworkPlaces } from './lineageReturn.ts';
import { emptySet, Loader, withoutRemoved, type ElementSet, type Truncation } from './loader.ts';
import { bindLabelDetail, labelAsDrawn } from './labelDetail.ts';
import { offThreadLayoutRunning } from './offThreadLayout.ts';
import { createCy, hasHardwareWebgl2, isLarge, type RendererChoice } from './renderer.ts';
import { truncationsPerNode } from './truncations.ts';
import {
  applyElementSet,
  decorate,
  holdingOn,
  restoreSnapshot,
  snapshot,
  statsOf,
  type SceneSnapshot,
  type Stats,
} from './scene.ts';
import { parseViewFile } from './viewFile.ts';

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

interface Snapshot {
  state: ViewState;
  scene: SceneSnapshot;
  truncations: Truncation[];
  base: ElementSet | null;
  paths: PathsShown | null;
  lineage: LineageResponse | null;
}

export type LayoutMode = 'none' | 'incremental' | 'full';

export abstract class CanvasCore {
  protected cy: Core;
  protected choice: RendererChoice = { large: false, webgl: false };
  protected state = emptyViewState();
  protected truncations: Truncation[] = [];
  /** Everything fetched for the current recipe at any date: instant feedback when the date moves. */
  protected known: ElementSet = emptySet();
  /** Where nodes were last drawn, so a node that comes back (in time, say) comes back to its place. */
  protected readonly positions = new Map<string, Position>();
  /** The elements of an imported view file, drawn under whatever the recipe adds. */
  protected base: ElementSet | null = null;
  protected pathsShown: PathsShown | null = null;
  protected lineageShown: LineageResponse | null = null;
  /** Where the network's nodes were when a lineage was opened over it. */
  protected network: NetworkPlaces | null = null;
  protected readonly loader: Loader;
  protected readonly history = new History<Snapshot>();
  protected readonly listeners = new Map<keyof CanvasEvents, Set<(value: never) => void>>();
  /** Only the newest redraw may draw; older answers are dropped. */
  protected generation = 0;
  /** Redraws under way (fetching or laying out). */
  protected working = 0;

  constructor(
    private readonly container: HTMLElement,
    api: Api,
  ) {
    this.loader = new Loader(api);
    this.cy = this.mount(this.choice);
    // A small, stable hook for end-to-end tests and the console; read-only but for showElements,
    // which draws elements as a console result does (tests use it to draw large views).
    Object.assign(window, {
      __atlas: {
        nodeIds: () => this.cy.nodes().map((n) => n.id()),
        nodes: () =>
          this.cy.nodes().map((n) => ({
            id: n.id(),
            label: n.data('label') as string,
            name: n.data('name') as string,
            position: { ...n.position() },
          })),
        edges: () =>
          this.cy.edges().map((e) => ({
            id: e.id(),
            source: e.data('source') as string,
            target: e.data('target') as string,
            type: e.data('type') as string,
          })),
        edgeIds: () => this.cy.edges().map((e) => e.id()),
        /** Each link's drawn label and the middle of its drawn line (parallel claims share one line). */
        edgeLooks: () =>
          this.cy.edges().map((e) => ({ id: e.id(), label: String(e.style('label') ?? ''), midpoint: e.midpoint() })),
        visibleNodeIds: () => this.cy.nodes(':visible').map((n) => n.id()),
        visibleEdgeIds: () => this.cy.edges(':visible').map((e) => e.id()),
        clientPosition: (id: string) => clientPosition(this.cy, id),
        renderer: () => ({ ...this.choice }),
        zoom: () => this.cy.zoom(),
        classesOf: (id: string) => this.cy.getElementById(id).classes(),
        selectedIds: () => this.cy.elements(':selected').map((e) => e.id()),
        showElements: (els: Pick<Elements, 'nodes' | 'edges'>, how: { replace: boolean }) =>
          this.showElements(els, how),
        /** A node's or link's label as drawn now: its text, and whether it is drawn at this zoom. */
        label: (id: string) => labelAsDrawn(this.cy, id),
        /** A force layout is being computed in the worker (the page must still answer meanwhile). */
        layoutRunning: () => offThreadLayoutRunning(),
        /** Nothing being fetched, laid out or animated: the view is settled. */
        idle: () =>
          this.working === 0 &&
          !this.cy.animated() &&
          this.cy
            .nodes()
            .filter((n) => n.animated())
            .empty(),
      },
    });
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

  protected mount(choice: RendererChoice): Core {
    const cy = createCy(this.container, choice);
    bindLabelDetail(cy);
    bindInteractions(cy, {
      expand: (id) => void this.expandNeighbourhood(id),
      contextMenu: (target, x, y) => this.emit('contextmenu', { target, x, y }),
      selectionChanged: () => this.selectionChanged(),
      beforeMove: () => this.current(),
      moved: (before) => {
        this.history.record(before as Snapshot);
        this.emitHistory();
      },
      fadeOnHover: () => !this.choice.large,
    });
    return cy;
  }

  /** Large views get the lighter (WebGL where possible) renderer; the instance is rebuilt to switch. */
  protected ensureRenderer(nodes: number, edges: number): void {
    const large = isLarge(nodes, edges);
    if (large === this.choice.large) return;
    const scene = snapshot(this.cy);
    const viewport = { zoom: this.cy.zoom(), pan: { ...this.cy.pan() } };
    this.cy.destroy();
    this.container.replaceChildren();
    this.choice = { large, webgl: large && hasHardwareWebgl2() };
    this.cy = this.mount(this.choice);
    restoreSnapshot(this.cy, scene);
    this.cy.viewport(viewport);
  }

  protected current(): Snapshot {
    return {
      state: cloneViewState(this.state),
      scene: snapshot(this.cy),
      truncations: [...this.truncations],
      base: this.base,
      paths: this.pathsShown,
      lineage: this.lineageShown,
    };
  }

  protected record(): void {
    this.history.record(this.current());
    this.emitHistory();
  }

  protected emitHistory(): void {
    this.emit('history', { canUndo: this.history.canUndo, canRedo: this.history.canRedo });
  }

  protected emitState(): void {
    this.emit('state', this.state);
  }

  /** Changes the recipe (recorded for undo) and redraws from it. */
  protected async commit(
    change: (s: ViewState) => void,
    layout: LayoutMode = 'incremental',
    record = true,
  ): Promise<void> {
    if (record) this.record();
    const next = cloneViewState(this.state);
    change(next);
    const lineageChanged = next.lineage !== this.state.lineage;
    if (lineageChanged && !this.state.lineage) this.network = rememberNetwork(this.cy);
    // Leaving a lineage puts the network back where it was; only without one is it laid out afresh.
    const back = lineageChanged && !next.lineage && returnToNetwork(this.cy, this.network);
    this.state = next;
    this.known = emptySet();
    this.emitState();
    await this.reload(lineageChanged && !back ? 'full' : layout);
  }

  protected async reload(layout: LayoutMode): Promise<void> {
    const generation = ++this.generation;
    this.emit('busy', true);
    this.working++;
    try {
      const loaded = await this.loader.load(this.state, this.base && !this.state.lineage ? this.baseAsOf() : null);
      if (generation !== this.generation) return;
      for (const problem of loaded.problems) this.emit('problem', problem);
      const set = loaded.elements;
      mergeInto(this.known, set);
      this.truncations = truncationsPerNode(loaded.truncations, set);
      this.lineageShown = loaded.lineage;
      const last = loaded.paths.at(-1);
      this.pathsShown = last ? { spec: last.spec, answer: last.answer } : null;
      await this.draw(set, layout);
      this.emit('truncations', this.truncations);
      this.emit('lineage', this.lineageShown);
      this.emit('paths', this.pathsShown);
    } finally {
      this.working--;
      if (generation === this.generation) this.emit('busy', false);
    }
  }

  protected baseAsOf(): ElementSet {
    const base = holdingOn(this.base!, this.state.asOf, new Set(this.base!.nodes.keys()));
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
    this.cy.nodes().forEach((n) => void this.positions.set(n.id(), { ...n.position() }));
    const unplaced = applyElementSet(this.cy, set, (id) => this.positions.get(id));
    decorate(this.cy, this.state, this.truncations);
    this.emitStats();
    if (this.state.lineage && this.lineageShown && layout !== 'none') {
      this.cy.getElementById(this.state.lineage).addClass('lineage-root');
      await lineageLayout(this.cy, firstDates(this.lineageShown));
    } else if (layout === 'full' || (wasEmpty && layout !== 'none')) await runLayout(this.cy, this.state.layout);
    else if (layout === 'incremental') await incrementalLayout(this.cy, unplaced);
    else placeNearNeighbours(this.cy, unplaced);
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
    const focus = first?.id() ?? null;
    if (focus !== this.state.focus) {
      this.state = { ...this.state, focus };
      this.emitState();
    }
  }

  /** Highlights one path of the last search ('all': every path; null: none). */
  highlightPath(which: number | 'all' | null): void {
    const paths = this.pathsShown?.answer.paths ?? [];
    const chosen = which === null ? [] : which === 'all' ? paths : paths.slice(which, which + 1);
    highlightIds(this.cy, new Set(chosen.flatMap((p) => [...p.nodes, ...p.edges])));
  }

  undo(): void {
    const previous = this.history.undo(this.current());
    if (previous) this.apply(previous);
  }

  redo(): void {
    const next = this.history.redo(this.current());
    if (next) this.apply(next);
  }

  protected apply(snap: Snapshot): void {
    ++this.generation;
    this.state = snap.state;
    this.truncations = snap.truncations;
    this.base = snap.base;
    this.pathsShown = snap.paths;
    this.lineageShown = snap.lineage;
    this.known = emptySet();
    const nodes = snap.scene.elements.filter((e) => e.group === 'nodes').length;
    this.ensureRenderer(nodes, snap.scene.elements.length - nodes);
    restoreSnapshot(this.cy, snap.scene);
    decorate(this.cy, this.state, this.truncations);
    if (this.pathsShown) this.highlightPath('all');
    this.emitState();
    this.emitStats();
    this.emitHistory();
    this.emit('truncations', this.truncations);
    this.emit('paths', this.pathsShown);
    this.emit('lineage', this.lineageShown);
    this.emit('content', undefined);
    this.selectionChanged();
  }

  /** Draws a view file as it was saved (positions included); throws ViewFileError when it is not one. */
  importJson(text: string): void {
    const file = parseViewFile(text);
    this.record();
    ++this.generation;
    const base: ElementSet = emptySet();
    for (const n of file.nodes) base.nodes.set(n.data.id, n.data);
    for (const e of file.edges) base.edges.set(e.data.id, e.data);
    for (const n of file.nodes) if (n.position) this.positions.set(n.data.id, n.position);
    this.base = base;
    this.state = viewStateFromQuery(file.view);
    this.known = emptySet();
    this.truncations = [];
    this.pathsShown = null;
    this.lineageShown = null;
    this.cy.elements().remove();
    // Fitted before the first frame is drawn, so a large view is never drawn at full size first.
    void this.draw(this.baseAsOf(), 'none');
    fit(this.cy);
    this.emitState();
  }

  protected focusOn(id: string, move = true): void {
    const ele = this.cy.getElementById(id);
    if (ele.empty()) return;
    this.cy.elements(':selected').unselect();
    ele.select();
    if (move) centre(this.cy, id);
  }
}
