/**
 * The two pickers a form holds: the sources it cites (held sources found by title, author or publisher
 * through search, or a new one added inline by the source form), and a node for one end of a claim
 * (the nodes on the canvas, or any held node found by name). Each keeps its own small state and asks
 * the form to redraw; the form reads `chosen`/`value` when it builds its record.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { SearchResult } from '../../../contract/api.ts';
import type { GraphLabel } from '../../../contract/model.ts';
import type { Api } from '../api.ts';
import type { FieldErrors } from './fieldErrors.ts';
import { fieldId, fieldMessage } from './formParts.ts';

/** How long to wait after a key before searching (a name is typed in bursts). */
const SEARCH_PAUSE_MS = 200;

/** How a picker's search box reads: its input's test id, name for screen readers and placeholder. */
interface SearchBoxWords {
  testid: string;
  label: string;
  placeholder: string;
  /** The results list's test id, if it has one. */
  resultsTestid?: string;
}

/**
 * A picker's search over held nodes and sources (those `keep` accepts): the box, what it found as a
 * list of buttons (`choice` draws one), the text typed. `clear` empties both once a result is picked.
 */
function searcher(api: Api, keep: (r: SearchResult) => boolean, redraw: () => void) {
  let results: SearchResult[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  let text = '';
  const find = () => {
    clearTimeout(timer);
    const q = text.trim();
    if (!q) {
      results = [];
      redraw();
      return;
    }
    timer = setTimeout(async () => {
      const mine = ++asked;
      const found = await api.search(q, 20).catch(() => []);
      if (mine !== asked) return;
      results = found.filter(keep);
      redraw();
    }, SEARCH_PAUSE_MS);
  };
  return {
    clear() {
      text = '';
      results = [];
    },
    view(words: SearchBoxWords, choice: (r: SearchResult) => TemplateResult) {
      return html`<input type="search" data-testid=${words.testid} aria-label=${words.label} placeholder=${words.placeholder} .value=${text} @input=${(
        e: Event,
      ) => {
        text = (e.target as HTMLInputElement).value;
        find();
      }} />
        ${
          results.length > 0
            ? html`<ul class="pick-results" data-testid=${words.resultsTestid ?? nothing}>
              ${results.map((r) => html`<li>${choice(r)}</li>`)}
            </ul>`
            : nothing
        }`;
    },
  };
}

export interface CitePicker {
  /** The ids of the sources cited, in the order chosen. */
  readonly chosen: string[];
  add(id: string, title: string): void;
  /** `single`: one source to choose (the choice replaces the last), no "New source…". */
  view(errors: FieldErrors, options?: { single?: boolean }): TemplateResult;
}

/**
 * The cited sources: chips with a remove button, a search box over held sources, and "New source…"
 * (`addNew` opens the source form and answers the added source, or null when cancelled).
 */
export function citePicker(
  api: Api,
  initial: readonly { id: string; title: string }[],
  redraw: () => void,
  addNew: () => Promise<{ id: string; title: string } | null>,
  /** Called when the sources cited change (the form drops the field's message: it was about the old list). */
  onChange: () => void = () => {},
): CitePicker {
  const chosen: string[] = initial.map((s) => s.id);
  const titles = new Map(initial.map((s) => [s.id, s.title]));
  const search = searcher(api, (r) => r.label === 'Source', redraw);
  let single = false;
  const picker: CitePicker = {
    chosen,
    add(id, title) {
      titles.set(id, title);
      if (single) chosen.splice(0);
      if (!chosen.includes(id)) {
        chosen.push(id);
        onChange();
      }
      search.clear();
      redraw();
    },
    view(errors, options = {}) {
      single = options.single === true;
      const error = errors.sources;
      return html`<fieldset class="curation-field cite-picker ${error ? 'invalid' : ''}" data-field="sources" data-testid="cite-picker" aria-describedby=${error ? `${fieldId('sources')}-error` : nothing}>
        <legend>${single ? 'The source' : 'Sources cited (at least one)'}</legend>
        <ul class="chosen-sources" data-testid="cited-sources">
          ${chosen.map(
            (id) => html`<li data-source-id=${id}>
              <bdi>${titles.get(id) ?? id}</bdi>
              <button type="button" aria-label=${`Stop citing ${titles.get(id) ?? id}`} @click=${() => {
                chosen.splice(chosen.indexOf(id), 1);
                onChange();
                redraw();
              }}>×</button>
            </li>`,
          )}
        </ul>
        ${search.view(
          {
            testid: 'cite-search',
            label: 'Find a held source by title, author or publisher',
            placeholder: 'Find a source by title…',
            resultsTestid: 'cite-results',
          },
          (r) =>
            html`<button type="button" data-source-id=${r.id} @click=${() => picker.add(r.id, r.title ?? r.name)}><bdi>${r.title ?? r.name}</bdi></button>`,
        )}
        ${
          single
            ? nothing
            : html`<button type="button" data-testid="cite-new" @click=${async () => {
                const added = await addNew();
                if (added) picker.add(added.id, added.title);
              }}>New source…</button>`
        }
        ${fieldMessage('sources', errors)}
      </fieldset>`;
    },
  };
  return picker;
}

export interface NodeChoice {
  id: string;
  name: string;
  label: GraphLabel;
}

export interface NodePicker {
  value: string;
  labelOf(id: string): GraphLabel | undefined;
  view(errors: FieldErrors, fixed: boolean): TemplateResult;
}

/**
 * One end of a claim (`name`: "source" or "target"): a choice among the nodes on the canvas, and a
 * search for any other held node, which joins the choices when picked.
 */
export function nodePicker(
  api: Api,
  name: 'source' | 'target',
  words: string,
  onCanvas: readonly NodeChoice[],
  initial: string,
  redraw: () => void,
): NodePicker {
  const choices = new Map(onCanvas.map((n) => [n.id, n]));
  const search = searcher(api, (r) => r.label !== 'Source', redraw);
  const picker: NodePicker = {
    value: initial,
    labelOf: (id) => choices.get(id)?.label,
    view(errors, fixed) {
      const id = fieldId(name);
      const error = errors[name];
      const sorted = [...choices.values()].sort((a, b) => a.name.localeCompare(b.name));
      return html`<div class="curation-field node-picker ${error ? 'invalid' : ''}" data-field=${name}>
        <label for=${id}>${words}</label>
        <select id=${id} name=${name} ?disabled=${fixed} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing} @change=${(
          e: Event,
        ) => {
          picker.value = (e.target as HTMLSelectElement).value;
          redraw();
        }}>
          <option value="" ?selected=${picker.value === ''}>(choose a node)</option>
          ${sorted.map((n) => html`<option value=${n.id} ?selected=${n.id === picker.value}>${n.name} (${n.label})</option>`)}
        </select>
        ${
          fixed
            ? nothing
            : search.view(
                {
                  testid: `${name}-search`,
                  label: `Find another node for: ${words}`,
                  placeholder: 'or find one by name…',
                },
                (r) =>
                  html`<button type="button" data-node-id=${r.id} @click=${() => {
                    choices.set(r.id, { id: r.id, name: r.name, label: r.label as GraphLabel });
                    picker.value = r.id;
                    search.clear();
                    redraw();
                  }}><bdi>${r.name}</bdi> (${r.label})</button>`,
              )
        }
        ${fieldMessage(name, errors)}
      </div>`;
    },
  };
  return picker;
}
