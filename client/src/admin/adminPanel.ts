/**
 * The admin panel (issue 10): a large modal dialog with two tabs, Users (usersAdmin.ts) and Audit trail
 * (auditTrail.ts), opened from the user menu. Only admins are offered it (userMenu.ts); the server
 * refuses everyone else anyway (403), and a refusal is shown in words.
 */
import { html, render } from 'lit';
import { type AuthApi, authApi } from '../auth/authApi.ts';
import { createAuditTrail } from './auditTrail.ts';
import { createUsersAdmin } from './usersAdmin.ts';

type Tab = 'users' | 'audit';

export interface AdminPanel {
  open(tab?: Tab): void;
}

export function mountAdminPanel(host: HTMLElement, api: AuthApi = authApi): AdminPanel {
  const users = createUsersAdmin(api);
  const audit = createAuditTrail(api);
  let tab: Tab = 'users';

  function draw(): void {
    render(
      html`<dialog class="admin-panel" data-testid="admin-panel" aria-labelledby="admin-title" @keydown=${(e: KeyboardEvent) => e.stopPropagation()}>
        <header class="admin-head">
          <h2 id="admin-title">Administration</h2>
          <div role="tablist" aria-label="Administration">
            <button type="button" role="tab" aria-selected=${String(tab === 'users')} data-testid="admin-tab-users" @click=${() => select('users')}>Users</button>
            <button type="button" role="tab" aria-selected=${String(tab === 'audit')} data-testid="admin-tab-audit" @click=${() => select('audit')}>Audit trail</button>
          </div>
          <button type="button" class="admin-close" aria-label="Close" data-testid="admin-close" @click=${() => host.querySelector('dialog')?.close()}>×</button>
        </header>
        <div class="admin-body" role="tabpanel" data-testid=${`admin-${tab}`}></div>
      </dialog>`,
      host,
    );
  }

  function select(next: Tab): void {
    tab = next;
    draw();
    // Both tabs render into the same element: lit swaps one template for the other.
    const body = host.querySelector<HTMLElement>('.admin-body')!;
    void (tab === 'users' ? users.show(body) : audit.show(body));
  }

  return {
    open(first: Tab = 'users') {
      select(first);
      const dialog = host.querySelector('dialog')!;
      if (!dialog.open) dialog.showModal();
    },
  };
}
