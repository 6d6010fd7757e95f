/**
 * The Cypher console: a collapsible panel at the foot of the page, opened by its toolbar button or
 * the ` key. Left, the named queries and the session's history; middle, the editor (editor.ts, fetched
 * on the first opening: lazyEditor.ts) with
 * its parameters and Run (Ctrl+Enter) / Cancel, the elapsed time and any error; right, the result
 * (consoleResults.ts, resultsTable.ts). A result's nodes and relationships go onto the canvas, added
 * to the view or replacing it as the analyst chooses, through the canvas's API only. Keys pressed in
 * the console stay in it (consoleKeys.ts).
 */
import { html, render } from 'lit';
import { live } from 'lit/directives/live.js';
import type { NamedQuery } from '../../../contract/console.ts';
import type { Api, ApiError } from '../api.ts';
import type { Canvas } from '../graph/canvas.ts';
import { routeConsoleKeys } from './consoleKeys.ts';
import { historyTemplate, type Message, messageTemplate } from './consoleMessages.ts';
import { ConsoleResults } from './consoleResults.ts';
import type { CypherEditor } from './editor.ts';
import { QueryHistory, type HistoryEntry } from './history.ts';
import { loadCypherEditor } from './lazyEditor.ts';
import { fieldErrors, formFor, namedQueriesTemplate, type NamedQueryForm } from './namedQueries.ts';
import { formParams, paramNames, parseParams } from './params.ts';
import { startRun, type ActiveRun, type Send } from './runner.ts';
import './console.css';

export interface ConsoleControls {
  toggle(): void;
  isOpen(): boolean;
}

