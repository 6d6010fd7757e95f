/**
 * Who an investigation is shared with, managed by its owner in Share's dialog (bar.ts) when the
 * server runs with sign-in (issue 10): each share is a user, or everyone signed in, with `read` (opens
 * it read-only) or `edit` (may save it too); add one by picking a user (the box offers the users of
 * GET /api/usernames as one types, with their roles), change its access, remove it. A viewer can only
 * read, so for one the dialog offers "can read" alone; sharing with everyone says so in a sentence. Every
 * change PUTs the whole list (…/shares) at once and shows the list as stored; a refusal (an unknown
 * username) shows the server's words and changes nothing (the selects go back to what is stored).
 */
import { html, nothing, render } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Role, Share, ShareAccess } from '../../../contract/auth.ts';
import { refusalWords } from '../api.ts';
import { authApi } from '../auth/authApi.ts';
import { currentUser } from '../auth/currentUser.ts';
import type { InvestigationSession } from './session.ts';

/** "Everyone signed in" for `*`, else the username. */
export function shareeName(username: string): string {
  return username === '*' ? 'Everyone signed in' : username;
}

export interface SharesEditor {
  /** Draws the editor into `host` (the dialog gives its element on every draw). */
  draw(host: HTMLElement): void;
}

/** The sentence under "Everyone signed in" for its access, or null when it is not shared with everyone. */
export function everyoneWords(access: ShareAccess | 'none'): string | null {
  if (access === 'read') return 'Everyone who can sign in can open and read this investigation.';
  if (access === 'edit')
    return 'Everyone who can sign in can open this investigation; analysts and admins can change it, viewers read it.';
  return null;
}

export function createSharesEditor(session: InvestigationSession, directory = () => authApi.usernames()): SharesEditor {
  let problem = '';
  let working = false;
  let host: HTMLElement | null = null;
  /** Whom one can share with and their roles; null until read (read once per page). */
  let users: { username: string; role: Role }[] | null = null;
  let loading = false;
  /** The username being typed in the add box (its role decides the access offered). */
  let typed = '';

  async function loadUsers(): Promise<void> {
    if (users || loading) return;
    loading = true;
    try {
      users = await directory();
    } catch {
      users = [];
    } finally {
      loading = false;
    }
    redraw();
  }

  const roleOf = (username: string): Role | null =>
    users?.find((u) => u.username.toLowerCase() === username.toLowerCase())?.role ?? null;

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
    // A viewer reads only, whatever the select held before the name was picked.
    const access = roleOf(username) === 'viewer' ? 'read' : (String(data.get('access')) as ShareAccess);
    if (!username) return;
    // The name as the directory spells it (usernames are one whatever their case).
    const known = users?.find((u) => u.username.toLowerCase() === username.toLowerCase())?.username ?? username;
    void put(withShare({ username: known, access }));
    typed = '';
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
    void loadUsers();
    const list = shares().filter((s) => s.username !== '*');
    const all = shares().find((s) => s.username === '*')?.access ?? 'none';
    const taken = new Set(list.map((s) => s.username.toLowerCase()));
    const me = currentUser().username.toLowerCase();
    const offered = (users ?? []).filter(
      (u) => !taken.has(u.username.toLowerCase()) && u.username.toLowerCase() !== me,
    );
    const typedViewer = roleOf(typed) === 'viewer';
    const allWords = everyoneWords(all);
    render(
      html`<div class="share-manage" data-testid="share-manage" @keydown=${(e: KeyboardEvent) => e.key !== 'Escape' && e.stopPropagation()}>
        <strong>Shared with</strong>
        <ul class="share-list" data-testid="share-list">
          ${list.map(
            (s) => html`<li data-testid="share-row" data-username=${s.username}>
              <span class="share-user">${s.username}${roleOf(s.username) ? html` <span class="muted">(${roleOf(s.username)})</span>` : nothing}</span>
              <select aria-label=${`Access of ${s.username}`} data-testid="share-access" .value=${live(s.access)} ?disabled=${working}
                @change=${(e: Event) => void put(withShare({ username: s.username, access: (e.target as HTMLSelectElement).value as ShareAccess }))}>
                <option value="read" ?selected=${s.access === 'read'}>can read</option>
                ${roleOf(s.username) === 'viewer' && s.access !== 'edit' ? nothing : html`<option value="edit" ?selected=${s.access === 'edit'}>can edit</option>`}
              </select>
              <button type="button" data-testid="share-remove" aria-label=${`Stop sharing with ${s.username}`} ?disabled=${working}
                @click=${() => void put(without(s.username))}>Remove</button>
            </li>`,
          )}
          ${list.length === 0 ? html`<li class="muted">Nobody yet.</li>` : nothing}
        </ul>
        <form class="share-add" @submit=${add}>
          <input name="username" list="share-users" placeholder=${loading ? 'Username (loading users…)' : 'Pick or type a username'} aria-label="Share with user" autocomplete="off" required maxlength="64" data-testid="share-username"
            @input=${(e: Event) => {
              typed = (e.target as HTMLInputElement).value.trim();
              redraw();
            }} />
          <datalist id="share-users" data-testid="share-users">
            ${offered.map((u) => html`<option value=${u.username} label=${u.role}>${u.role}</option>`)}
          </datalist>
          <select name="access" aria-label="Access" data-testid="share-new-access" title=${typedViewer ? `${typed} is a viewer: viewers can only read` : nothing}>
            <option value="read">can read</option>
            ${typedViewer ? nothing : html`<option value="edit">can edit</option>`}
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
        ${allWords ? html`<p class="share-everyone-words" role="note" data-testid="share-everyone-words">${allWords}</p>` : nothing}
        ${problem ? html`<p class="error" role="alert" data-testid="share-error">${problem}</p>` : nothing}
      </div>`,
      el,
    );
  }

  return { draw };
}
