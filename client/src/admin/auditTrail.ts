/**
 * The admin panel's Audit trail tab (issue 10): entries newest first (when, who, what, from where, the
 * ids touched, the detail), filtered by user (the box offers the known usernames, GET /api/users),
 * action (in words, auditWords.ts, with the code in small type) and a range of days; "Load more" pages on with the
 * server's cursor; "Export JSON lines" downloads GET /api/audit?format=jsonl with the same filters.
 *
 * Days are the reader's own: "since 3 March" starts at local midnight of 3 March and "until 5 March"
 * includes all of 5 March (the API's interval is [since, until), ISO instants).
 */
import { html, nothing, render } from 'lit';
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry } from '../../../contract/auth.ts';
import { refusalWords } from '../api.ts';
import type { AuditFilters, AuthApi } from '../auth/authApi.ts';
import { offerDownload } from '../download.ts';
import { auditActionWords } from './auditWords.ts';

export interface AuditTrail {
  /** Reads the first page with the filters as they are and draws it into `host`. */
  show(host: HTMLElement): Promise<void>;
}

/** The instant a day (`YYYY-MM-DD`, from a date input) starts at in the reader's time zone; `after`: the next day's. */
export function dayStart(day: string, after = false): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + (after ? 1 : 0)).toISOString();
}

export function createAuditTrail(api: AuthApi): AuditTrail {
  let host: HTMLElement | null = null;
  let entries: AuditEntry[] = [];
  let next: string | null = null;
  let problem = '';
  let working = false;
  const form = { user: '', action: '', since: '', until: '' };
  /** Usernames the user filter offers (every account; the trail also names usernames tried and gone). */
  let known: string[] = [];

  async function loadKnown(): Promise<void> {
    try {
      known = (await api.users()).map((u) => u.username).sort();
    } catch {
      known = [];
    }
    draw();
  }

  const filters = (): AuditFilters => ({
    user: form.user.trim() || undefined,
    action: (form.action || undefined) as AuditAction | undefined,
    since: dayStart(form.since),
    until: dayStart(form.until, true),
  });

  async function load(more: boolean): Promise<void> {
    working = true;
    problem = '';
    draw();
    try {
      const page = await api.audit(filters(), more ? (next ?? undefined) : undefined);
      entries = more ? [...entries, ...page.entries] : page.entries;
      next = page.next;
    } catch (error) {
      problem = refusalWords(error);
    } finally {
      working = false;
    }
    draw();
  }

  async function exportLines(): Promise<void> {
    try {
      const { text } = await api.auditLines(filters());
      const stamp = new Date().toISOString().slice(0, 10);
      offerDownload(new Blob([text], { type: 'application/x-ndjson' }), `faction-atlas-audit-${stamp}.jsonl`);
    } catch (error) {
      problem = refusalWords(error);
      draw();
    }
  }

  const field = (key: keyof typeof form) => (e: Event) => {
    form[key] = (e.target as HTMLInputElement | HTMLSelectElement).value;
  };

  function draw(): void {
    if (!host) return;
    render(
      html`<form class="audit-filters" data-testid="audit-filters" @submit=${(e: Event) => {
        e.preventDefault();
        void load(false);
      }}>
          <label>User <input name="user" list="audit-users" .value=${form.user} maxlength="64" autocomplete="off" placeholder="any" data-testid="audit-user" @input=${field('user')} /></label>
          <datalist id="audit-users" data-testid="audit-users">${known.map((u) => html`<option value=${u}></option>`)}</datalist>
          <label>Action
            <select name="action" data-testid="audit-action" @change=${field('action')}>
              <option value="" ?selected=${form.action === ''}>any</option>
              ${AUDIT_ACTIONS.map((a) => html`<option value=${a} ?selected=${form.action === a}>${auditActionWords(a)}</option>`)}
            </select>
          </label>
          <label>Since <input type="date" .value=${form.since} data-testid="audit-since" @input=${field('since')} /></label>
          <label>Until <input type="date" .value=${form.until} data-testid="audit-until" @input=${field('until')} /></label>
          <button type="submit" data-testid="audit-apply" ?disabled=${working}>Show</button>
          <button type="button" data-testid="audit-export" @click=${() => void exportLines()}>Export JSON lines</button>
        </form>
        ${problem ? html`<p class="error" role="alert" data-testid="audit-error">${problem}</p>` : nothing}
        <table class="admin-table audit-table" data-testid="audit-table" aria-busy=${String(working)}>
          <thead><tr><th>When</th><th>User</th><th>Action</th><th>Address</th><th>Ids</th><th>Detail</th></tr></thead>
          <tbody>
            ${entries.map(
              (e) => html`<tr data-testid="audit-row" data-action=${e.action} data-id=${e.id}>
                <td title=${e.at}>${new Date(e.at).toLocaleString()}</td>
                <td data-testid="audit-row-user">${e.username}</td>
                <td data-testid="audit-row-action" title=${e.action}>${auditActionWords(e.action)} <code class="audit-code">${e.action}</code></td>
                <td>${e.address}</td>
                <td class="audit-ids" data-testid="audit-row-ids">${e.ids.join(', ')}</td>
                <td data-testid="audit-row-detail">${e.detail}</td>
              </tr>`,
            )}
          </tbody>
        </table>
        ${entries.length === 0 && !working ? html`<p class="muted">No entries match.</p>` : nothing}
        ${next ? html`<button type="button" data-testid="audit-more" ?disabled=${working} @click=${() => void load(true)}>Load more</button>` : nothing}`,
      host,
    );
  }

  return {
    async show(el) {
      host = el;
      void loadKnown();
      await load(false);
    },
  };
}