export function mountConsole(host: HTMLElement, toggleHost: HTMLElement, canvas: Canvas, api: Api): ConsoleControls {
  const history = new QueryHistory(sessionStorage);
  let open = false;
  let editor: CypherEditor | null = null;
  let editorLoading = false;
  /** Text chosen (history, a named query) before the editor arrived: it goes in once it does. */
  let pendingText: string | null = null;
  let paramsText = '';
  let replaceCanvas = false;
  let run: { active: ActiveRun; what: string } | null = null;
  let ticker: ReturnType<typeof setInterval> | undefined;
  let message: Message | null = null;
  const results = new ConsoleResults(
    canvas,
    () => replaceCanvas,
    () => draw(),
  );
  let entries: HistoryEntry[] = history.entries();
  let queries: NamedQuery[] | null = null;
  let queriesError: string | null = null;
  let form: NamedQueryForm | null = null;
  let started = false;
  let escapeHint = false;

  function setOpen(value: boolean): void {
    open = value;
    draw();
    if (open) {
      start();
      if (!editor && !editorLoading) void mountEditor();
      editor?.focus();
    } else toggleHost.querySelector('button')?.focus();
  }

  /**
   * Fetches and mounts the editor (lazyEditor.ts). The focus goes to it if the console is still open
   * and the analyst has not moved into it meanwhile; a failed fetch says so, and the next opening
   * tries again.
   */
  async function mountEditor(): Promise<void> {
    editorLoading = true;
    draw();
    try {
      editor = await loadCypherEditor(
        host.querySelector<HTMLElement>('.console-editor')!,
        { initial: pendingText ?? '', run: () => void runEditorQuery(), paramNames: () => paramNames(paramsText) },
        api,
      );
      pendingText = null;
      if (open && !host.contains(document.activeElement)) editor.focus();
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      message = {
        kind: 'invalid',
        text: `The editor could not be loaded (${why}). Close and open the console to try again.`,
      };
    }
    editorLoading = false;
    draw();
  }

  /** The first opening asks the server for the named queries. */
  function start(): void {
    if (started) return;
    started = true;
    api.namedQueries().then(
      (list) => {
        queries = list;
        draw();
      },
      (err: Error) => {
        queriesError = `The named queries could not be listed: ${err.message}`;
        draw();
      },
    );
  }

  async function execute(
    what: string,
    historyEntry: Omit<HistoryEntry, 'at' | 'outcome'>,
    /** The Cypher text and parameters run: logged in the view model and kept as the drawing's provenance. */
    ran: { text: string; params: Record<string, unknown> },
    send: Send,
  ): Promise<ApiError | null> {
    if (run) return null;
    message = null;
    const active = startRun(send, (runId) => api.cancelCypher(runId));
    run = { active, what };
    ticker = setInterval(draw, 100);
    draw();
    const outcome = await active.done;
    clearInterval(ticker);
    const elapsedMs = performance.now() - active.startedAt;
    run = null;
    let said = '';
    if (outcome.kind === 'result') {
      const response = outcome.response;
      said = `${response.rows.length} row${response.rows.length === 1 ? '' : 's'}`;
      canvas.model.recordQuery({ ...ran, rows: response.rows.length });
      results.show(response, elapsedMs, ran);
    } else if (outcome.kind === 'cancelled') {
      said = 'cancelled';
      message = { kind: 'note', text: outcome.message };
    } else {
      said = outcome.error.code;
      message = { kind: 'error', error: outcome.error };
    }
    entries = history.add({ ...historyEntry, at: new Date().toISOString(), outcome: said });
    draw();
    return outcome.kind === 'error' ? outcome.error : null;
  }

  async function runEditorQuery(): Promise<void> {
    if (!editor || run) return;
    const query = editor.text();
    if (query.trim() === '') {
      message = { kind: 'invalid', text: 'Write a query first.' };
      return draw();
    }
    const check = parseParams(paramsText);
    if (!check.ok) {
      message = { kind: 'invalid', text: check.message };
      return draw();
    }
    await execute('Your query', { query, params: paramsText }, { text: query, params: check.params }, (runId, signal) =>
      api.cypher({ query, params: check.params, runId }, signal),
    );
  }

  async function runNamedQuery(): Promise<void> {
    if (!form || run) return;
    const { query } = form;
    const params = formParams(query.params, form.fields);
    form.errors = {};
    const error = await execute(
      query.title,
      { query: query.cypher, params: JSON.stringify(params, null, 2) },
      { text: query.cypher, params },
      (runId, signal) => api.runNamedQuery(query.name, { params, runId }, signal),
    );
    if (error && form?.query === query) {
      form.errors = fieldErrors(error, query);
      draw();
    }
  }

  function load(query: string, params: string): void {
    paramsText = params;
    if (editor) editor.setText(query);
    else pendingText = query;
    message = null;
    draw();
    editor?.focus();
  }

  const namedActions = {
    choose(name: string) {
      const q = queries?.find((x) => x.name === name);
      form = q ? formFor(q) : null;
      draw();
    },
    setField(name: string, value: string | boolean) {
      if (!form) return;
      form.fields[name] = value;
      delete form.errors[name];
      draw();
    },
    run: () => void runNamedQuery(),
    copyToEditor() {
      if (form) load(form.query.cypher, JSON.stringify(formParams(form.query.params, form.fields), null, 2));
    },
  };

  const messageActions = {
    cancel: () => {
      run?.active.cancel();
      draw();
    },
    goTo: (offset: number) => editor?.goTo(offset),
  };

  function paramsKey(e: KeyboardEvent): void {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void runEditorQuery();
    }
  }

  function draw(): void {
    render(
      html`<button
        class=${open ? 'chosen' : ''}
        title="Cypher console (\`)"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls="console"
        data-testid="console-toggle"
        @click=${() => setOpen(!open)}
      ><span class="console-long">Cypher console</span><span class="console-short" aria-hidden="true"
          >Console</span
        ></button>`,
      toggleHost,
    );
    render(
      html`<div class="console" ?hidden=${!open} data-testid="console">
        <div class="console-side">
          <div class="console-title">
            <h2>Cypher console</h2>
            <button title="Close the console (\`)" data-testid="console-close" @click=${() => setOpen(false)}>Close</button>
          </div>
          ${namedQueriesTemplate(queries, queriesError, form, run !== null, namedActions)}
          <h3>History</h3>
          ${historyTemplate(entries, load)}
        </div>
        <div class="console-main">
          <div class="console-editor-box">
            <div class="console-editor" data-testid="console-editor"></div>
            ${editorLoading ? html`<p class="muted" role="status" data-testid="console-editor-loading">Loading the editor…</p>` : ''}
            ${
              escapeHint
                ? html`<p class="console-hint" role="status" data-testid="console-escape-hint">
                    <kbd>Esc</kbd> again closes the console; <kbd>Tab</kbd> moves on from the editor.
                  </p>`
                : ''
            }
          </div>
          <label class="console-params">
            <span>Parameters <span class="muted">(JSON object, e.g. {"id": "jaysh-al-nasr"})</span></span>
            <textarea
              rows="2"
              spellcheck="false"
              data-testid="console-params"
              .value=${live(paramsText)}
              @input=${(e: Event) => (paramsText = (e.target as HTMLTextAreaElement).value)}
              @keydown=${paramsKey}
            ></textarea>
          </label>
          <div class="console-run">
            <button class="primary" data-testid="console-run" ?disabled=${run !== null} @click=${() => void runEditorQuery()}>Run</button>
            <kbd>Ctrl+Enter</kbd>
            <span class="console-draw" role="radiogroup" aria-label="Graph of the result">
              <label><input type="radio" name="console-draw" .checked=${live(!replaceCanvas)} @change=${() => {
                replaceCanvas = false;
                draw();
              }} /> add to the canvas</label>
              <label><input type="radio" name="console-draw" data-testid="console-replace" .checked=${live(replaceCanvas)} @change=${() => {
                replaceCanvas = true;
                draw();
              }} /> replace the canvas</label>
            </span>
          </div>
          ${messageTemplate(run, message, messageActions)}
        </div>
        <div class="console-results" data-testid="console-results" @scroll=${results.onScroll}>${results.template()}</div>
      </div>`,
      host,
    );
  }

  routeConsoleKeys(host, {
    close: () => setOpen(false),
    escapeHint: (shown) => {
      escapeHint = shown;
      draw();
    },
  });
  draw();
  return { toggle: () => setOpen(!open), isOpen: () => open };
}
