/**
 * The user menu at the right of the top bar (issue 10): a small button with the username (its initials
 * on a narrow window; the whole name in its title and in the menu) that opens
 * a menu saying who is signed in and with which role, with "Change password…", "Import data…"
 * (analysts and admins, issue 11), "Users and audit trail…" (admins only) and "Sign out". With sign-in
 * off (AUTH=off) it says "Single-user (no sign-in)", offers Import data (the local admin may) and
 * neither sign-out nor a password. Change password is a modal dialog (current, new, repeat);
 * the server's words show when it refuses (a wrong current password, a new one too short).
 */
import { html, nothing, render } from 'lit';
import { refusalWords } from '../api.ts';
import { type AuthApi, authApi } from './authApi.ts';
import { can, currentUser, onCurrentUser } from './currentUser.ts';

export interface UserMenuOptions {
  /** Opens the admin panel (admins). */
  openAdmin(): void;
  /** Opens the Import data dialog (analysts and admins; imports/importsPanel.ts). */
  openImports?(): void;
  /** Saves what is unsaved before signing out (autosave). */
  beforeSignOut?(): Promise<void>;
  api?: AuthApi;
}

/** The words the dialog shows when the two new passwords differ. */
export const PASSWORDS_DIFFER = 'The new password and its repetition differ.';

/**
 * Up to two letters for the button when the bar is narrow (auth.css shows them below 1300 px wide,
 * so the investigation's title keeps its room): "ana" → "A", "jean-luc.picard" → "JL".
 */
export function initials(username: string): string {
  const parts = username.split(/[._\-\s]+/).filter(Boolean);
  const letters = parts.length > 1 ? parts[0]![0]! + parts[1]![0]! : (parts[0] ?? '?').slice(0, 1);
  return letters.toUpperCase();
}

export function mountUserMenu(host: HTMLElement, options: UserMenuOptions): void {
  const api = options.api ?? authApi;
  let open = false;

  function close(): void {
    open = false;
    draw();
  }

  async function signOut(): Promise<void> {
    close();
    await options.beforeSignOut?.().catch(() => {});
    await api.signOut().catch(() => {});
    // A fresh page: nothing of this user's stays in memory, and the sign-in screen shows.
    window.location.assign('/');
  }

  function draw(): void {
    const user = currentUser();
    render(
      html`<div class="user-menu" @keydown=${(e: KeyboardEvent) => {
        if (e.key !== 'Escape' || !open) return;
        e.stopPropagation();
        close();
        host.querySelector<HTMLButtonElement>('[data-testid=user-menu-button]')?.focus();
      }}>
        <button type="button" class="user-menu-button" data-testid="user-menu-button" aria-haspopup="menu" aria-expanded=${String(open)}
          title=${user.auth ? `Signed in as ${user.username} (${user.role})` : 'Single-user: no sign-in'}
          @click=${() => {
            open = !open;
            draw();
          }}>${
            user.auth
              ? html`<span class="user-menu-initials" aria-hidden="true">${initials(user.username)}</span><span class="user-menu-name">${user.username}</span>`
              : 'single-user'
          }</button>
        ${
          open
            ? html`<div class="user-menu-list" role="menu" data-testid="user-menu">
                ${
                  user.auth
                    ? html`<p class="user-menu-who" data-testid="user-menu-who">${user.username} · <span data-testid="user-role">${user.role}</span></p>`
                    : html`<p class="user-menu-who muted" data-testid="user-menu-who">Single-user (no sign-in): you are the local admin.</p>`
                }
                ${
                  user.auth
                    ? html`<button type="button" role="menuitem" data-testid="change-password" @click=${() => {
                        close();
                        showPasswordDialog(api);
                      }}>Change password…</button>`
                    : nothing
                }
                ${
                  can('analyst') && options.openImports
                    ? html`<button type="button" role="menuitem" data-testid="open-imports" @click=${() => {
                        close();
                        options.openImports?.();
                      }}>Import data…</button>`
                    : nothing
                }
                ${
                  can('admin')
                    ? html`<button type="button" role="menuitem" data-testid="open-admin" @click=${() => {
                        close();
                        options.openAdmin();
                      }}>Users and audit trail…</button>`
                    : nothing
                }
                ${user.auth ? html`<button type="button" role="menuitem" data-testid="sign-out" @click=${() => void signOut()}>Sign out</button>` : nothing}
              </div>`
            : nothing
        }
      </div>`,
      host,
    );
  }

  document.addEventListener('click', (e) => {
    if (open && !host.contains(e.target as Node)) close();
  });
  onCurrentUser(draw);
  draw();
}

function dialogHost(): HTMLElement {
  let el = document.getElementById('password-dialog-host');
  if (!el) {
    el = document.createElement('div');
    el.id = 'password-dialog-host';
    document.body.append(el);
  }
  return el;
}

/** The change-password dialog (modal): current, new and repeated; closes on success with a word. */
export function showPasswordDialog(api: AuthApi = authApi): void {
  const host = dialogHost();
  let problem = '';
  let done = false;
  let working = false;

  async function submit(e: Event): Promise<void> {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const current = String(data.get('current') ?? '');
    const next = String(data.get('next') ?? '');
    if (next !== String(data.get('repeat') ?? '')) {
      problem = PASSWORDS_DIFFER;
      return draw();
    }
    working = true;
    problem = '';
    draw();
    try {
      await api.changePassword(current, next);
      done = true;
    } catch (error) {
      problem = refusalWords(error);
    } finally {
      working = false;
    }
    draw();
  }

  function close(): void {
    host.querySelector('dialog')?.close();
    render(nothing, host);
  }

  function draw(): void {
    render(
      html`<dialog class="investigation-dialog password-dialog" data-testid="password-dialog" aria-labelledby="password-title" @close=${() => render(nothing, host)}>
        <h2 id="password-title">Change password</h2>
        ${
          done
            ? html`<p role="status" data-testid="password-changed">Your password is changed.</p>
                <div class="actions"><button type="button" data-testid="password-done" @click=${close}>Close</button></div>`
            : html`<form @submit=${submit}>
                <label>Current password <input name="current" type="password" autocomplete="current-password" required data-testid="password-current" /></label>
                <label>New password (12 characters or more) <input name="next" type="password" autocomplete="new-password" required minlength="12" maxlength="256" data-testid="password-new" /></label>
                <label>Repeat the new password <input name="repeat" type="password" autocomplete="new-password" required data-testid="password-repeat" /></label>
                ${problem ? html`<p class="error" role="alert" data-testid="password-error">${problem}</p>` : nothing}
                <div class="actions">
                  <button type="submit" data-testid="password-submit" ?disabled=${working}>Change</button>
                  <button type="button" @click=${close}>Cancel</button>
                </div>
              </form>`
        }
      </dialog>`,
      host,
    );
  }
  draw();
  const dialog = host.querySelector('dialog')!;
  if (!dialog.open) dialog.showModal();
}
