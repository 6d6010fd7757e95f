/**
 * The history of the selected node or claim, as a section of the details panel: each change (oldest
 * first) with when, who, what it did, the sources it cited, why, and the fields it changed (before →
 * after, only those that differ). Each change offers "As known before this", which sets the view's
 * "as known on" to that change's instant (contract/knownTime.ts): a correction made the same day as
 * its claim leaves no day on which only the old version was known, an instant does.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { FactChange, HistoryResponse } from '../../../contract/curation.ts';
import { ApiError, api } from '../api.ts';
import type { Canvas } from '../graph/canvas.ts';
import { changedFields, changeWhen, changeWords } from './historyDiff.ts';
import { historyOf } from './historyApi.ts';
import { describeKnownOn } from './knownOnWords.ts';
import './history.css';

type Target = { kind: 'node' | 'edge'; id: string };

/** The section and what refreshes it; `view` is drawn by the details panel (panels/details.ts extras). */
export interface HistorySection {
  view(selected: Target): TemplateResult;
  setRedraw(redraw: () => void): void;
  /** Asks again for the shown history (after a curation write). */
  refresh(): void;
}

export function historySection(canvas: Canvas): HistorySection {
  let redraw = () => {};
  let shown: Target | null = null;
  let answer: HistoryResponse | null = null;
  let problem: string | null = null;
  /** The database holds no such element: it was drawn from a view file or a snapshot, or since deleted. */
  let absent = false;
  let request = 0;
  /** Cited sources' titles (else names) by id, read as the details panel reads them (GET /api/nodes/:id). */
  const sourceNames = new Map<string, string | null>();

  /** A cited source as words: its title or name once read, its id until then (or if it cannot be read). */
  function sourceWords(id: string): string {
    if (!sourceNames.has(id)) {
      sourceNames.set(id, null);
      void api.node(id).then(
        ({ node }) => {
          const title = typeof node.title === 'string' && node.title ? node.title : node.name;
          sourceNames.set(id, title || null);
          redraw();
        },
        () => {},
      );
    }
    return sourceNames.get(id) ?? id;
  }

  async function load(target: Target): Promise<void> {
    const mine = ++request;
    try {
      const got = await historyOf(target.kind, target.id);
      if (mine !== request) return;
      answer = got;
      problem = null;
      absent = false;
    } catch (err) {
      if (mine !== request) return;
      answer = null;
      // 404 is an answer, not a fault: the element on the canvas is not one the database holds.
      absent = err instanceof ApiError && err.status === 404;
      problem = absent ? null : (err as Error).message;
    }
    redraw();
  }

  function refresh(): void {
    if (shown) void load(shown);
  }

  // The view was drawn again (a write, another "as known on"): the history may have grown.
  canvas.on('content', refresh);

  function changeItem(change: FactChange): TemplateResult {
    const fields = changedFields(change.before, change.after);
    return html`<li class="history-change" data-testid="history-change" data-action=${change.action}>
      <div class="history-head">
        <time datetime=${change.at}>${changeWhen(change)}</time>
        <strong>${changeWords(change)}</strong>
      </div>
      ${
        change.sources.length > 0
          ? html`<div class="meta" data-testid="history-sources">citing ${change.sources.map(
              (id, i) =>
                html`${i > 0 ? '; ' : ''}<cite dir="auto" title=${id} data-source=${id}>${sourceWords(id)}</cite>`,
            )}</div>`
          : nothing
      }
      ${change.reason ? html`<div class="history-reason" dir="auto">“${change.reason}”</div>` : nothing}
      ${
        fields.length > 0
          ? html`<table class="history-diff" data-testid="history-diff">
              ${fields.map(
                (f) => html`<tr>
                  <th scope="row">${f.field}</th>
                  <td class="before"><bdi>${f.before || '—'}</bdi></td>
                  <td aria-hidden="true">→</td>
                  <td class="after"><bdi>${f.after || '—'}</bdi></td>
                </tr>`,
              )}
            </table>`
          : nothing
      }
      <button
        data-testid="known-before"
        title=${`Show the graph as it stood ${describeKnownOn(change.at)}`}
        @click=${() => void canvas.setKnownOn(change.at)}
      >As known before this</button>
    </li>`;
  }

  return {
    setRedraw(fn) {
      redraw = fn;
    },
    refresh,
    view(selected) {
      if (shown?.id !== selected.id || shown.kind !== selected.kind) {
        shown = { ...selected };
        answer = null;
        problem = null;
        absent = false;
        void load(shown);
      }
      const changes = answer?.changes ?? [];
      return html`<section class="history" data-testid="history">
        <h3>History</h3>
        ${
          problem
            ? html`<p class="error">${problem}</p>`
            : absent
              ? html`<p class="muted" data-testid="history-absent">
                  Not in the database: drawn from a file or a saved snapshot, so nothing about it is recorded.
                </p>`
              : answer === null
                ? html`<p class="muted">Loading history…</p>`
                : changes.length === 0
                  ? html`<p class="muted" data-testid="history-none">No recorded changes: known from the start.</p>`
                  : html`<ol class="history-list">${changes.map(changeItem)}</ol>`
        }
      </section>`;
    },
  };
}
