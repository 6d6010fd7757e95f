/**
 * The "Import data" dialog (issue 11), opened from the user menu by analysts and admins (and in
 * single-user mode): choose or drop a JSON file in the import format and import it. A small file is
 * written in one transaction and its summary shown; a refused one lists its problems by path (nothing
 * written); a large one becomes a job on the server, whose progress is polled every second
 * (GET /api/imports/:id) until it ends. "Recent imports" lists the jobs with Resume and Roll back.
 * Once the database changed under the canvas the dialog says so; the page is never reloaded, so the
 * analyst's view stays as it is until they search or expand again.
 *
 * Keys typed in the dialog never reach the canvas shortcuts (stopped at the dialog, as the admin panel
 * does); Escape closes it (the browser's own for a modal <dialog>). Polling goes on while the dialog is
 * closed for the jobs it started, resumed or rolled back, so reopening it shows how they ended.
 */
import { html, render } from 'lit';
import type { ImportJob } from '../../../contract/importJob.ts';
import { ApiError, api as graphApi, refusalWords } from '../api.ts';
import { can, currentUser } from '../auth/currentUser.ts';
import { type ImportsApi, ImportRefusedError, importsApi } from './importsApi.ts';
import { isActive, STALE_CANVAS, sizeWords } from './importWords.ts';
import { type Outcome, outcomeView, recentView } from './importsView.ts';

/** How often a job's progress is asked for, in ms (the brief's "every second"). */
export const POLL_MS = 1_000;

export interface ImportsPanel {
  open(): void;
}

