/**
 * The named queries (cypher/queries/*.cypher, from GET /api/queries) as a menu in the console; the
 * chosen one as a form with one field per declared parameter, of its type (number, date, checkbox,
 * text), defaults filled in. The server checks the values; a 400 naming a parameter is shown at its
 * field. "Copy to the editor" puts the query's Cypher and values in the editor, to adapt.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { NamedQuery, NamedQueryParam } from '../../../contract/console.ts';
import type { ApiError } from '../api.ts';
import { initialField, type FieldValue } from './params.ts';

export interface NamedQueryForm {
  query: NamedQuery;
  fields: Record<string, FieldValue>;
  /** Messages by parameter name, from the server's last answer. */
  errors: Record<string, string>;
}

export interface NamedQueryActions {
  choose(name: string): void;
  setField(name: string, value: FieldValue): void;
  run(): void;
  copyToEditor(): void;
}

export function formFor(query: NamedQuery): NamedQueryForm {
  return { query, fields: Object.fromEntries(query.params.map((p) => [p.name, initialField(p)])), errors: {} };
}

/** The parameters a 400 names (details paths like "params.depth"), with what was wrong. */
export function fieldErrors(error: ApiError, query: NamedQuery): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const d of error.more.details ?? []) {
    const name = /^params\.(\w+)/.exec(d.path)?.[1];
    if (name) errors[name] = d.message;
  }
  for (const p of query.params) {
    if (!errors[p.name] && error.message.includes(`params.${p.name}`)) errors[p.name] = error.message;
  }
  return errors;
}

const INPUT_TYPES: Record<NamedQueryParam['type'], string> = {
  string: 'text',
  integer: 'number',
  float: 'number',
  boolean: 'checkbox',
  date: 'date',
  partialDate: 'text',
  id: 'text',
};

function field(p: NamedQueryParam, form: NamedQueryForm, act: NamedQueryActions): TemplateResult {
  const id = `nq-${form.query.name}-${p.name}`;
  const value = form.fields[p.name] ?? initialField(p);
  const error = form.errors[p.name];
  const input =
    p.type === 'boolean'
      ? html`<input id=${id} type="checkbox" .checked=${live(value === true)} @change=${(e: Event) => act.setField(p.name, (e.target as HTMLInputElement).checked)} />`
      : html`<input
          id=${id}
          name=${p.name}
          type=${INPUT_TYPES[p.type]}
          step=${p.type === 'integer' ? '1' : p.type === 'float' ? 'any' : nothing}
          min=${p.min ?? nothing}
          max=${p.max ?? nothing}
          placeholder=${p.type === 'partialDate' ? 'YYYY, YYYY-MM or YYYY-MM-DD' : p.required ? 'required' : 'optional'}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby="${id}-about"
          .value=${live(String(value))}
          @input=${(e: Event) => act.setField(p.name, (e.target as HTMLInputElement).value)}
        />`;
  return html`<div class="nq-field" data-testid="named-query-param-${p.name}">
    <label for=${id}><code>${p.name}</code> <span class="muted">${p.type}${p.required ? '' : ', optional'}</span></label>
    ${input}
    <span id="${id}-about" class="muted nq-about">${p.description}</span>
    ${error ? html`<span class="error" role="alert" data-testid="named-query-error-${p.name}">${error}</span>` : nothing}
  </div>`;
}

export function namedQueriesTemplate(
  queries: NamedQuery[] | null,
  loadError: string | null,
  form: NamedQueryForm | null,
  running: boolean,
  act: NamedQueryActions,
): TemplateResult {
  const menu = html`<label class="nq-menu">
    <span>Named queries</span>
    <select
      data-testid="named-query-menu"
      ?disabled=${!queries}
      @change=${(e: Event) => act.choose((e.target as HTMLSelectElement).value)}
    >
      <option value="" ?selected=${!form}>${queries ? 'Choose a query…' : 'Loading…'}</option>
      ${(queries ?? []).map((q) => html`<option value=${q.name} ?selected=${form?.query.name === q.name}>${q.title}</option>`)}
    </select>
  </label>`;
  if (loadError) return html`${menu}<p class="error" role="alert">${loadError}</p>`;
  if (!form) return menu;
  return html`${menu}
    <form
      class="nq-form"
      data-testid="named-query-form"
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        act.run();
      }}
    >
      <p class="nq-description">${form.query.description}</p>
      ${form.query.params.map((p) => field(p, form, act))}
      <div class="actions">
        <button type="submit" data-testid="named-query-run" ?disabled=${running}>Run</button>
        <button type="button" @click=${act.copyToEditor}>Copy to the editor</button>
      </div>
    </form>`;
}
