/**
 * After an investigation opens (its snapshot, the exact picture saved), GET …/changes says what the
 * database changed since: when anything did, a notice over the canvas, "The data changed since this
 * was saved: N added, N removed, N edited", the elements marked on the canvas (graph/changeMarks.ts),
 * a list of them (a click selects and centres one that is drawn; an edited one shows its fields then
 * and now), and "Refresh to current data" (the recipe drawn afresh from the database keeping every
 * place, then saved). Read-only views get the notice and the marks but no Refresh.
 *
 * Known limit: an element gone from the database keeps its snapshot data on the canvas, so the details
 * panel still shows it as saved, but its cited sources come from the current database (the snapshot's
 * own sources are not fed to the details panel).
 */
import { html, nothing, render } from 'lit';
import type { SnapshotChanges } from '../../../contract/investigation.ts';
import type { Autosave } from './autosave.ts';
import { canvasOverlay } from './dialogs.ts';
import type { InvestigationSession } from './session.ts';
import { changesSummary } from './words.ts';

const show = (v: unknown) => (v === undefined || v === null ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

export function mountChangesNotice(session: InvestigationSession, autosave: Autosave): void {
  const host = canvasOverlay('changes-notice');
  const canvas = session.canvas;
  let changes: SnapshotChanges | null = null;
  let expanded = false;
  let working = false;
  let asked = 0;

  async function check(): Promise<void> {
    const ask = ++asked;
    const current = session.current;
    changes = null;
    canvas.changeMarks.clear();
    draw();
    if (!current || current.revision !== null) return;
    try {
      const found = await session.api.changes(current.id);
      if (ask !== asked) return;
      changes = changesSummary(found) ? found : null;
    } catch {
      // No notice when the changes cannot be read (the database banner says why if it is away).
      changes = null;
    }
    if (changes) {
      const byKind = (kind: string, list: { id: string; kind: string }[]) =>
        list.filter((c) => c.kind === kind).map((c) => c.id);
      canvas.changeMarks.set({
        removed: [...byKind('node', changes.removed), ...byKind('edge', changes.removed)],
        edited: [...byKind('node', changes.edited), ...byKind('edge', changes.edited)],
        sources: [...byKind('source', changes.removed), ...byKind('source', changes.edited)],
      });
    }
    draw();
  }

  async function refresh(): Promise<void> {
    working = true;
    draw();
    try {
      await canvas.refreshFromDatabase();
      changes = null;
      canvas.changeMarks.clear();
      await autosave.saveNow();
    } finally {
      working = false;
      draw();
    }
  }

  function focus(id: string): void {
    if (!canvas.nodeName(id) && !canvas.drawnElements().edges.some((e) => e.id === id)) return;
    canvas.select(id);
    canvas.centre(id);
  }

  function draw(): void {
    const summary = changes ? changesSummary(changes) : null;
    const c = changes;
    const readOnly = session.current?.readOnly === true;
    render(
      c && summary
        ? html`<div class="changes-notice" data-testid="changes-notice" role="status">
            <p><strong data-testid="changes-summary">${summary}</strong>.</p>
            <div class="actions">
              ${readOnly ? nothing : html`<button type="button" data-testid="refresh-data" ?disabled=${working} @click=${() => void refresh()}>Refresh to current data</button>`}
              <button type="button" aria-expanded=${String(expanded)} @click=${() => {
                expanded = !expanded;
                draw();
              }}>
                ${expanded ? 'Hide the list' : 'What changed'}
              </button>
              <button type="button" aria-label="Dismiss" @click=${() => {
                changes = null;
                draw();
              }}>×</button>
            </div>
            ${
              expanded
                ? html`<ul class="changes-list" data-testid="changes-list">
                    ${c.added.edges.map((e) => html`<li class="added">added: ${e.type} ${e.source} → ${e.target}</li>`)}
                    ${c.removed.map(
                      (r) =>
                        html`<li class="removed"><button type="button" class="link" @click=${() => focus(r.id)}>removed ${r.kind}: ${canvas.nodeName(r.id) ?? r.id}</button></li>`,
                    )}
                    ${c.edited.map(
                      (e) => html`<li class="edited">
                        <button type="button" class="link" @click=${() => focus(e.id)}>edited ${e.kind}: ${canvas.nodeName(e.id) ?? e.id}</button>
                        <span class="muted">${e.fields.map((f) => `${f.field}: ${show(f.before)} → ${show(f.after)}`).join('; ')}</span>
                      </li>`,
                    )}
                  </ul>`
                : nothing
            }
          </div>`
        : nothing,
      host,
    );
  }

  session.on('opened', ({ current }) => {
    if (current) void check();
    else {
      changes = null;
      draw();
    }
  });
  session.on('current', (current) => {
    if (!current && changes) {
      changes = null;
      canvas.changeMarks.clear();
      draw();
    }
  });
}
