/**
 * The canvas: the scene that owns the Cytoscape.js instance and renders the view model
 * (client/src/model/viewModel.ts, `canvas.model`). Its parts, each with one reason to change:
 * canvasCore.ts (the instance, drawing, reporting moves/zoom/pan/selection into the model),
 * canvasSaved.ts (undo's scene, view files, exact reopen, refresh), canvasSettings.ts (filters, grade
 * bar, page size, as-of and known-on times), canvasCommands.ts (the commands,
 * with their provenance), canvasHook.ts (window.__atlas). Panels change the view through this API or
 * the model's, and learn about it through the events of either (selection, stats, state, truncations,
 * problems... here; change, annotations, provenance... on the model).
 */
import type { EdgeData, NodeData } from '../../../contract/api.ts';
import { lifetimeOf } from '../../../contract/validTime.ts';
import { partToDraw } from '../console/consoleGraph.ts';
import { newRunId } from '../console/runner.ts';
import type { ViewState } from '../state/viewState.ts';
import { viewStateFromQuery, viewStateToQuery } from '../state/url.ts';
import type { PathsShown } from './canvasParts.ts';
import { mergeInto } from './canvasParts.ts';
import { CanvasCommands } from './canvasCommands.ts';
import { ChangeMarks } from './changeMarks.ts';
import { CompareLook } from './compareLook.ts';
import { NoteBadges } from './noteBadges.ts';
import type { Api } from '../api.ts';
import type { ViewModel } from '../model/viewModel.ts';
import { jsonBlob, pngBlob, svgBlob, viewFileOf } from './exporting.ts';
import { highlightIds } from './highlight.ts';
import { centre, clientPosition, fit, selectNext, zoomBy } from './interaction.ts';
import { emptySet, type ElementSet, type Truncation } from './loader.ts';
import { currentSet, decorate, edgeDisplay, statsOf, type Stats } from './scene.ts';
import { sourceGrades } from '../grades/sourceGrades.ts';
import { timelineEvents, type TimelineEvent } from './timeline.ts';
import { timeStops } from './timeStops.ts';

export type { CanvasEvents, Selected } from './canvasCore.ts';
export type { Stats, Truncation, PathsShown };

export class Canvas extends CanvasCommands {
  /** Notes as badges at their elements (graph/noteBadges.ts). */
  readonly badges: NoteBadges;
  /** The model's comparison of two dates, drawn (graph/compareLook.ts); panels read its result. */
  readonly comparison: CompareLook;
  /** What changed since an investigation's snapshot, marked (graph/changeMarks.ts). */
  readonly changeMarks: ChangeMarks;

  constructor(container: HTMLElement, api: Api, model?: ViewModel) {
    super(container, api, model);
    this.badges = new NoteBadges(container, () => this.cy, this.model);
    this.comparison = new CompareLook(
      () => this.cy,
      this.model,
      () => this.reload('incremental'),
    );
    this.changeMarks = new ChangeMarks(() => this.cy);
    this.on('content', () => {
      this.changeMarks.apply();
      this.comparison.apply();
      this.badges.refresh();
      this.askGrades();
    });
    sourceGrades.onChange(() => this.regrade());
  }

  // ---- grades -------------------------------------------------------------------------------

  /**
   * Asks for the reliability of the sources of the drawn links not known yet (one request), as known
   * on the view's "as known on": a source regraded since shows the grade its claims were drawn with.
   */
  private askGrades(): void {
    const ids: string[] = [];
    this.cy.edges().forEach((e) => void ids.push(...((e.data('sources') as string[] | undefined) ?? [])));
    const problem = (err: Error) => this.emit('problem', `Source grades: ${err.message}`);
    sourceGrades.setKnownOn(this.state.knownOn).catch(problem);
    sourceGrades.ensure(ids).catch(problem);
  }

  /** Grades arrived or changed: each link's label says its grade again, and the grade filter is applied anew. */
  private regrade(): void {
    this.cy.batch(() => {
      this.cy.edges().forEach((e) => {
        if (e.data('bundle')) return; // a bundle's lead is labelled by decorate's bundling
        const display = edgeDisplay(e.data() as EdgeData);
        if (e.data('display') !== display) e.data('display', display);
      });
    });
    decorate(this.cy, this.drawState, this.truncations);
    this.emitStats();
  }

  // ---- reading -------------------------------------------------------------------------------

  /** The recipe (the model's): read it, change it through the commands. */
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

  /** Highlights these nodes and links (a route, or one step with all its parallel links), dimming the rest. */
  highlightElements(ids: readonly string[]): void {
    highlightIds(this.cy, new Set(ids));
  }

  // ---- provenance -----------------------------------------------------------------------------

  /**
   * Runs a provenance step of the model again ("a click replays that step"): the search's node added,
   * the expansion, the paths, the lineage, the console query re-run through the API and drawn, the
   * shared link's recipe opened; each records a step of its own. False when there is no such step,
   * it cannot be replayed (a file), or the view is read-only. Throws the API's error when a query fails.
   */
  async replay(stepId: string): Promise<boolean> {
    const step = this.model.step(stepId);
    if (!step || this.model.readOnly) return false;
    switch (step.kind) {
      case 'search':
        await this.addNode(step.node, { text: step.text });
        return true;
      case 'expansion':
        await this.expandWith(structuredClone(step.expansion));
        return true;
      case 'path':
        await this.findPaths(step.path.from, step.path.to, step.path.maxLength);
        return true;
      case 'lineage':
        await this.openLineage(step.node);
        return true;
      case 'query': {
        const answer = await this.api.cypher({ query: step.text, params: step.params, runId: newRunId() });
        this.model.recordQuery({ text: step.text, params: step.params, rows: answer.rows.length });
        const { part } = partToDraw(answer.graph, null);
        await this.showElements(part, { replace: false }, { text: step.text, params: step.params });
        return true;
      }
      case 'link': {
        const recipe = viewStateFromQuery(new URL(step.url, window.location.href).search);
        await this.bringing(
          { kind: 'link', url: step.url },
          () => [],
          () => this.commit((s) => void Object.assign(s, recipe), 'full'),
        );
        return true;
      }
      case 'file':
        return false;
    }
  }

  // ---- files, viewport ------------------------------------------------------------------------

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
