/**
 * The admin panel's Users tab (issue 10): every user with role, created, last sign-in and whether
 * disabled; create one (username, password, role); change a role; reset a password; disable or enable;
 * delete. Deleting and disabling ask first (inline, saying what follows: a deleted user's sessions end
 * and their investigations go to the admin who deletes them). Nothing is offered that can only fail:
 * the last enabled admin has no Disable or Delete and a fixed role ("the last admin"), one's own row
 * has no Disable or Delete (another admin's to do) and points to the user menu's Change password
 * instead of a reset (which would end one's own session). A refusal shows the server's words: the 409
 * for taking away the last admin, a username already taken, a password too short.
 * A refused role change puts the select back to the role stored (`live`: lit compares with the DOM's
 * value, which the admin changed, not with what it drew last).
 */
import { html, nothing, render } from 'lit';
import { live } from 'lit/directives/live.js';
import { ROLES, type Role, type UserSummary } from '../../../contract/auth.ts';
import { refusalWords } from '../api.ts';
import type { AuthApi } from '../auth/authApi.ts';
import { currentUser } from '../auth/currentUser.ts';
import { whenText } from '../investigations/words.ts';

/** The words of a delete's confirmation; `investigations`: how many they own, when known. */
export function deleteWords(username: string, investigations: number | null = null): string {
  const theirs =
    investigations === null
      ? 'their investigations go to you'
      : `their ${investigations} investigation${investigations === 1 ? '' : 's'} go to you`;
  return `Delete ${username}? Their sessions end and ${theirs}. This cannot be undone.`;
}

/** Whether `u` is the one enabled admin left (no Disable, no Delete, no other role for them). */
export function isLastAdmin(u: UserSummary, all: readonly UserSummary[]): boolean {
  if (u.role !== 'admin' || u.disabled) return false;
  return all.filter((x) => x.role === 'admin' && !x.disabled).length === 1;
}

export interface UsersAdmin {
  /** Reads the list again and draws it into `host`. */
  show(host: HTMLElement): Promise<void>;
}

/** A pending question before a change that cannot be undone lightly. */
interface Confirming {
  username: string;
  what: 'delete' | 'disable' | 'password';
}

