/**
 * Search box with suggestions while typing: any name or alias, in any script (the server folds
 * Arabic and Latin spellings). Choosing a suggestion adds the node to the canvas and centres it.
 * An ARIA combobox: arrows move through suggestions, Enter chooses, Escape closes.
 */
import { html, nothing, render } from 'lit';
import type { SearchResult } from '../../../contract/api.ts';
import { ApiError, type Api } from '../api.ts';
import type { Canvas } from '../graph/canvas.ts';

const DEBOUNCE_MS = 150;

/** The alias that matched, when the name itself did not: helps with other scripts and spellings. */
function matchingAlias(result: SearchResult, query: string): string | null {
  const q = query.trim().toLocaleLowerCase();
  if (!q || result.name.toLocaleLowerCase().includes(q)) return null;
  return result.aliases.find((a) => a.toLocaleLowerCase().includes(q)) ?? null;
}

export function mountSearch(host: HTMLElement, canvas: Canvas, api: Api): { focus(): void } {
  let query = '';
  let results: SearchResult[] = [];
  let active = -1;
  let open = false;
  let message: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | null = null;

  const input = () => host.querySelector<HTMLInputElement>('input')!;

  async function lookUp(text: string): Promise<void> {
    inFlight?.abort();
    if (text.trim().length === 0) {
      results = [];
      open = false;
      message = null;
      return draw();
    }
    const controller = new AbortController();
    inFlight = controller;
    try {
      results = await api.search(text, 8, controller.signal);
      message = results.length === 0 ? 'No match' : null;
      active = results.length > 0 ? 0 : -1;
      open = true;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'ABORTED') return;
      results = [];
      message = err instanceof Error ? err.message : String(err);
      open = true;
    }
    draw();
  }

  function choose(result: SearchResult | undefined): void {
    if (!result) return;
    query = '';
    results = [];
    open = false;
    active = -1;
    message = null;
    input().value = '';
    draw();
    void canvas.addNode(result.id);
  }

  function onInput(e: Event): void {
    query = (e.target as HTMLInputElement).value;
    clearTimeout(timer);
    timer = setTimeout(() => void lookUp(query), DEBOUNCE_MS);
  }

  function onKey(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (results.length === 0) return;
      e.preventDefault();
      open = true;
      active = (active + (e.key === 'ArrowDown' ? 1 : -1) + results.length) % results.length;
      draw();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(results[active] ?? results[0]);
    } else if (e.key === 'Escape') {
      open = false;
      draw();
    }
  }

  function draw(): void {
    const showList = open && (results.length > 0 || message !== null);
    render(
      html`<div class="search">
        <input
          type="search"
          dir="auto"
          data-testid="search-input"
          placeholder="Search any name, any script  ( / )"
          aria-label="Search factions, people, events, places"
          role="combobox"
          aria-autocomplete="list"
          aria-controls="search-results"
          aria-expanded=${showList ? 'true' : 'false'}
          aria-activedescendant=${active >= 0 && showList ? `search-result-${active}` : nothing}
          autocomplete="off"
          @input=${onInput}
          @keydown=${onKey}
          @blur=${() =>
            setTimeout(() => {
              open = false;
              draw();
            }, 150)}
          @focus=${() => {
            if (results.length > 0) {
              open = true;
              draw();
            }
          }}
        />
        <ul id="search-results" role="listbox" class="suggestions" ?hidden=${!showList} data-testid="search-results">
          ${results.map((r, i) => {
            const alias = matchingAlias(r, query);
            return html`<li
              id="search-result-${i}"
              role="option"
              aria-selected=${i === active ? 'true' : 'false'}
              class=${i === active ? 'active' : ''}
              data-id=${r.id}
              @mousedown=${(e: Event) => e.preventDefault()}
              @click=${() => choose(r)}
            >
              <span class="name" dir="auto">${r.name}</span>
              <span class="badge badge-${r.label}">${r.label}</span>
              ${alias ? html`<span class="alias" dir="auto">${alias}</span>` : nothing}
            </li>`;
          })}
          ${message ? html`<li class="message" role="option" aria-disabled="true">${message}</li>` : nothing}
        </ul>
      </div>`,
      host,
    );
  }

  draw();
  return { focus: () => input().focus() };
}
