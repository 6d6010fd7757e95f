/**
 * The console's latest result and what the analyst does with it: the tab shown, sorting, the table
 * growing a page at a time as it is scrolled, the CSV export, and the graph on the canvas, at most
 * CANVAS_NODE_CAP nodes unless the analyst asks for all (consoleGraph.ts). The canvas is drawn after
 * the table has been painted, so the rows show at once however large the graph.
 */
import { html, type TemplateResult } from 'lit';
import type { CypherResponse } from '../../../contract/console.ts';
import type { Canvas } from '../graph/canvas.ts';
import { gradeBarOf } from '../grades/gradeWords.ts';
import { sourcesInRows } from '../grades/rowGrades.ts';
import { sourceGradesNow as sourceGrades } from '../grades/sourceGrades.ts';
import { CANVAS_NODE_CAP, partToDraw } from './consoleGraph.ts';
import { downloadCsv, toCsv } from './csv.ts';
import {
  orderedRows,
  ROWS_PER_PAGE,
  type ResultsActions,
  type ResultsTab,
  type ResultsView,
  resultsTemplate,
} from './resultsTable.ts';

const stamp = () => new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');

/** Runs `work` once the browser has painted what is rendered now. */
const afterPaint = (work: () => void) => requestAnimationFrame(() => setTimeout(work, 0));

export class ConsoleResults {
  private view: ResultsView | null = null;
  /** The query that returned the result shown, recorded as the provenance of what it draws. */
  private query: { text: string; params: Record<string, unknown> } | undefined;

  constructor(
    private readonly canvas: Canvas,
    /** Whether the analyst chose to replace the canvas rather than add to it. */
    private readonly replacing: () => boolean,
    /** Renders the console again. */
    private readonly redraw: () => void,
  ) {
    // Grades arriving, or the view's grade filter changing, re-grey the rows.
    sourceGrades.onChange(() => this.view && this.redraw());
    let bar = JSON.stringify(gradeBarOf(canvas.view));
    canvas.on('state', (s) => {
      const next = JSON.stringify(gradeBarOf(s));
      if (next === bar) return;
      bar = next;
      if (this.view) this.redraw();
    });
  }

  /** A new result: its plan if it has one (EXPLAIN, PROFILE), else the tab in use; its graph drawn. */
  show(response: CypherResponse, elapsedMs: number, query?: { text: string; params: Record<string, unknown> }): void {
    this.query = query;
    const tab: ResultsTab = response.summary.plan ? 'plan' : this.view?.tab === 'graph' ? 'graph' : 'table';
    this.view = { response, order: null, tab, elapsedMs, drawn: null, shown: ROWS_PER_PAGE };
    sourceGrades.ensure(sourcesInRows(response.rows)).catch(() => {}); // shown as F meanwhile
    this.drawGraph(CANVAS_NODE_CAP);
  }

  template(): TemplateResult {
    if (this.view) this.view.gradeBar = gradeBarOf(this.canvas.view);
    return this.view
      ? resultsTemplate(this.view, this.actions)
      : html`<p class="muted">Run a query to see its result here and its graph on the canvas.</p>`;
  }

  /** The results pane scrolled: near the end of the table, the next page of rows. */
  readonly onScroll = (e: Event): void => {
    const el = e.currentTarget as HTMLElement;
    if (this.view?.tab === 'table' && el.scrollTop + el.clientHeight > el.scrollHeight - 300) this.showMore();
  };

  private showMore(): void {
    const view = this.view;
    if (!view || view.shown >= view.response.rows.length) return;
    view.shown += ROWS_PER_PAGE;
    this.redraw();
  }

  /** Puts the result's graph on the canvas: at most `cap` nodes, all when `cap` is null. */
  private drawGraph(cap: number | null): void {
    const view = this.view;
    if (!view) return;
    const { part, of } = partToDraw(view.response.graph, cap);
    if (part.nodes.length === 0) return;
    const replace = this.replacing();
    view.drawn = { replace, nodes: part.nodes.length, edges: part.edges.length, of };
    const query = this.query;
    afterPaint(() => void this.canvas.showElements(part, { replace }, query));
  }

  private readonly actions: ResultsActions = {
    sortBy: (column) => {
      if (!this.view) return;
      const o = this.view.order;
      this.view.order = { column, descending: o?.column === column ? !o.descending : false };
      this.redraw();
    },
    showTab: (tab) => {
      if (this.view) this.view.tab = tab;
      this.redraw();
    },
    exportCsv: () => {
      if (!this.view) return;
      const { columns, rows } = this.view.response;
      const ordered = orderedRows(this.view).map((i) => rows[i]!);
      downloadCsv(toCsv(columns, ordered), `faction-atlas-query-${stamp()}.csv`);
    },
    drawAgain: () => {
      this.drawGraph(this.view?.drawn?.nodes ?? CANVAS_NODE_CAP);
      this.redraw();
    },
    drawAll: () => {
      this.drawGraph(null);
      this.redraw();
    },
    showMore: () => this.showMore(),
    selectOnCanvas: (id) => this.canvas.select(id),
  };
}
