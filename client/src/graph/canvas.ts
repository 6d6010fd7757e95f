/**
 * The canvas: the one module that owns the Cytoscape.js instance (with its core, canvasCore.ts).
 * Panels change the view only through this API and learn about it through its events (selection,
 * stats, state, truncations, problems...). Every command here is a change of the view recipe
 * (state/viewState.ts): recorded for undo, then drawn by the core. The helpers in graph/ receive the
 * instance from here only.
 */
import type { EdgeData, Elements, NodeData, PathsResponse } from '../../../contract/api.ts';
import type { GraphLabel, RelationshipType } from '../../../contract/model.ts';
import {
  cloneViewState,
  emptyViewState,
  sameExpansion,
  seedIds,
  type Direction,
  type Expansion,
  type LayoutName,
  type PathSpec,
  type ViewState,
} from '../state/viewState.ts';
import { viewStateToQuery } from '../state/url.ts';
import { CanvasCore } from './canvasCore.ts';
import { jsonBlob, pngBlob, svgBlob, viewFileOf } from './exporting.ts';
import { centre, clientPosition, fit, selectNext, zoomBy } from './interaction.ts';
import { runLayout } from './layouts.ts';
import { emptySet, withoutRemoved, type ElementSet, type Truncation } from './loader.ts';
import { currentSet, holdingOn, statsOf, type Stats } from './scene.ts';
import { lifetimeOf } from '../../../contract/validTime.ts';
import { timeStops } from './timeStops.ts';
import { mergeInto, type PathsShown } from './canvasParts.ts';
import { highlightIds } from './highlight.ts';
import { timelineEvents, type TimelineEvent } from './timeline.ts';

export type { CanvasEvents, Selected } from './canvasCore.ts';
export type { Stats, Truncation, PathsShown };

export class Canvas extends CanvasCore {
  // ---- reading -------------------------------------------------------------------------------

  get view(): Readonly<ViewState> {
    return this.state;
  }

  stats(): Stats {
    return statsOf(this.cy);
  }

  /** Every node and link the view knows: drawn, fetched for it at another date, or from an imported file. */
  private knownNow(): ElementSet {
    const all = emptySet();
    mergeInto(all, this.known);
    if (this.base) mergeInto(all, this.base);
    mergeInto(all, currentSet(this.cy));
    return all;
  }

  /** The days the time panel stops on (graph/timeStops.ts): month ends, and every day a known fact starts or ends. */
  timeStops(): string[] {
    const all = this.knownNow();
    return timeStops([...all.edges.values(), ...[...all.nodes.values()].map((n) => lifetimeOf(n))]);
  }

  /** Dated events the view knows, drawn or not on the chosen day, in time order, for the timeline strip. */
  timelineEvents(): TimelineEvent[] {
    return timelineEvents(this.knownNow().nodes.values());
  }

  nodeName(id: string): string | null {
    const n = this.cy.getElementById(id);
    return n.nonempty() ? (n.data('name') as string) : (this.known.nodes.get(id)?.name ?? null);
  }

  nodeData(id: string): NodeData | null {
    const n = this.cy.getElementById(id);
    return n.nonempty() && n.isNode() ? (n.data() as NodeData) : null;
  }

  /** The nodes and links drawn now (filtered-out ones included), as plain data: for lists beside the canvas. */
  drawnElements(): { nodes: NodeData[]; edges: EdgeData[] } {
    return {
      nodes: this.cy.nodes().map((n) => n.data() as NodeData),
      edges: this.cy.edges().map((e) => e.data() as EdgeData),
    };
  }

  selectedNodeIds(): string[] {
    return this.cy.nodes(':selected').map((n) => n.id());
  }

  clientPosition(id: string): { x: number; y: number } | null {
    return clientPosition(this.cy, id);
  }

  // ---- changing the view ----------------------------------------------------------------------

  /** Adds a node found by name and centres it. */
  async addNode(id: string): Promise<void> {
    await this.commit((s) => {
      s.lineage = null;
      if (!s.added.includes(id)) s.added.push(id);
      s.removed = s.removed.filter((r) => r !== id);
      s.hidden = s.hidden.filter((h) => h !== id);
    });
    this.focusOn(id);
  }

