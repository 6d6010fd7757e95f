/**
 * Who an investigation is shared with, managed by its owner in Share's dialog (bar.ts) when the
 * server runs with sign-in (issue 10): each share is a user, or everyone signed in, with `read` (opens
 * it read-only) or `edit` (may save it too); add one by username, change its access, remove it. Every
 * change PUTs the whole list (…/shares) at once and shows the list as stored; a refusal (an unknown
 * username) shows the server's words and changes nothing (the selects go back to what is stored).
 */
import { html, nothing, render } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Share, ShareAccess } from '../../../contract/auth.ts';
import { refusalWords } from '../api.ts';
import type { InvestigationSession } from './session.ts';

/** "Everyone signed in" for `*`, else the username. */
export function shareeName(username: string): string {
  return username === '*' ? 'Everyone signed in' : username;
}

export interface SharesEditor {
  /** Draws the editor into `host` (the dialog gives its element on every draw). */
  draw(host: HTMLElement): void;
}

export function createSharesEditor(session: InvestigationSession): SharesEditor {
  let problem = '';
  let working = false;
  let host: HTMLElement | null = null;

  async function put(shares: Share[]): Promise<void> {
    const current = session.current;
    if (!current) return;
    working = true;
    problem = '';
    redraw();
    try {
      const stored = await session.api.share(current.id, shares);
      if (session.current?.id === current.id) session.setShares(stored.shares);
    } catch (error) {
      problem = refusalWords(error);
    } finally {
      working = false;
    }
    redraw();
  }

  const shares = () => session.current?.shares ?? [];
  const without = (username: string) => shares().filter((s) => s.username !== username);
  const withShare = (share: Share) => [...without(share.username), share];

  function add(e: Event): void {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const username = String(data.get('username') ?? '').trim();
    const access = String(data.get('access')) as ShareAccess;
    if (!username) return;
    void put(withShare({ username, access }));
    (e.target as HTMLFormElement).reset();
  }

  function everyone(value: string): void {
    void put(value === 'none' ? without('*') : withShare({ username: '*', access: value as ShareAccess }));
  }

  function redraw(): void {
    if (host) draw(host);
  }

  function draw(el: HTMLElement): void {
    host = el;
    const list = shares().filter((s) => s.username !== '*');
    const all = shares().find((s) => s.username === '*')?.access ?? 'none';
    render(
      html`<div class="share-manage" data-testid="share-manage" @keydown=${(e: KeyboardEvent) => e.key !== 'Escape' && e.stopPropagation()}>
        <strong>Shared with</strong>
        <ul class="share-list" data-testid="share-list">
          ${list.map(
            (s) => html`<li data-testid="share-row" data-username=${s.username}>
              <span class="share-user">${s.username}</span>
              <select aria-label=${`Access of ${s.username}`} data-testid="share-access" .value=${live(s.access)} ?disabled=${working}
                @change=${(e: Event) => void put(withShare({ username: s.username, access: (e.target as HTMLSelectElement).value as ShareAccess }))}>
                <option value="read" ?selected=${s.access === 'read'}>can read</option>
                <option value="edit" ?selected=${s.access === 'edit'}>can edit</option>
              </select>
              <button type="button" data-testid="share-remove" aria-label=${`Stop sharing with ${s.username}`} ?disabled=${working}
                @click=${() => void put(without(s.username))}>Remove</button>
            </li>`,
          )}
          ${list.length === 0 ? html`<li class="muted">Nobody yet.</li>` : nothing}
        </ul>
        <form class="share-add" @submit=${add}>
          <input name="username" placeholder="Username" aria-label="Share with username" autocomplete="off" required maxlength="64" data-testid="share-username" />
          <select name="access" aria-label="Access" data-testid="share-new-access">
            <option value="read">can read</option>
            <option value="edit">can edit</option>
          </select>
          <button type="submit" data-testid="share-add" ?disabled=${working}>Share</button>
        </form>
        <label class="share-everyone">Everyone signed in
          <select data-testid="share-everyone" .value=${live(all)} ?disabled=${working} @change=${(e: Event) => everyone((e.target as HTMLSelectElement).value)}>
            <option value="none" ?selected=${all === 'none'}>no access</option>
            <option value="read" ?selected=${all === 'read'}>can read</option>
            <option value="edit" ?selected=${all === 'edit'}>can edit</option>
          </select>
        </label>
        ${problem ? html`<p class="error" role="alert" data-testid="share-error">${problem}</p>` : nothing}
      </div>`,
      el,
    );
  }

  return { draw };
}
