/**
 * The result of a console run, in the console panel: a Table tab (columns as the query named them,
 * sortable by clicking a header, exportable as CSV), a Graph tab (the nodes and relationships the
 * result holds, as drawn on the canvas) and, for EXPLAIN and PROFILE, a Plan tab (planView.ts); with
 * the timings, the row-cap notice, the canvas-cap notice and the database's notifications. The table
 * renders its rows a page at a time (more as it is scrolled), so thousands of rows show at once.
 * Every value is shown as its kind (cellKinds.ts); everything from the data is rendered as text by lit.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CypherResponse } from '../../../contract/console.ts';
import { kindOf } from './cellKinds.ts';
import { cellText, isNode, sortRows, type SortOrder } from './cells.ts';
import { planTemplate } from './planView.ts';
import type { GradeBar } from '../../../contract/grades.ts';
import { gradeBarWords, gradeText, gradeTitle } from '../grades/gradeWords.ts';
import { rowBelowBar } from '../grades/rowGrades.ts';
import { sourceGradesNow as sourceGrades } from '../grades/sourceGrades.ts';

export type ResultsTab = 'table' | 'graph' | 'plan';

/** Rows rendered at first, and added each time the table is scrolled to its end. */
export const ROWS_PER_PAGE = 200;
/** Nodes listed in the Graph tab. */
const NODES_LISTED = 200;

export interface ResultsView {
  response: CypherResponse;
  order: SortOrder | null;
  tab: ResultsTab;
  /** Milliseconds from sending to the answer, as the analyst waited. */
  elapsedMs: number;
  /** How the result's graph went onto the canvas (`of`: how many nodes it could draw); null when not drawn. */
  drawn: { replace: boolean; nodes: number; edges: number; of: number } | null;
  /** How many rows the table renders. */
  shown: number;
  /** The view's grade filter: rows holding a claim below it are greyed (grades/rowGrades.ts); null: none. */
  gradeBar?: GradeBar | null;
}

