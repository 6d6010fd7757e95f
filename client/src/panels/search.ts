/**
 * Search box with suggestions while typing: any name or alias, in any script (the server folds
 * Arabic and Latin spellings), and sources by title, author or publisher. Choosing a node adds it to
 * the canvas and centres it, and says so when the Filters panel hides it (searchNotes.ts), offering to
 * show it; choosing a Source opens its card, which draws what the source states.
 * An ARIA combobox: arrows move through suggestions, Enter chooses, Escape closes.
 */
import { html, nothing, render } from 'lit';
import type { SearchResult } from '../../../contract/api.ts';
import { ApiError, type Api } from '../api.ts';
import type { Canvas } from '../graph/canvas.ts';
import { drawnText, filterNotice, type HiddenBy, hiddenBy, type SourceCardState, sourceCard } from './searchNotes.ts';

const DEBOUNCE_MS = 150;

/** The alias that matched, when the name itself did not: helps with other scripts and spellings. */
function matchingAlias(result: SearchResult, query: string): string | null {
  const q = query.trim().toLocaleLowerCase();
  if (!q || result.name.toLocaleLowerCase().includes(q)) return null;
  return result.aliases.find((a) => a.toLocaleLowerCase().includes(q)) ?? null;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Mounts the search panel in `host`; `focus()` puts the caret in its box (the "/" shortcut). */
export function mountSearch(host: HTMLElement, canvas: Canvas, api: Api): { focus(): void } {
  let query = '';
  /** A chosen node the filters hide, and which filters. */
  let notice: { result: SearchResult; hidden: HiddenBy } | null = null;
  /** The chosen Source, shown until closed or another choice. */
  let card: SourceCardState | null = null;
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
    const searched = query; // kept as the search step's text in the view model's provenance
    query = '';
    results = [];
    open = false;
    active = -1;
    message = null;
    input().value = '';
    notice = null;
    card = null;
    if (result.label === 'Source') void openSource(result);
    else {
      const hidden = hiddenBy(result, canvas.view);
      if (hidden) notice = { result, hidden };
      void canvas.addNode(result.id, { text: searched || result.name });
    }
    draw();
  }

  /** Clears the filters that hide the chosen node, then selects and centres it. */
  async function showHidden(): Promise<void> {
    if (!notice) return;
    const { result, hidden } = notice;
    const { hiddenLabels, hiddenTypes } = canvas.view;
    notice = null;
    draw();
    await canvas.setFilters(
      hiddenLabels.filter((l) => !hidden.labels.includes(l)),
      hiddenTypes.filter((t) => !hidden.types.includes(t)),
    );
    canvas.select(result.id);
    canvas.centre(result.id);
  }

  async function openSource(result: SearchResult): Promise<void> {
    const mine: SourceCardState = { result, detail: null, drawing: false, outcome: null };
    card = mine;
    try {
      mine.detail = (await api.node(result.id)).node;
    } catch (err) {
      mine.outcome = { text: errorText(err), error: true };
    }
    if (card === mine) draw();
  }

  /** "Draw what it states": the nodes and relationships citing the source, added to the canvas. */
  async function drawSource(): Promise<void> {
    const mine = card;
    if (!mine || mine.drawing) return;
    mine.drawing = true;
    mine.outcome = null;
    draw();
    try {
      const els = await api.sourceClaims(mine.result.id);
      await canvas.showElements(els, { replace: false });
      mine.outcome = { text: drawnText(els.nodes.length, els.edges.length, els.truncated), error: false };
    } catch (err) {
      mine.outcome = { text: errorText(err), error: true };
    }
    mine.drawing = false;
    if (card === mine) draw();
  }

  function closeNotes(): void {
    notice = null;
    card = null;
    draw();
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
      if (!open) closeNotes();
      open = false;
      draw();
    }
  }

  function notes() {
    if (notice) return filterNotice(notice.hidden, () => void showHidden(), closeNotes);
    if (card) return sourceCard(card, () => void drawSource(), closeNotes);
    return nothing;
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
              ${r.title ? html`<span class="alias" dir="auto">${r.title}</span>` : nothing}
            </li>`;
          })}
          ${message ? html`<li class="message" role="option" aria-disabled="true">${message}</li>` : nothing}
        </ul>
        ${showList ? nothing : notes()}
      </div>`,
      host,
    );
  }

  // A notice goes once the analyst shows what it was about, from here or from the Filters panel.
  canvas.on('state', (view) => {
    if (notice && !hiddenBy(notice.result, view)) {
      notice = null;
      draw();
    }
  });
  draw();
  return { focus: () => input().focus() };
}