export function mountImportsPanel(host: HTMLElement, api: ImportsApi = importsApi): ImportsPanel {
  let file: File | null = null;
  let dragging = false;
  let outcome: Outcome = { kind: 'none' };
  let stale = false;
  let jobs: ImportJob[] = [];
  let loading = false;
  let listProblem = '';
  let confirming: string | null = null;
  const busy = new Set<string>();
  const rowProblems = new Map<string, string>();
  /** Jobs being polled, and whether this dialog started them (those are polled while it is closed too). */
  const following = new Map<string, boolean>();

  const dialog = () => host.querySelector('dialog');
  const isOpen = () => dialog()?.open === true;

  /** A job's newer view, wherever it shows: the list and the upload's outcome. */
  function update(job: ImportJob): void {
    const at = jobs.findIndex((j) => j.id === job.id);
    jobs = at < 0 ? [job, ...jobs] : jobs.map((j) => (j.id === job.id ? job : j));
    if (outcome.kind === 'job' && outcome.job.id === job.id) outcome = { kind: 'job', job };
  }

  async function refreshList(): Promise<void> {
    loading = true;
    draw();
    try {
      jobs = await api.list();
      listProblem = '';
      for (const job of jobs) if (isActive(job)) void follow(job.id, false);
    } catch (error) {
      listProblem = `The recent imports could not be listed: ${refusalWords(error)}`;
    } finally {
      loading = false;
      draw();
    }
  }

  /** Polls `id` every POLL_MS until it ends (or is cut off); a job someone else runs only while the dialog is open. */
  async function follow(id: string, ours: boolean): Promise<void> {
    if (following.has(id)) {
      if (ours) following.set(id, true);
      return;
    }
    following.set(id, ours);
    try {
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        if (!following.get(id) && !isOpen()) return;
        let job: ImportJob;
        try {
          job = await api.get(id);
          rowProblems.delete(id);
        } catch (error) {
          const gone = error instanceof ApiError && [401, 403, 404].includes(error.status);
          rowProblems.set(id, gone ? refusalWords(error) : `Progress unknown for now: ${refusalWords(error)}`);
          draw();
          if (gone) return;
          continue;
        }
        update(job);
        if (!isActive(job)) {
          if (job.status === 'done' || job.status === 'rolledBack') stale = true;
          void refreshList();
          return;
        }
        draw();
      }
    } finally {
      following.delete(id);
      draw();
    }
  }

  /** What a dry run or an upload that failed shows: the file's refusals by row, or why it was not sent. */
  function refusalOutcome(fileName: string, error: unknown): Outcome {
    return error instanceof ImportRefusedError
      ? { kind: 'refused', fileName, error }
      : { kind: 'failed', fileName, message: uploadRefusal(error) };
  }

  /**
   * Import… first asks for a dry run (issue 12): nothing is written until the analyst has seen what the
   * file would change and which held nodes its new nodes may duplicate, and pressed Import.
   */
  async function check(): Promise<void> {
    if (!file) return;
    const chosen = file;
    stale = false;
    outcome = { kind: 'checking', fileName: chosen.name };
    draw();
    try {
      const answer = await api.dryRun(chosen);
      const names = await namesOf(
        chosen,
        answer.possibleDuplicates.map((d) => d.existing),
      );
      if (outcome.kind !== 'checking' || file !== chosen) return;
      outcome = { kind: 'preview', fileName: chosen.name, answer, names };
    } catch (error) {
      outcome = refusalOutcome(chosen.name, error);
    }
    draw();
  }

  async function start(): Promise<void> {
    if (!file) return;
    const chosen = file;
    // The note belongs to the outcome it follows: a refused file after a written one changed nothing.
    stale = false;
    outcome = { kind: 'sending', fileName: chosen.name };
    draw();
    try {
      const answer = await api.upload(chosen, chosen.name);
      if (answer.kind === 'written') {
        outcome = { kind: 'written', fileName: chosen.name, summary: answer.summary };
        const c = answer.summary.changes;
        if (c.nodesCreated + c.relationshipsCreated + c.propertiesSet + c.labelsAdded > 0) stale = true;
      } else {
        outcome = { kind: 'job', job: answer.job };
        update(answer.job);
        void follow(answer.job.id, true);
      }
      file = null;
    } catch (error) {
      outcome = refusalOutcome(chosen.name, error);
    }
    draw();
  }

  /** Resume or roll back `id`, then follow it; a refusal shows in the job's row. */
  async function act(id: string, request: (id: string) => Promise<ImportJob>): Promise<void> {
    busy.add(id);
    confirming = null;
    rowProblems.delete(id);
    draw();
    try {
      update(await request(id));
      void follow(id, true);
    } catch (error) {
      rowProblems.set(id, refusalWords(error));
    } finally {
      busy.delete(id);
      draw();
    }
  }

  function choose(chosen: File | null | undefined): void {
    if (!chosen) return;
    file = chosen;
    outcome = { kind: 'none' };
    draw();
  }

  function onDrop(e: DragEvent): void {
    e.preventDefault();
    dragging = false;
    choose(e.dataTransfer?.files[0]);
  }

  function onDragOver(e: DragEvent): void {
    // Without this the browser opens the dropped file in place of the page.
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    if (!dragging) {
      dragging = true;
      draw();
    }
  }

  function draw(): void {
    const sending = outcome.kind === 'sending' || outcome.kind === 'checking' || outcome.kind === 'preview';
    const user = currentUser();
    render(
      html`<dialog class="imports-panel" data-testid="imports-panel" aria-labelledby="imports-title"
          @keydown=${(e: KeyboardEvent) => e.stopPropagation()}
          @dragover=${onDragOver}
          @dragleave=${(e: DragEvent) => {
            if (e.target === dialog()) {
              dragging = false;
              draw();
            }
          }}
          @drop=${onDrop}>
        <header class="admin-head">
          <h2 id="imports-title">Import data</h2>
          <button type="button" class="admin-close" aria-label="Close" data-testid="imports-close" @click=${() => dialog()?.close()}>×</button>
        </header>
        <div class="imports-body">
          <section class=${`imports-drop${dragging ? ' dragging' : ''}`} aria-label="Import a file" data-testid="imports-drop">
            <p class="muted">A JSON file in the import format (sources, nodes, relationships), chosen or dropped here.
              Large files are written in batches; their progress shows here and under Recent imports.</p>
            <div class="imports-choose">
              <label class="button">Choose a file…<input type="file" accept="application/json,.json" class="visually-hidden"
                data-testid="imports-file" @change=${(e: Event) => {
                  const input = e.target as HTMLInputElement;
                  choose(input.files?.[0]);
                  input.value = '';
                }} /></label>
              <span dir="auto" data-testid="imports-chosen">${file ? `${file.name} (${sizeWords(file.size)})` : 'No file chosen'}</span>
              <button type="button" class="primary" data-testid="imports-start" ?disabled=${!file || sending} @click=${() => void check()}>Import…</button>
            </div>
            ${outcomeView(outcome, {
              confirm: () => void start(),
              cancel: () => {
                outcome = { kind: 'none' };
                draw();
              },
            })}
            ${stale ? html`<p class="imports-stale" role="status" data-testid="imports-stale">${STALE_CANVAS}</p>` : ''}
          </section>
          ${recentView(
            {
              jobs,
              loading,
              problem: listProblem,
              confirming,
              busy,
              rowProblems,
              username: user.username,
              admin: can('admin'),
            },
            {
              refresh: () => void refreshList(),
              resume: (id) => void act(id, api.resume),
              askRollback: (id) => {
                confirming = id;
                draw();
              },
              rollback: (id) => void act(id, api.rollback),
            },
          )}
        </div>
      </dialog>`,
      host,
    );
  }

  return {
    open() {
      draw();
      const d = dialog()!;
      if (!d.open) d.showModal();
      void refreshList();
    },
  };
}

/**
 * Names for a preview's rows: the file's own nodes (read from the chosen file) and the held nodes it may
 * duplicate (GET /api/nodes/:id each, at most 50); an id whose name cannot be had shows as the id.
 */
async function namesOf(file: Blob, existing: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  try {
    const parsed = JSON.parse(await file.text()) as { nodes?: { id?: unknown; name?: unknown }[] };
    for (const n of parsed.nodes ?? []) {
      if (typeof n.id === 'string' && typeof n.name === 'string') names.set(n.id, n.name);
    }
  } catch {
    // The server read the file already; without its names the rows show ids.
  }
  const ids = [...new Set(existing)].slice(0, 50);
  await Promise.all(
    ids.map(async (id) => {
      try {
        const { node } = await graphApi.node(id);
        names.set(`held:${id}`, node.name);
      } catch {
        // A held node gone since the dry run shows by its id.
      }
    }),
  );
  return names;
}

/** An upload's refusal in words; a busy server's wait in seconds. */
function uploadRefusal(error: unknown): string {
  const words = refusalWords(error);
  const wait = error instanceof ApiError ? error.more.retryAfter : undefined;
  return wait ? `${words} (the server asks to wait ${wait} s)` : words;
}