export interface ResultsActions {
  sortBy(column: number): void;
  showTab(tab: ResultsTab): void;
  exportCsv(): void;
  drawAgain(): void;
  drawAll(): void;
  showMore(): void;
  selectOnCanvas(id: string): void;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** Kinds shown with their name after the value, so a date never reads as text. */
const NAMED_KINDS = new Set(['date', 'localtime', 'time', 'localdatetime', 'datetime', 'duration', 'point', 'bytes']);

function cell(value: unknown): TemplateResult {
  const kind = kindOf(value);
  let content: TemplateResult | string;
  if (kind === 'null') content = html`<span class="muted">null</span>`;
  else if (isNode(value))
    content = html`<span class="badge badge-${value.data.label}">${value.data.label}</span> <span dir="auto">${value.data.name}</span>`;
  else if (kind === 'relationship') {
    const data = (value as { data: Record<string, unknown> }).data;
    content = html`<code dir="auto">${cellText(value)}</code><span class="grade" data-testid="cell-grade" title=${gradeTitle(data, sourceGrades.lookup)}
      >${gradeText(data, sourceGrades.lookup)}</span>`;
  } else if (kind === 'path' || kind === 'list' || kind === 'map')
    content = html`<code dir="auto">${cellText(value)}</code>`;
  else if (NAMED_KINDS.has(kind)) content = html`${cellText(value)} <span class="cell-kind">${kind}</span>`;
  else content = html`<span dir="auto">${cellText(value)}</span>`;
  return html`<td data-kind=${kind}>${content}</td>`;
}

const orders = new WeakMap<CypherResponse, { key: string; indexes: number[] }>();

/** The rows' order for the view, sorted once per order. */
export function orderedRows(view: ResultsView): number[] {
  const key = JSON.stringify(view.order);
  const known = orders.get(view.response);
  if (known?.key === key) return known.indexes;
  const indexes = sortRows(view.response.rows, view.order);
  orders.set(view.response, { key, indexes });
  return indexes;
}

function table(view: ResultsView, act: ResultsActions): TemplateResult {
  const { columns, rows } = view.response;
  if (rows.length === 0) {
    const hint =
      view.response.summary.plan && !view.response.summary.plan.profiled
        ? ' EXPLAIN plans without running: see Plan.'
        : '';
    return html`<p class="muted" data-testid="console-no-rows">No rows.${hint}</p>`;
  }
  const order = view.order;
  const sortState = (i: number) => (order?.column === i ? (order.descending ? 'descending' : 'ascending') : 'none');
  const shown = orderedRows(view).slice(0, view.shown);
  return html`<div class="console-table-wrap">
    <table class="console-table" data-testid="console-table">
      <thead>
        <tr>
          ${columns.map(
            (c, i) => html`<th aria-sort=${sortState(i)}>
              <button title="Sort by ${c}" @click=${() => act.sortBy(i)}>
                ${c}<span class="sort-mark" aria-hidden="true">${sortState(i) === 'ascending' ? ' ▲' : sortState(i) === 'descending' ? ' ▼' : ''}</span>
              </button>
            </th>`,
          )}
        </tr>
      </thead>
      <tbody>
        ${shown.map((r) => {
          const below = rowBelowBar(rows[r]!, sourceGrades.lookup, view.gradeBar ?? null);
          return html`<tr class=${below ? 'below-grade' : ''} title=${below ? `Below the grade filter (${gradeBarWords(view.gradeBar ?? null)})` : ''}>
            ${columns.map((_, i) => cell(rows[r]![i]))}
          </tr>`;
        })}
      </tbody>
    </table>
    ${
      shown.length < rows.length
        ? html`<p class="console-more" data-testid="console-more">
          Showing ${plural(shown.length, 'row')} of ${rows.length.toLocaleString('en')}; more as you scroll.
          <button data-testid="console-show-more" @click=${act.showMore}>Show ${Math.min(ROWS_PER_PAGE, rows.length - shown.length)} more</button>
        </p>`
        : nothing
    }
  </div>`;
}

function graph(view: ResultsView, act: ResultsActions): TemplateResult {
  const { nodes, edges } = view.response.graph;
  if (nodes.length === 0)
    return html`<p class="muted" data-testid="console-graph-empty">This result holds no nodes or relationships to draw.</p>`;
  const drawn = view.drawn;
  return html`<div class="console-graph" data-testid="console-graph">
    <p>
      ${plural(nodes.length, 'node')} and ${plural(edges.length, 'relationship')} in this result${
        drawn ? html`, ${drawn.replace ? 'drawn instead of the view' : 'added to the canvas'}` : nothing
      }.
      <button data-testid="console-draw-again" @click=${act.drawAgain}>Draw on the canvas again</button>
    </p>
    <ul class="console-nodes">
      ${nodes.slice(0, NODES_LISTED).map(
        (n) => html`<li>
          <button title="Select on the canvas" @click=${() => act.selectOnCanvas(n.data.id)}>
            <span class="badge badge-${n.data.label}">${n.data.label}</span> <span dir="auto">${n.data.name}</span>
          </button>
        </li>`,
      )}
    </ul>
    ${nodes.length > NODES_LISTED ? html`<p class="muted">… and ${plural(nodes.length - NODES_LISTED, 'more node')}.</p>` : nothing}
  </div>`;
}

function capped(view: ResultsView, act: ResultsActions): TemplateResult | typeof nothing {
  const drawn = view.drawn;
  if (!drawn || drawn.nodes >= drawn.of) return nothing;
  return html`<p class="console-capped" role="note" data-testid="console-capped">
    The canvas shows the first ${plural(drawn.nodes, 'node')} of the ${drawn.of.toLocaleString('en')} in this result.
    <button data-testid="console-draw-all" @click=${act.drawAll}>Draw all ${drawn.of.toLocaleString('en')} on the canvas</button>
  </p>`;
}

function summary(view: ResultsView, act: ResultsActions): TemplateResult {
  const { rows, truncated, summary: s } = view.response;
  return html`<p class="console-summary muted" data-testid="console-summary">
      ${plural(rows.length, 'row')} · first record after ${s.resultAvailableAfter} ms, all after
      ${s.resultAvailableAfter + s.resultConsumedAfter} ms in the database · ${Math.round(view.elapsedMs)} ms in all
    </p>
    ${
      truncated
        ? html`<p class="console-truncated" role="note" data-testid="console-truncated">
          Truncated: the query returned more than ${plural(rows.length, 'row')}; only these are shown. Add a LIMIT or
          narrow the query to see the rest.
        </p>`
        : nothing
    }
    ${capped(view, act)}
    ${
      s.notifications.length
        ? html`<ul class="console-notifications" data-testid="console-notifications">
          ${s.notifications.map(
            (n) => html`<li>
              <strong>${n.title}</strong>${n.position ? ` (line ${n.position.line}, column ${n.position.column})` : ''}: ${n.description}
            </li>`,
          )}
        </ul>`
        : nothing
    }`;
}

/** The tabs, the summary and the chosen tab's content. */
export function resultsTemplate(view: ResultsView, act: ResultsActions): TemplateResult {
  const plan = view.response.summary.plan;
  const tab = (name: ResultsTab, label: string) =>
    html`<button role="tab" aria-selected=${view.tab === name} class=${view.tab === name ? 'chosen' : ''} data-testid="console-tab-${name}" @click=${() => act.showTab(name)}>
      ${label}
    </button>`;
  const content =
    view.tab === 'plan' && plan ? planTemplate(plan) : view.tab === 'graph' ? graph(view, act) : table(view, act);
  return html`<div class="console-results-head">
      <div role="tablist" aria-label="Result as">${tab('table', 'Table')}${tab('graph', 'Graph')}${plan ? tab('plan', 'Plan') : nothing}</div>
      <button data-testid="console-export-csv" ?disabled=${view.response.rows.length === 0} @click=${act.exportCsv}>Export CSV</button>
    </div>
    ${summary(view, act)}
    <div role="tabpanel">${content}</div>`;
}