  async expandNeighbourhood(
    id: string,
    how: { depth?: number; direction?: Direction; types?: RelationshipType[] | null } = {},
  ): Promise<void> {
    const exp: Expansion = {
      id,
      depth: how.depth ?? 1,
      direction: how.direction ?? 'both',
      types: how.types ?? null,
      limit: this.state.pageSize,
    };
    // Expanding again brings back neighbours the analyst had removed, so look first at what comes.
    this.working++;
    const { elements } = await this.loader
      .expansion(exp, this.state.asOf)
      .catch((err: Error) => {
        this.emit('problem', `Neighbours of ${id}: ${err.message}`);
        return { elements: null };
      })
      .finally(() => this.working--);
    if (!elements) return;
    const arriving = new Set([...elements.nodes.map((n) => n.data.id), ...elements.edges.map((e) => e.data.id)]);
    await this.commit((s) => {
      s.lineage = null;
      if (!s.expansions.some((e) => sameExpansion(e, exp))) s.expansions.push(exp);
      s.removed = s.removed.filter((r) => !arriving.has(r));
      s.hidden = s.hidden.filter((h) => !arriving.has(h));
    });
    this.focusOn(id, false);
  }

  /** Fetches what a node's expansions left out ("N more": one count for all of them, so all are lifted). */
  fetchMore(truncation: Truncation): Promise<void> {
    const id = truncation.expansion.id;
    return this.commit((s) => {
      for (const e of s.expansions) if (e.id === id) e.limit = null;
    });
  }

  removeSelection(): Promise<void> {
    const ids = this.cy.elements(':selected').map((e) => e.id());
    if (ids.length === 0) return Promise.resolve();
    const gone = new Set(ids);
    return this.commit((s) => {
      s.removed = [...new Set([...s.removed, ...ids])];
      s.added = s.added.filter((id) => !gone.has(id));
      s.hidden = s.hidden.filter((id) => !gone.has(id));
      s.pinned = s.pinned.filter((id) => !gone.has(id));
      s.focus = null;
    }, 'none');
  }

  hideSelection(): Promise<void> {
    const ids = this.cy.elements(':selected').map((e) => e.id());
    if (ids.length === 0) return Promise.resolve();
    this.cy.elements(':selected').unselect();
    return this.commit((s) => {
      s.hidden = [...new Set([...s.hidden, ...ids])];
    }, 'none');
  }

  showHidden(): Promise<void> {
    return this.commit((s) => {
      s.hidden = [];
    }, 'none');
  }

  /** Pins the selected nodes where they are (layouts leave them alone), or unpins them if all are pinned. */
  togglePinSelection(): Promise<void> {
    const ids = this.selectedNodeIds();
    if (ids.length === 0) return Promise.resolve();
    const allPinned = ids.every((id) => this.state.pinned.includes(id));
    return this.commit((s) => {
      s.pinned = allPinned ? s.pinned.filter((id) => !ids.includes(id)) : [...new Set([...s.pinned, ...ids])];
    }, 'none');
  }

  /** Removes every node that is neither selected nor linked to the selection. */
  keepOnlyNeighbourhood(): Promise<void> {
    const selected = this.cy.nodes(':selected');
    if (selected.empty()) return Promise.resolve();
    const keep = selected.closedNeighborhood().nodes();
    const gone = this.cy
      .nodes()
      .difference(keep)
      .map((n) => n.id());
    return this.commit((s) => {
      s.removed = [...new Set([...s.removed, ...gone])];
      s.added = s.added.filter((id) => !gone.includes(id));
    }, 'none');
  }

  setFilters(hiddenLabels: GraphLabel[], hiddenTypes: RelationshipType[]): Promise<void> {
    return this.commit((s) => {
      s.hiddenLabels = hiddenLabels;
      s.hiddenTypes = hiddenTypes;
    }, 'none');
  }

  setPageSize(size: number): void {
    this.state = { ...this.state, pageSize: size };
    this.emitState();
  }

  /**
   * The network as of a day (null: all time). Links that no longer hold go at once (the contract's
   * interval rule, on what the canvas knows); then the server is asked and its answer drawn.
   */
  async setAsOf(day: string | null, record = true): Promise<void> {
    if (day === this.state.asOf) return;
    if (record) this.record();
    this.state = { ...cloneViewState(this.state), asOf: day };
    this.emitState();
    mergeInto(this.known, currentSet(this.cy));
    const instant = holdingOn(this.known, day, seedIds(this.state));
    withoutRemoved(instant, new Set(this.state.removed));
    ++this.generation; // an older answer must not overwrite this
    await this.draw(instant, 'none');
    await this.reload('incremental');
  }

