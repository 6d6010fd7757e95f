/**
 * The investigations sidebar (the first section of the left panel, which folds with it; the section
 * folds on its own too, remembered): a search box over titles and descriptions, New, the list
 * (sidebarRows.ts: open, Rename inline, Duplicate, Delete → "Deleted — Undo"), the Bin (deleted ones,
 * kept 30 days, with Restore), the open one's revisions (revisions.ts), and the investigation as a
 * file: Export (GET …/export, downloaded) and Import (POST …/import, then opened; a broken file shows
 * the server's message, which names the field).
 *
 * Roles (issue 10): a viewer owns nothing, so sees no New, Import, Duplicate or Bin; a read-only
 * investigation (shared read, or a link) keeps the list but says changes are not saved.
 */
import { html, nothing, render } from 'lit';
import type { InvestigationSummary } from '../../../contract/investigation.ts';
import { refusalWords } from '../api.ts';
import { can, currentUser } from '../auth/currentUser.ts';
import { offerDownload } from '../download.ts';
import type { Autosave } from './autosave.ts';
import { showToast } from './dialogs.ts';
import type { RevisionsPanel } from './revisions.ts';
import { copyTitle, documentOf, type RowActions, rowInBin, rowInUse } from './sidebarRows.ts';
import type { InvestigationSession } from './session.ts';

const FOLD_KEY = 'faction-atlas.investigations-folded';
const SEARCH_DELAY_MS = 250;

export interface InvestigationsSidebar {
  /** Reads the list again. */
  refresh(): Promise<void>;
}

