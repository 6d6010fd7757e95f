/**
 * The open investigation's revisions (the sidebar's Revisions button): every save and restore, newest
 * first (n, when, counts, "restored from n"). Opening one draws it read-only with a banner over the
 * canvas, "Revision n — read-only", offering Back to current and Restore; restoring POSTs
 * …/restore/:n with the version the page had (restoring is itself a new revision; a stale version is
 * 409 and nothing is written) and opens the new current revision. Only the owner restores (issue 10):
 * others see no Restore.
 */
import { html, nothing, render } from 'lit';
import type { RevisionSummary } from '../../../contract/investigation.ts';
import { canvasOverlay } from './dialogs.ts';
import type { InvestigationSession } from './session.ts';
import { countsText, whenText } from './words.ts';

export interface RevisionsPanel {
  /** Where the list is drawn (the sidebar gives its host on every draw). */
  mount(host: HTMLElement): void;
  /** Shows or hides the list (read afresh when shown). */
  toggle(): Promise<void>;
}

export function createRevisionsPanel(session: InvestigationSession): RevisionsPanel {
  let host: HTMLElement | null = null;
  let shown = false;
  let list: RevisionSummary[] = [];
  let problem = '';
  /** The version of the current revision when an old one was opened: restore sends it. */
  let versionBefore: number | null = null;
  const banner = canvasOverlay('revision-banner');

  async function load(): Promise<void> {
    const id = session.current?.id;
    if (!id) return;
    try {
      list = await session.api.revisions(id);
      problem = '';
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    draw();
  }

  async function attempt(work: () => Promise<void>): Promise<void> {
    try {
      await work();
      problem = '';
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    draw();
  }

  const openRevision = (n: number) =>
    attempt(async () => {
      const current = session.current!;
      if (current.revision === null) versionBefore = current.version;
      await session.showRevision(await session.api.revision(current.id, n));
    });

  const backToCurrent = () => attempt(async () => void (await session.open(session.current!.id)));

  const restore = (n: number) =>
    attempt(async () => {
      const current = session.current!;
      const restored = await session.api.restore(current.id, n, versionBefore ?? current.version);
      await session.show(restored, false);
      await load();
    });

  function drawBanner(): void {
    const current = session.current;
    render(
      current && current.revision !== null
        ? html`<div class="revision-banner" data-testid="revision-banner" role="status">
            <strong>Revision ${current.revision} — read-only</strong>
            <button type="button" data-testid="revision-back" @click=${() => void backToCurrent()}>Back to current</button>
            ${
              current.access === 'owner'
                ? html`<button type="button" data-testid="revision-restore" @click=${() => void restore(current.revision!)}>Restore this revision</button>`
                : nothing
            }
          </div>`
        : nothing,
      banner,
    );
  }

  function draw(): void {
    drawBanner();
    if (!host) return;
    const current = session.current;
    render(
      shown && current
        ? html`<h3>Revisions</h3>
            <ol class="revision-list" data-testid="revision-list">
              ${list.map(
                (
                  r,
                ) => html`<li data-testid="revision-row" data-n=${r.n} class=${r.n === current.revision ? 'current' : ''}>
                  <button type="button" class="link" @click=${() => void openRevision(r.n)}>Revision ${r.n}</button>
                  <span class="muted">${whenText(r.savedAt)} · ${countsText(r)}${r.restoredFrom ? ` · restored from ${r.restoredFrom}` : ''}</span>
                </li>`,
              )}
            </ol>
            ${problem ? html`<p class="error" role="status">${problem}</p>` : nothing}`
        : problem
          ? html`<p class="error" role="status">${problem}</p>`
          : nothing,
      host,
    );
  }

  session.on('current', (current) => {
    if (!current) shown = false;
    if (shown && current?.revision === null) void load();
    else draw();
  });

  return {
    mount(el) {
      host = el;
      draw();
    },
    async toggle() {
      shown = !shown;
      if (shown) await load();
      else draw();
    },
  };
}
