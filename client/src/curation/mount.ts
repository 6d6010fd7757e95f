/**
 * Curation's entry points (issue 12): "Add ▾" in the top bar (a node, a claim, a source); on a node's
 * context menu "Add a claim from here" and "Edit…"; on a link's menu and in the details panel "Correct…"
 * and "Retract…" (and "Edit…" for a node). Only analysts and admins see them (auth/currentUser.ts; the
 * server refuses a viewer's write anyway). After a write the drawn view is asked afresh from the
 * database (so a correction or retraction shows at once), the grades are refreshed, and a node just
 * added is brought onto the canvas.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import type { EdgeData } from '../../../contract/api.ts';
import type { Api } from '../api.ts';
import { can, onCurrentUser } from '../auth/currentUser.ts';
import type { Canvas } from '../graph/canvas.ts';
import { refreshGrades } from '../grades/sourceGrades.ts';
import { TYPE_WORDS } from '../graph/style.ts';
import { showToast } from '../investigations/dialogs.ts';
import { openClaimForm, openRetractForm } from './claimForm.ts';
import { curationApi } from './curationApi.ts';
import type { CurationDeps, Written } from './deps.ts';
import { openNodeForm } from './nodeForm.ts';
import { openSourceCorrection, openSourceForm } from './sourceForm.ts';
import './curation.css';

export interface CurationActions {
  /** Whether the signed-in user may write (analyst or admin). */
  canWrite(): boolean;
  addNode(): void;
  addClaim(from?: string): void;
  addSource(): void;
  correctSource(): void;
  editNode(id: string): void;
  correctClaim(id: string): void;
  retractClaim(id: string): void;
  /** The buttons for the selected element in the details panel (nothing for a viewer). */
  detailsButtons(selected: { kind: 'node' | 'edge'; id: string }): TemplateResult | typeof nothing;
}

export interface CurationOptions {
  /**
   * Refreshes the grades shown after a write, asking too for `sourceIds` (a source just written);
   * grades/sourceGrades.ts's refreshGrades unless told otherwise.
   */
  refreshGrades?: (sourceIds: string[]) => unknown;
  /** Called once a write's view and grades are refreshed (the details panel re-reads its selection). */
  afterWrite?: (written: Written) => void;
}

/** Mounts "Add ▾" in `addHost` and answers the actions the menus and the details panel offer. */
export function mountCuration(
  addHost: HTMLElement,
  canvas: Canvas,
  api: Api,
  options: CurationOptions = {},
): CurationActions {
  const deps: CurationDeps = {
    api,
    curation: curationApi,
    canvas,
    async afterWrite(written: Written) {
      await canvas.refreshFromDatabase();
      for (const id of written.show ?? []) {
        if (!canvas.nodeData(id) && !canvas.model.readOnly) await canvas.addNode(id);
      }
      await (options.refreshGrades ?? refreshGrades)(written.kind === 'source' ? [written.id] : []);
      options.afterWrite?.(written);
    },
  };
  const edgeOf = (id: string): EdgeData | undefined => canvas.drawnElements().edges.find((e) => e.id === id);
  const edgeWords = (e: EdgeData) =>
    `${canvas.nodeName(e.source) ?? e.source} ${TYPE_WORDS[e.type] ?? e.type} ${canvas.nodeName(e.target) ?? e.target}`;
  const said = (what: string) => (done: unknown) => {
    if (done) showToast(what, undefined, 5000);
  };

  const actions: CurationActions = {
    canWrite: () => can('analyst'),
    addNode: () => void openNodeForm(deps).then(said('Node saved.')),
    addClaim: (from) => void openClaimForm(deps, { from }).then(said('Claim saved.')),
    addSource: () => void openSourceForm(deps).then(said('Source saved.')),
    correctSource: () => void openSourceCorrection(deps).then(said('Source corrected.')),
    editNode(id) {
      void api.node(id).then(
        (held) => openNodeForm(deps, { held }).then(said('Node corrected.')),
        (error) => showToast(`Could not read the node: ${error instanceof Error ? error.message : String(error)}`),
      );
    },
    correctClaim(id) {
      const held = edgeOf(id);
      if (held) void openClaimForm(deps, { held }).then(said('Claim corrected.'));
    },
    retractClaim(id) {
      const held = edgeOf(id);
      if (held) void openRetractForm(deps, held, edgeWords(held)).then(said('Claim retracted.'));
    },
    detailsButtons(selected) {
      if (!can('analyst')) return nothing;
      // The view shows the graph as it was known: what is drawn may be an ended version, not the one to edit.
      if (canvas.view.knownOn !== null) {
        return html`<p class="muted curation-actions" data-testid="curation-past">
          Viewing what was known then: go back to Now to edit or retract.
        </p>`;
      }
      if (selected.kind === 'node') {
        const label = canvas.nodeData(selected.id)?.label;
        if (!label || label === 'Source') return nothing;
        return html`<div class="actions curation-actions" data-testid="curation-actions">
          <button type="button" data-testid="details-edit" @click=${() => actions.editNode(selected.id)}>Edit…</button>
          <button type="button" data-testid="details-add-claim" @click=${() => actions.addClaim(selected.id)}>Add a claim from here…</button>
        </div>`;
      }
      return html`<div class="actions curation-actions" data-testid="curation-actions">
        <button type="button" data-testid="details-correct" @click=${() => actions.correctClaim(selected.id)}>Correct…</button>
        <button type="button" data-testid="details-retract" @click=${() => actions.retractClaim(selected.id)}>Retract…</button>
      </div>`;
    },
  };

  let open = false;
  const choose = (run: () => void) => () => {
    open = false;
    draw();
    run();
  };
  function draw(): void {
    if (!can('analyst')) {
      render(nothing, addHost);
      return;
    }
    render(
      html`<div class="curation-add" @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape' && open) {
          open = false;
          draw();
        }
      }}>
        <button type="button" data-testid="curation-add" aria-haspopup="menu" aria-expanded=${open ? 'true' : 'false'} title="Add a node, a claim or a source" aria-label="Add" @click=${() => {
          open = !open;
          draw();
        }}><span aria-hidden="true">+</span><span class="curation-add-word"> Add</span> ▾</button>
        ${
          open
            ? html`<div class="curation-add-menu" role="menu">
              <button type="button" role="menuitem" data-testid="add-node" @click=${choose(actions.addNode)}>Node…</button>
              <button type="button" role="menuitem" data-testid="add-claim" @click=${choose(() => actions.addClaim())}>Claim…</button>
              <button type="button" role="menuitem" data-testid="add-source" @click=${choose(actions.addSource)}>Source…</button>
              <button type="button" role="menuitem" data-testid="correct-source" @click=${choose(actions.correctSource)}>Correct a source…</button>
            </div>`
            : nothing
        }
      </div>`,
      addHost,
    );
  }
  document.addEventListener('pointerdown', (e) => {
    if (open && !addHost.contains(e.target as Node)) {
      open = false;
      draw();
    }
  });
  onCurrentUser(() => draw());
  draw();
  return actions;
}