export function createUsersAdmin(api: AuthApi): UsersAdmin {
  let host: HTMLElement | null = null;
  let users: UserSummary[] = [];
  let message: { text: string; error: boolean } | null = null;
  let confirming: Confirming | null = null;

  async function load(): Promise<void> {
    try {
      users = await api.users();
    } catch (error) {
      message = { text: refusalWords(error), error: true };
    }
    draw();
  }

  async function attempt(work: () => Promise<void>, done: string): Promise<void> {
    confirming = null;
    try {
      await work();
      message = { text: done, error: false };
    } catch (error) {
      message = { text: refusalWords(error), error: true };
    }
    await load();
  }

  function create(e: Event): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const username = String(data.get('username') ?? '').trim();
    const role = String(data.get('role')) as Role;
    void attempt(async () => {
      await api.createUser(username, String(data.get('password') ?? ''), role);
      form.reset();
    }, `Created ${username} (${role}).`);
  }

  function resetPassword(e: Event, username: string): void {
    e.preventDefault();
    const password = String(new FormData(e.target as HTMLFormElement).get('password') ?? '');
    void attempt(() => api.updateUser(username, { password }), `New password set for ${username}.`);
  }

  function confirmRow(u: UserSummary): unknown {
    if (confirming?.username !== u.username) return nothing;
    const no = html`<button type="button" @click=${() => {
      confirming = null;
      draw();
    }}>Cancel</button>`;
    if (confirming.what === 'password') {
      return html`<form class="user-confirm" @submit=${(e: Event) => resetPassword(e, u.username)}>
        <input name="password" type="password" autocomplete="new-password" required minlength="12" maxlength="256"
          aria-label=${`New password for ${u.username}`} placeholder="New password (12+ characters)" data-testid="user-new-password" />
        <button type="submit" data-testid="user-password-confirm">Set password</button>${no}
      </form>`;
    }
    const deleting = confirming.what === 'delete';
    return html`<div class="user-confirm" role="alert">
      ${deleting ? deleteWords(u.username) : `Disable ${u.username}? They are signed out and cannot sign in.`}
      <button type="button" data-testid="user-confirm" @click=${() =>
        void (
          deleting
            ? attempt(() => api.deleteUser(u.username), `Deleted ${u.username}.`)
            : attempt(() => api.updateUser(u.username, { disabled: true }), `Disabled ${u.username}.`)
        )}>
        ${deleting ? 'Delete' : 'Disable'}
      </button>${no}
    </div>`;
  }

  function ask(username: string, what: Confirming['what']): void {
    confirming = { username, what };
    draw();
  }

  function row(u: UserSummary) {
    const me = u.username === currentUser().username;
    const last = isLastAdmin(u, users);
    const lastTitle = 'The last admin: make another user admin first';
    return html`<tr data-testid="user-row" data-username=${u.username}>
        <td>${u.username}${me ? html` <span class="muted">(you)</span>` : nothing}</td>
        <td>
          <select aria-label=${`Role of ${u.username}`} data-testid="user-role-select" .value=${live(u.role)}
            ?disabled=${last} title=${last ? lastTitle : nothing}
            @change=${(e: Event) => {
              const role = (e.target as HTMLSelectElement).value as Role;
              void attempt(() => api.updateUser(u.username, { role }), `${u.username} is now ${role}.`);
            }}>
            ${ROLES.map((r) => html`<option value=${r} ?selected=${u.role === r}>${r}</option>`)}
          </select>
        </td>
        <td>${whenText(u.createdAt)}</td>
        <td>${u.lastSignInAt ? whenText(u.lastSignInAt) : 'never'}</td>
        <td data-testid="user-state">${u.disabled ? 'disabled' : 'active'}</td>
        <td class="user-actions">
          ${
            me
              ? html`<span class="muted" data-testid="user-own-password">Your password: user menu → Change password…</span>`
              : html`<button type="button" data-testid="user-reset-password" @click=${() => ask(u.username, 'password')}>Reset password</button>`
          }
          ${
            last
              ? html`<span class="muted" data-testid="user-last-admin" title=${lastTitle}>the last admin</span>`
              : me
                ? nothing // disabling or deleting oneself is another admin's to do (the server answers 409 SELF_DELETE)
                : u.disabled
                  ? html`<button type="button" data-testid="user-enable" @click=${() =>
                      void attempt(
                        () => api.updateUser(u.username, { disabled: false }),
                        `Enabled ${u.username}.`,
                      )}>Enable</button>`
                  : html`<button type="button" data-testid="user-disable" @click=${() => ask(u.username, 'disable')}>Disable</button>`
          }
          ${last || me ? nothing : html`<button type="button" data-testid="user-delete" @click=${() => ask(u.username, 'delete')}>Delete</button>`}
        </td>
      </tr>
      ${confirming?.username === u.username ? html`<tr><td colspan="6">${confirmRow(u)}</td></tr>` : nothing}`;
  }

  function draw(): void {
    if (!host) return;
    render(
      html`<form class="user-create" data-testid="user-create" @submit=${create}>
          <strong>New user</strong>
          <input name="username" placeholder="Username" aria-label="Username" required maxlength="64" autocomplete="off" data-testid="user-create-username" />
          <input name="password" type="password" placeholder="Password (12+ characters)" aria-label="Password" required minlength="12" maxlength="256" autocomplete="new-password" data-testid="user-create-password" />
          <select name="role" aria-label="Role" data-testid="user-create-role">
            ${ROLES.map((r) => html`<option value=${r} ?selected=${r === 'analyst'}>${r}</option>`)}
          </select>
          <button type="submit" data-testid="user-create-submit">Create</button>
        </form>
        ${message ? html`<p class=${message.error ? 'error' : 'muted'} role="status" data-testid="users-message">${message.text}</p>` : nothing}
        <table class="admin-table" data-testid="user-table">
          <thead><tr><th>User</th><th>Role</th><th>Created</th><th>Last sign-in</th><th>State</th><th></th></tr></thead>
          <tbody>${users.map(row)}</tbody>
        </table>`,
      host,
    );
  }

  return {
    async show(el) {
      host = el;
      message = null;
      confirming = null;
      draw();
      await load();
    },
  };
}
