/**
 * The result of a console run, in the console panel: a Table tab (columns as the query named them,
 * sortable by clicking a header, exportable as CSV) and a Graph tab (the nodes and relationships the
 * result holds, as drawn on the canvas), with the timings, the row-cap notice and the database's
 * notifications. Everything from the data is rendered as text by lit.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CypherResponse } from '../../../contract/console.ts';
import { GRAPH_LABELS } from '../../../contract/model.ts';
import { cellText, isNode, isRelationship, sortRows, type SortOrder } from './cells.ts';

export type ResultsTab = 'table' | 'graph';

export interface ResultsView {
  response: CypherResponse;
  order: SortOrder | null;
  tab: ResultsTab;
  /** Milliseconds from sending to the answer, as the analyst waited. */
  elapsedMs: number;
  /** How the result's graph went onto the canvas; null when it has none to draw. */
  drawn: { replace: boolean; nodes: number; edges: number } | null;
}

export interface ResultsActions {
  sortBy(column: number): void;
  showTab(tab: ResultsTab): void;
  exportCsv(): void;
  drawAgain(): void;
  selectOnCanvas(id: string): void;
}

const drawable = new Set<string>(GRAPH_LABELS);

/** The result's graph without Source nodes, which the canvas leaves to the panels (contract/model.ts). */
export function canvasPart(graph: CypherResponse['graph']): CypherResponse['graph'] {
  const nodes = graph.nodes.filter((n) => drawable.has(n.data.label));
  const ids = new Set(nodes.map((n) => n.data.id));
  return { nodes, edges: graph.edges.filter((e) => ids.has(e.data.source) && ids.has(e.data.target)) };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function cell(value: unknown): TemplateResult | string {
  if (value === null || value === undefined) return html`<span class="muted">null</span>`;
  if (isNode(value))
    return html`<span class="badge badge-${value.data.label}">${value.data.label}</span> <span dir="auto">${value.data.name}</span>`;
  if (isRelationship(value)) return html`<code>${cellText(value)}</code>`;
  if (typeof value === 'object') return html`<code dir="auto">${cellText(value)}</code>`;
  return html`<span dir="auto">${cellText(value)}</span>`;
}

function table(view: ResultsView, act: ResultsActions): TemplateResult {
  const { columns, rows } = view.response;
  if (rows.length === 0) return html`<p class="muted" data-testid="console-no-rows">No rows.</p>`;
  const order = view.order;
  const sortState = (i: number) => (order?.column === i ? (order.descending ? 'descending' : 'ascending') : 'none');
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
        ${sortRows(rows, order).map((r) => html`<tr>${columns.map((_, i) => html`<td>${cell(rows[r]![i])}</td>`)}</tr>`)}
      </tbody>
    </table>
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
      ${nodes.map(
        (n) => html`<li>
          <button title="Select on the canvas" @click=${() => act.selectOnCanvas(n.data.id)}>
            <span class="badge badge-${n.data.label}">${n.data.label}</span> <span dir="auto">${n.data.name}</span>
          </button>
        </li>`,
      )}
    </ul>
  </div>`;
}

function summary(view: ResultsView): TemplateResult {
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

export function resultsTemplate(view: ResultsView, act: ResultsActions): TemplateResult {
  const tab = (name: ResultsTab, label: string) =>
    html`<button role="tab" aria-selected=${view.tab === name} class=${view.tab === name ? 'chosen' : ''} data-testid="console-tab-${name}" @click=${() => act.showTab(name)}>
      ${label}
    </button>`;
  return html`<div class="console-results-head">
      <div role="tablist" aria-label="Result as">${tab('table', 'Table')}${tab('graph', 'Graph')}</div>
      <button data-testid="console-export-csv" ?disabled=${view.response.rows.length === 0} @click=${act.exportCsv}>Export CSV</button>
    </div>
    ${summary(view)}
    <div role="tabpanel">${view.tab === 'table' ? table(view, act) : graph(view, act)}</div>`;
}
