/**
 * The console's running line (elapsed time and Cancel), its messages (an error with its position in
 * the query, a note, a refusal before sending) and the session's history, as lit templates. The
 * panel (consolePanel.ts) holds the state and passes it in.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ApiError } from '../api.ts';
import type { HistoryEntry } from './history.ts';
import type { ActiveRun } from './runner.ts';

export type Message =
  | { kind: 'error'; error: ApiError }
  | { kind: 'note'; text: string }
  | { kind: 'invalid'; text: string };

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Words for the answers of a database protecting itself (time and memory limits, the caps on console
 * queries at once); the server's message says why and when to try again. Other codes show as they are.
 */
const HEADLINES: Record<string, string> = {
  QUERY_TIMEOUT: 'Stopped at its time limit',
  QUERY_MEMORY_LIMIT: 'Too big for the database’s memory',
  CONSOLE_BUSY: 'The console is busy',
  CONSOLE_PAUSED: 'The console is pausing while the database recovers',
  PREVIOUS_QUERY_STILL_RUNNING: 'Your previous query is still running',
};

/** While a run lasts: its elapsed time and Cancel; after it: the message, if any. */
export function messageTemplate(
  run: { active: ActiveRun; what: string } | null,
  message: Message | null,
  act: { cancel(): void; goTo(offset: number): void },
): TemplateResult | typeof nothing {
  if (run) {
    // role=timer: screen readers are not told every tenth of a second
    return html`<p class="console-running" data-testid="console-running">
      ${run.what}: running… <span role="timer" data-testid="console-elapsed">${seconds(performance.now() - run.active.startedAt)}</span>
      <button data-testid="console-cancel" ?disabled=${run.active.cancelling} @click=${act.cancel}>
        ${run.active.cancelling ? 'Cancelling…' : 'Cancel'}
      </button>
    </p>`;
  }
  if (!message) return nothing;
  if (message.kind === 'note')
    return html`<p class="console-note" role="status" data-testid="console-message">${message.text}</p>`;
  if (message.kind === 'invalid')
    return html`<p class="error" role="alert" data-testid="console-message">${message.text}</p>`;
  const { error } = message;
  const at = error.more.position;
  return html`<div class="error console-error" role="alert" data-testid="console-error">
    <strong title=${error.code}>${HEADLINES[error.code] ?? error.code}</strong>${
      at
        ? html` at <button class="link" data-testid="console-error-position" @click=${() => act.goTo(at.offset)}>line ${at.line}, column ${at.column}</button>`
        : nothing
    }
    <pre>${error.message}</pre>
  </div>`;
}

/** The session's queries, newest first; choosing one puts it back in the editor. */
export function historyTemplate(
  entries: HistoryEntry[],
  load: (query: string, params: string) => void,
): TemplateResult {
  if (entries.length === 0) return html`<p class="muted">Queries you run appear here.</p>`;
  return html`<ol class="console-history" data-testid="console-history">
    ${entries.map(
      (e) => html`<li>
        <button title=${e.query} @click=${() => load(e.query, e.params)}><code>${e.query}</code></button>
        <span class="muted">${e.outcome} · ${new Date(e.at).toLocaleTimeString()}</span>
      </li>`,
    )}
  </ol>`;
}