  async runLayout(name: LayoutName): Promise<void> {
    this.record();
    this.state = { ...this.state, layout: name };
    this.emitState();
    await runLayout(this.cy, name);
  }

  /** Shortest paths between two nodes, added to the view and highlighted. */
  async findPaths(from: string, to: string, maxLength: number): Promise<PathsResponse | null> {
    const spec: PathSpec = { from, to, maxLength };
    await this.commit((s) => {
      s.lineage = null;
      s.paths = [...s.paths.filter((p) => p.from !== from || p.to !== to), spec];
    });
    this.highlightPath('all');
    return this.pathsShown?.answer ?? null;
  }

  /** Highlights these nodes and links (a route, or one step with all its parallel links), dimming the rest. */
  highlightElements(ids: readonly string[]): void {
    highlightIds(this.cy, new Set(ids));
  }

  /** Forgets the paths and their highlight (nothing stays dimmed). */
  async clearPaths(): Promise<void> {
    await this.commit((s) => {
      s.paths = [];
    }, 'none');
    this.highlightPath(null);
  }

  openLineage(id: string): Promise<void> {
    return this.commit((s) => {
      s.lineage = id;
      s.focus = id;
    });
  }

  closeLineage(): Promise<void> {
    return this.commit((s) => {
      s.lineage = null;
    });
  }

  /**
   * Draws what a Cypher console query returned, added to the view or instead of it (keeping the date,
   * filters and layout). Like an imported file it joins the view's base, not its recipe: a shared link
   * does not carry it.
   */
  async showElements(els: Pick<Elements, 'nodes' | 'edges'>, how: { replace: boolean }): Promise<void> {
    this.record(); // before the base changes: undo brings the old one back
    const base: ElementSet = emptySet();
    if (this.base && !how.replace) mergeInto(base, this.base);
    for (const n of els.nodes) base.nodes.set(n.data.id, n.data);
    for (const e of els.edges) base.edges.set(e.data.id, e.data);
    const arriving = new Set([...els.nodes.map((n) => n.data.id), ...els.edges.map((e) => e.data.id)]);
    this.base = base;
    await this.commit(
      (s) => {
        if (how.replace) {
          Object.assign(s, {
            ...emptyViewState(),
            asOf: s.asOf,
            hiddenLabels: s.hiddenLabels,
            hiddenTypes: s.hiddenTypes,
            layout: s.layout,
            pageSize: s.pageSize,
          });
        }
        s.lineage = null;
        s.removed = s.removed.filter((id) => !arriving.has(id));
        s.hidden = s.hidden.filter((id) => !arriving.has(id));
      },
      how.replace ? 'full' : 'incremental',
      false,
    );
  }

  /** Empties the canvas, keeping the date, filters and layout. */
  clear(): Promise<void> {
    this.base = null;
    return this.commit((s) => {
      const empty = emptyViewState();
      Object.assign(s, {
        ...empty,
        asOf: s.asOf,
        hiddenLabels: s.hiddenLabels,
        hiddenTypes: s.hiddenTypes,
        layout: s.layout,
        pageSize: s.pageSize,
      });
    }, 'none').then(() => {
      // What was selected is gone with everything else: the details and the selection tools follow.
      this.highlightPath(null);
      this.selectionChanged();
    });
  }

  /** Opens a view from its recipe (a shared link): no undo step, laid out afresh. */
  async restore(state: ViewState): Promise<void> {
    this.state = cloneViewState(state);
    this.base = null;
    this.emitState();
    await this.reload('full');
    if (this.pathsShown) this.highlightPath('all');
    // The layout has fitted the view; the focus is selected, not zoomed into.
    if (state.focus) this.focusOn(state.focus, false);
  }

  // ---- undo, files, viewport ------------------------------------------------------------------

  exportPng(): Promise<Blob> {
    return pngBlob(this.cy);
  }

  exportSvg(): Blob {
    return svgBlob(this.cy);
  }

  exportJson(): Blob {
    return jsonBlob(viewFileOf(this.cy, viewStateToQuery(this.state)));
  }

  fit(): void {
    fit(this.cy);
  }

  zoomBy(factor: number): void {
    zoomBy(this.cy, factor);
  }

  centre(id?: string): void {
    centre(this.cy, id);
  }

  selectNext(step: 1 | -1): void {
    selectNext(this.cy, step);
  }

  select(id: string): void {
    this.focusOn(id, false);
  }
}
