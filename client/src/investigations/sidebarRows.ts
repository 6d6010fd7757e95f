/**
 * The rows of the investigations list (sidebar.ts): in use (title to open, updated when, element and
 * note counts, Rename inline, Duplicate, Delete, Revisions on the open one) or in the bin (when it was
 * deleted, Restore). Templates only: sidebar.ts owns the state and the calls.
 *
 * With sign-in (issue 10) a row says whose it is and what this user may do ("by alice · shared with
 * you (read)", or the owner's "shared with 2"), and offers only what can succeed: Rename to those who
 * may edit, Duplicate to analysts, Delete to the owner.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type {
  Investigation,
  InvestigationDocumentInput,
  InvestigationSummary,
} from '../../../contract/investigation.ts';
import { countsText, whenText } from './words.ts';

export interface RowActions {
  open(row: InvestigationSummary): void;
  startRename(row: InvestigationSummary): void;
  rename(row: InvestigationSummary, title: string): void;
  cancelRename(): void;
  duplicate(row: InvestigationSummary): void;
  remove(row: InvestigationSummary): void;
  undelete(row: InvestigationSummary): void;
  revisions(row: InvestigationSummary): void;
}

export interface RowState {
  currentId: string | null;
  renaming: string | null;
  readOnly: boolean;
  /** Sign-in is on: say whose each investigation is. */
  auth: boolean;
  /** The user may own investigations (analyst or admin), so may duplicate one. */
  analyst: boolean;
}

/** Whose it is and what this user may do with it, or '' with sign-in off. */
export function accessWords(row: Pick<InvestigationSummary, 'owner' | 'access' | 'shares'>, auth: boolean): string {
  if (!auth) return '';
  if (row.access !== 'owner') return `by ${row.owner} · shared with you (${row.access})`;
  if (row.shares.some((s) => s.username === '*')) return 'shared with everyone';
  return row.shares.length > 0 ? `shared with ${row.shares.length}` : '';
}

/** One investigation in use. */
export function rowInUse(row: InvestigationSummary, state: RowState, on: RowActions): TemplateResult {
  const current = row.id === state.currentId;
  const title =
    state.renaming === row.id
      ? html`<input
          class="rename"
          data-testid="rename-input"
          aria-label="New title"
          maxlength="200"
          .value=${row.title}
          @keydown=${(e: KeyboardEvent) => {
            e.stopPropagation();
            if (e.key === 'Enter') on.rename(row, (e.target as HTMLInputElement).value);
            if (e.key === 'Escape') on.cancelRename();
          }}
          @blur=${(e: FocusEvent) => on.rename(row, (e.target as HTMLInputElement).value)}
        />`
      : html`<button type="button" class="link open" data-testid="open-investigation" @click=${() => on.open(row)}>
          ${row.title}
        </button>`;
  const access = accessWords(row, state.auth);
  const editable = state.analyst && row.access !== 'read';
  return html`<li class="investigation-row ${current ? 'current' : ''}" data-testid="investigation-row" data-id=${row.id} data-access=${row.access} aria-current=${current ? 'true' : 'false'}>
    ${title}
    <span class="muted meta">${whenText(row.updatedAt)} · ${countsText(row)}</span>
    ${access ? html`<span class="muted meta" data-testid="investigation-access">${access}</span>` : nothing}
    ${
      state.readOnly
        ? nothing
        : html`<span class="row-actions">
            ${editable ? html`<button type="button" data-testid="rename" @click=${() => on.startRename(row)}>Rename</button>` : nothing}
            ${state.analyst ? html`<button type="button" data-testid="duplicate" @click=${() => on.duplicate(row)}>Duplicate</button>` : nothing}
            ${row.access === 'owner' ? html`<button type="button" data-testid="delete" @click=${() => on.remove(row)}>Delete</button>` : nothing}
            ${current ? html`<button type="button" data-testid="revisions" @click=${() => on.revisions(row)}>Revisions</button>` : nothing}
          </span>`
    }
  </li>`;
}

/** One investigation in the bin (kept 30 days after `deletedAt`). */
export function rowInBin(row: InvestigationSummary, on: RowActions): TemplateResult {
  return html`<li class="investigation-row deleted" data-testid="bin-row" data-id=${row.id}>
    <span class="title">${row.title}</span>
    <span class="muted meta">deleted ${row.deletedAt ? whenText(row.deletedAt) : ''} · ${countsText(row)}</span>
    <span class="row-actions">
      ${row.access === 'owner' ? html`<button type="button" data-testid="undelete" @click=${() => on.undelete(row)}>Restore</button>` : nothing}
    </span>
  </li>`;
}

/** An investigation read from the server as a document to POST again (a copy): the snapshot without what the server adds. */
export function documentOf(inv: Investigation, title = inv.title): InvestigationDocumentInput {
  return {
    title,
    description: inv.description,
    view: inv.view,
    annotations: inv.annotations,
    queries: inv.queries,
    snapshot: { nodes: inv.snapshot.nodes, edges: inv.snapshot.edges },
  };
}

/** "X (copy)", kept within the 200 characters a title may have. */
export function copyTitle(title: string): string {
  const suffix = ' (copy)';
  return `${title.slice(0, 200 - suffix.length)}${suffix}`;
}