export function mountInvestigationsSidebar(
  host: HTMLElement,
  session: InvestigationSession,
  autosave: Autosave,
  revisions: RevisionsPanel,
): InvestigationsSidebar {
  const api = session.api;
  let rows: InvestigationSummary[] = [];
  let bin = false;
  let q = '';
  let renaming: string | null = null;
  let message: { text: string; error: boolean } | null = null;
  let folded = readFolded();
  let asked = 0;
  let searchTimer: ReturnType<typeof setTimeout> | undefined;

  async function refresh(): Promise<void> {
    const ask = ++asked;
    try {
      const list = await api.list({ q: q || undefined, deleted: bin });
      if (ask !== asked) return;
      // Only the owner restores (the server answers so, too): the bin holds this user's own, whatever an
      // older server lists.
      rows = bin ? list.filter((row) => row.access === 'owner') : list;
    } catch (error) {
      if (ask === asked) say(error, true);
    }
    draw();
  }

  function say(text: unknown, error = false): void {
    message = { text: refusalWords(text), error };
    draw();
  }

  async function attempt(work: () => Promise<void>): Promise<void> {
    message = null;
    try {
      await work();
    } catch (error) {
      say(error, true);
    }
    await refresh();
  }

  const on: RowActions = {
    open: (row) => void attempt(() => session.open(row.id).then(() => {})),
    startRename: (row) => {
      renaming = row.id;
      draw();
      host.querySelector<HTMLInputElement>('[data-testid=rename-input]')?.select();
    },
    cancelRename: () => {
      renaming = null;
      draw();
    },
    rename: (row, title) => {
      if (renaming !== row.id) return;
      renaming = null;
      const clean = title.trim();
      if (!clean || clean === row.title) return draw();
      void attempt(async () => {
        if (row.id === session.current?.id) {
          autosave.rename(clean);
          await autosave.saveNow();
          return;
        }
        const inv = await api.get(row.id);
        await api.save(row.id, { ...documentOf(inv, clean), version: inv.version });
      });
    },
    duplicate: (row) =>
      void attempt(async () => {
        const document =
          row.id === session.current?.id
            ? session.documentNow(copyTitle(row.title))
            : documentOf(await api.get(row.id), copyTitle(row.title));
        const copy = await api.create(document);
        say(`Duplicated as “${copy.title}”`);
      }),
    remove: (row) =>
      void attempt(async () => {
        await api.remove(row.id);
        if (row.id === session.current?.id) session.close();
        showToast(`Deleted “${row.title}”`, { label: 'Undo', run: () => void on.undelete(row) });
      }),
    undelete: (row) =>
      void attempt(async () => {
        await api.undelete(row.id);
        say(`Restored “${row.title}”`);
      }),
    revisions: () => void revisions.toggle(),
  };

  async function create(): Promise<void> {
    await attempt(async () => {
      await session.create();
    });
  }

  async function exportCurrent(): Promise<void> {
    const current = session.current;
    if (!current) return;
    await attempt(async () => {
      const file = await api.exportFile(current.id);
      const name = current.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'investigation';
      offerDownload(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }), `${name}.json`);
    });
  }

  async function importFile(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    await attempt(async () => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await file.text());
      } catch {
        throw new Error(`${file.name} is not JSON`);
      }
      const made = await api.importFile(parsed);
      await session.show(made, false);
      say(`Imported “${made.title}”`);
    });
  }

  function toggleFold(): void {
    folded = !folded;
    try {
      localStorage.setItem(FOLD_KEY, String(folded));
    } catch {
      // Not remembered, that is all.
    }
    draw();
  }

  function draw(): void {
    const current = session.current;
    const readOnly = current?.readOnly === true;
    const analyst = can('analyst');
    const state = { currentId: current?.id ?? null, renaming, readOnly, auth: currentUser().auth, analyst };
    render(
      html`<h2 class="fold-heading">
          <button type="button" class="fold" aria-expanded=${String(!folded)} aria-controls="investigations-body" data-testid="investigations-fold" @click=${toggleFold}>
            Investigations
          </button>
        </h2>
        <div id="investigations-body" ?hidden=${folded}>
          ${
            readOnly && current?.revision === null
              ? html`<p class="muted" data-testid="read-only-note">A read-only view: changes are not saved.</p>`
              : nothing
          }
          ${
            readOnly && current?.revision === null && !currentUser().auth
              ? nothing
              : html`<div class="actions">
                  <input type="search" placeholder="Search investigations" aria-label="Search investigations" data-testid="investigation-search"
                    .value=${q}
                    @keydown=${(e: KeyboardEvent) => e.stopPropagation()}
                    @input=${(e: Event) => {
                      q = (e.target as HTMLInputElement).value.trim();
                      clearTimeout(searchTimer);
                      searchTimer = setTimeout(() => void refresh(), SEARCH_DELAY_MS);
                    }} />
                </div>
                <div class="actions">
                  ${analyst ? html`<button type="button" data-testid="new-investigation" ?disabled=${bin} @click=${() => void create()}>New</button>` : nothing}
                  ${
                    analyst
                      ? html`<button type="button" data-testid="bin" aria-pressed=${String(bin)} @click=${() => {
                          bin = !bin;
                          void refresh();
                        }}>
                          ${bin ? 'Back to list' : 'Bin'}
                        </button>`
                      : nothing
                  }
                  <button type="button" data-testid="export-investigation" ?disabled=${!current} @click=${() => void exportCurrent()}>Export</button>
                  ${analyst ? html`<label class="button">Import…<input type="file" accept="application/json,.json" class="visually-hidden" data-testid="import-investigation" @change=${importFile} /></label>` : nothing}
                </div>
                ${bin ? html`<p class="muted">Deleted investigations are kept for 30 days.</p>` : nothing}
                <ul class="investigation-list" data-testid=${bin ? 'bin-list' : 'investigation-list'}>
                  ${rows.map((row) => (bin ? rowInBin(row, on) : rowInUse(row, state, on)))}
                </ul>
                ${rows.length === 0 ? html`<p class="muted">${bin ? 'The bin is empty.' : q ? 'None match.' : analyst ? 'None yet: New saves this view.' : 'None shared with you yet.'}</p>` : nothing}`
          }
          ${message ? html`<p class=${message.error ? 'error' : 'muted'} role="status" data-testid="investigations-message">${message.text}</p>` : nothing}
          <div id="revisions-host"></div>
        </div>`,
      host,
    );
    revisions.mount(host.querySelector<HTMLElement>('#revisions-host')!);
  }

  // The list shows versions and counts: read it again when what is open changes or was saved.
  let lastKey = '';
  session.on('current', (current) => {
    const key = current ? `${current.id}:${current.version}:${current.title}` : '';
    if (key === lastKey) return;
    lastKey = key;
    void refresh();
  });
  draw();
  void refresh();
  return { refresh };
}

function readFolded(): boolean {
  try {
    return localStorage.getItem(FOLD_KEY) === 'true';
  } catch {
    return false;
  }
}
