/**
 * The entity table's templates (lit; data always rendered as text): the mode and filters, a real
 * <table> whose column headers are buttons carrying aria-sort, rows whose names are buttons (Tab and
 * Enter reach every one; a click anywhere on a row does the same), and the pager. State and fetching
 * live in entityTable.ts; this file only draws what it is given and reports what the analyst did.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { EntityRow, EntitySort } from '../../../contract/entities.ts';
import { GRAPH_LABELS, type GraphLabel } from '../../../contract/model.ts';

export type TableMode = 'drawn' | GraphLabel;

/** What the table shows; entityTable.ts owns it. */
export interface TableView {
  mode: TableMode;
  text: string;
  from: string;
  to: string;
  /** Which of `from`/`to` is not a date YYYY, YYYY-MM or YYYY-MM-DD. */
  invalid: { from: boolean; to: boolean };
  sort: EntitySort;
  order: 'asc' | 'desc';
  offset: number;
  pageSize: number;
  rows: readonly EntityRow[];
  total: number;
  loading: boolean;
  error: string | null;
  selected: string | null;
  drawn: ReadonlySet<string>;
}

/** What the analyst can do in the table. */
export interface TableActions {
  setMode(mode: TableMode): void;
  setText(text: string): void;
  setDate(which: 'from' | 'to', value: string): void;
  sortBy(column: EntitySort): void;
  page(step: 1 | -1): void;
  choose(id: string): void;
}

const PLURAL: Record<GraphLabel, string> = { Faction: 'factions', Person: 'people', Event: 'events', Place: 'places' };

const COLUMNS: { sort: EntitySort; title: string; className: string }[] = [
  { sort: 'name', title: 'Name', className: 'name' },
  { sort: 'kind', title: 'Kind', className: 'kind' },
  { sort: 'validFrom', title: 'From', className: 'date' },
  { sort: 'validTo', title: 'To', className: 'date' },
  { sort: 'links', title: 'Links', className: 'number' },
];

/** A stated date with its qualifier, as short as a table cell wants it: "by 2016-05-05", "2017". */
function stated(date: string | null, qualifier: string | null): string {
  if (!date) return '';
  return qualifier ? `${qualifier} ${date}` : date;
}

function header(view: TableView, actions: TableActions, column: (typeof COLUMNS)[number]): TemplateResult {
  const sorted = view.sort === column.sort;
  const ariaSort = sorted ? (view.order === 'asc' ? 'ascending' : 'descending') : 'none';
  const arrow = sorted ? (view.order === 'asc' ? ' ▲' : ' ▼') : '';
  return html`<th scope="col" class=${column.className} aria-sort=${ariaSort}>
    <button type="button" data-sort=${column.sort} @click=${() => actions.sortBy(column.sort)}>
      ${column.title}<span aria-hidden="true">${arrow}</span>
    </button>
  </th>`;
}

function row(view: TableView, actions: TableActions, r: EntityRow): TemplateResult {
  const onCanvas = view.drawn.has(r.id);
  const chosen = view.selected === r.id;
  return html`<tr
    data-id=${r.id}
    class=${`${onCanvas ? 'drawn' : ''} ${chosen ? 'chosen' : ''}`}
    aria-current=${chosen ? 'true' : 'false'}
    @click=${() => actions.choose(r.id)}
  >
    <td class="name">
      <button type="button" class="link-row" dir="auto" title=${onCanvas ? 'Select on the canvas' : 'Add to the canvas'}>
        <span class=${`badge badge-${r.label}`}>${r.label}</span> ${r.name}
      </button>
      ${onCanvas ? html`<span class="visually-hidden">(on the canvas)</span>` : nothing}
    </td>
    <td class="kind">${r.kind ?? ''}</td>
    <td class="date">${stated(r.from, r.fromQualifier)}</td>
    <td class="date">${stated(r.to, r.toQualifier)}</td>
    <td class="number">${r.links}</td>
  </tr>`;
}

/** "1–50 of 123 factions", "5 events of 2017 to 2017", "nothing drawn yet". */
function summary(view: TableView): string {
  const what = view.mode === 'drawn' ? 'drawn' : PLURAL[view.mode];
  if (view.total === 0) return view.mode === 'drawn' && !view.text ? 'Nothing drawn yet.' : `No ${what} match.`;
  const first = view.offset + 1;
  const last = Math.min(view.offset + view.pageSize, view.total);
  const span = first === 1 && last === view.total ? `${view.total}` : `${first}–${last} of ${view.total}`;
  return `${span} ${what}`;
}

export function tableTemplate(view: TableView, actions: TableActions): TemplateResult {
  const all = view.mode !== 'drawn';
  const dateField = (which: 'from' | 'to', label: string) =>
    html`<label class="entity-date"
      >${label}
      <input
        type="text"
        inputmode="numeric"
        size="10"
        placeholder="YYYY"
        data-testid=${`entity-${which}`}
        aria-invalid=${view.invalid[which] ? 'true' : 'false'}
        .value=${live(view[which])}
        @change=${(e: Event) => actions.setDate(which, (e.target as HTMLInputElement).value)}
    /></label>`;
  return html`<div class="entity-table" data-testid="entity-table">
    <h2 id="entity-table-title">Entities</h2>
    <div class="entity-table-controls">
      <label
        >Show
        <select
          data-testid="entity-mode"
          .value=${live(view.mode)}
          @change=${(e: Event) => actions.setMode((e.target as HTMLSelectElement).value as TableMode)}
        >
          <option value="drawn">Drawn on the canvas</option>
          ${GRAPH_LABELS.map((l) => html`<option value=${l}>All ${PLURAL[l]}</option>`)}
        </select></label
      >
      <input
        type="search"
        placeholder="Filter by name"
        aria-label="Filter by name"
        data-testid="entity-filter"
        .value=${live(view.text)}
        @input=${(e: Event) => actions.setText((e.target as HTMLInputElement).value)}
      />
      ${all ? html`<span class="entity-dates">${dateField('from', 'From')} ${dateField('to', 'to')}</span>` : nothing}
    </div>
    ${
      view.invalid.from || view.invalid.to
        ? html`<p class="error">A date is a year (2017), a month (2017-02) or a day (2017-02-14).</p>`
        : nothing
    }
    <p class="entity-count muted" role="status" data-testid="entity-count">
      ${view.loading ? 'Loading…' : view.error ? '' : summary(view)}
    </p>
    ${view.error ? html`<p class="error" role="alert">${view.error}</p>` : nothing}
    <div class="entity-table-scroll">
      <table aria-labelledby="entity-table-title" data-testid="entity-rows">
        <thead>
          <tr>
            ${COLUMNS.map((c) => header(view, actions, c))}
          </tr>
        </thead>
        <tbody>
          ${view.rows.map((r) => row(view, actions, r))}
        </tbody>
      </table>
    </div>
    <div class="actions entity-pager">
      <button type="button" data-testid="entity-previous" ?disabled=${view.offset === 0} @click=${() => actions.page(-1)}>
        Previous
      </button>
      <button
        type="button"
        data-testid="entity-next"
        ?disabled=${view.offset + view.pageSize >= view.total}
        @click=${() => actions.page(1)}
      >
        Next
      </button>
    </div>
  </div>`;
}
