/**
 * The investigation's line in the top bar: its title (cut with an ellipsis in the bar, whole in its
 * tooltip, so the search box and toolbar keep their room at 1024 px), the save status (saved / saving /
 * unsaved / conflict / offline, a live region), a "Read-only" badge, and Share, which copies the
 * link (words.ts `shareLink`: read-only without sign-in, each user's own access with it) with navigator.clipboard and always shows it in a text box too,
 * with a Copy button (the clipboard needs a secure context and permission; the box works everywhere).
 * The box is a small non-modal dialog under the top bar, never inline (inline it widened the bar past
 * the window); Escape or × closes it and gives focus back to Share. Keeps the window title as the
 * investigation's title + " — Faction Atlas", with • while unsaved. Read-only pages get
 * `body.read-only`, which styles/investigations.css uses to hide editing controls.
 *
 * With sign-in (issue 10) only the owner sees Share, and its dialog also manages who the
 * investigation is shared with (shareDialog.ts); one shared with this user read-only says
 * "Read-only: shared by <owner>".
 */
import { html, nothing, render } from 'lit';
import { currentUser } from '../auth/currentUser.ts';
import type { Autosave } from './autosave.ts';
import { createSharesEditor } from './shareDialog.ts';
import type { InvestigationSession } from './session.ts';
import { saveStateWords, shareLink, shareLinkWords, windowTitle } from './words.ts';

export function mountInvestigationBar(host: HTMLElement, session: InvestigationSession, autosave: Autosave): void {
  let link: string | null = null;
  let copied = false;
  const shares = createSharesEditor(session);

  async function share(): Promise<void> {
    const current = session.current;
    if (!current) return;
    link = shareLink(window.location.origin, current.id, currentUser().auth);
    copied = false;
    draw();
    await copy();
  }

  async function copy(): Promise<void> {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      copied = true;
    } catch {
      // No clipboard here (plain http, or refused): the box holds the link, selected, for Ctrl+C.
      copied = false;
    }
    draw();
    host.querySelector<HTMLInputElement>('[data-testid=share-link]')?.select();
  }

  function closeShare(): void {
    link = null;
    draw();
    host.querySelector<HTMLButtonElement>('[data-testid=share]')?.focus();
  }

  function draw(): void {
    const current = session.current;
    const state = autosave.state;
    document.title = windowTitle(
      current?.title ?? null,
      state === 'unsaved' || state === 'saving' || state === 'conflict',
    );
    document.body.classList.toggle('read-only', current?.readOnly === true);
    render(
      current
        ? html`<div class="investigation-bar" data-testid="investigation-bar">
            <span class="investigation-title" data-testid="investigation-title" title=${current.title}>${current.title}</span>
            ${current.readOnly ? html`<span class="badge" data-testid="read-only-badge">${readOnlyWords(current)}</span>` : nothing}
            <span class="save-state ${state}" role="status" aria-live="polite" data-testid="save-state" data-state=${state} title=${current.readOnly ? '' : saveStateWords(state, autosave.problem)}>
              ${current.readOnly ? nothing : saveStateWords(state, autosave.problem)}
            </span>
            ${
              current.revision === null && !current.readOnly && current.access === 'owner'
                ? html`<button type="button" data-testid="share" title=${currentUser().auth ? 'Copy a link to this investigation, and choose who may open it' : 'Copy a read-only link to this investigation'} @click=${() => void share()}>
                    Share
                  </button>`
                : nothing
            }
            ${
              link
                ? html`<div
                    class="share-popover"
                    role="dialog"
                    aria-label=${currentUser().auth ? 'Link and sharing' : 'Read-only link'}
                    data-testid="share-popover"
                    @keydown=${(e: KeyboardEvent) => {
                      if (e.key !== 'Escape') return;
                      // The page's own shortcuts (help.ts) listen on the document: Escape is the box's.
                      e.stopPropagation();
                      closeShare();
                    }}
                  >
                    <input readonly aria-label=${currentUser().auth ? 'Link to this investigation' : 'Read-only link'} data-testid="share-link" .value=${link} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
                    <button type="button" data-testid="share-copy" @click=${() => void copy()}>${copied ? 'Copied' : 'Copy'}</button>
                    <button type="button" aria-label="Close the link" @click=${closeShare}>×</button>
                    <span class="muted share-hint" data-testid="share-hint">${shareLinkWords(currentUser().auth)}</span>
                    ${currentUser().auth ? html`<div class="share-manage-host" data-testid="share-manage-host"></div>` : nothing}
                  </div>`
                : nothing
            }
          </div>`
        : nothing,
      host,
    );
    const manage = host.querySelector<HTMLElement>('[data-testid=share-manage-host]');
    if (manage) shares.draw(manage);
  }

  /** "Read-only: shared by alice" for another's investigation, "Read-only" for a link or a revision. */
  function readOnlyWords(current: NonNullable<InvestigationSession['current']>): string {
    if (current.revision === null && current.owner && current.access !== 'owner' && currentUser().auth) {
      return `Read-only: shared by ${current.owner}`;
    }
    return 'Read-only';
  }

  let shownId: string | null = null;
  session.on('current', (current) => {
    // A save changes the version only: the link stays; another investigation drops it.
    if ((current?.id ?? null) !== shownId) link = null;
    shownId = current?.id ?? null;
    draw();
  });
  session.on('opened', draw);
  autosave.on('state', draw);
  draw();
}
