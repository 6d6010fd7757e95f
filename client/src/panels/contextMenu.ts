/**
 * The canvas's context menu (right-click, or Shift+F10 / the menu key on the selection): expand by
 * relationship type and direction, fetch "N more", lineage, paths, hide, pin, remove. A plain DOM menu
 * so it is reachable with the keyboard: arrows move, Enter chooses, Escape closes. @floating-ui/dom
 * places it at the pointer, measured after it is drawn: flipped above or left of the pointer and
 * shifted back when it would leave the window.
 */
import { computePosition, flip, shift, type VirtualElement } from '@floating-ui/dom';
import { html, nothing, render, type TemplateResult } from 'lit';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../../../contract/model.ts';
import type { Canvas, Truncation } from '../graph/canvas.ts';
import { TYPE_WORDS } from '../graph/style.ts';
import type { Direction } from '../state/viewState.ts';
import { commandTitle } from './readOnly.ts';

export interface MenuActions {
  pathFrom(id: string): void;
  pathTo(id: string): void;
  /** A new note on the element (panels/notesDetails.ts). */
  addNoteTo?(target: { kind: 'node' | 'edge'; id: string }): void;
  /** "How did this get here?" for the element. */
  showProvenanceOf?(id: string): void;
  /** Curation (issue 12, curation/mount.ts): offered only to those who may write. */
  curate?: {
    canWrite(): boolean;
    addClaim(from: string): void;
    editNode(id: string): void;
    correctClaim(id: string): void;
    retractClaim(id: string): void;
  };
}

type Target = { id: string; kind: 'node' | 'edge' } | null;

export function mountContextMenu(
  host: HTMLElement,
  canvas: Canvas,
  actions: MenuActions,
): { openForSelection(): void } {
  let target: Target = null;
  let position: { x: number; y: number } | null = null;
  let truncations: readonly Truncation[] = [];

  function close(): void {
    position = null;
    draw();
    document.querySelector<HTMLElement>('#canvas')?.focus();
  }

  /** A menu item; `changes`: it changes the view's recipe, so it is disabled in a read-only investigation. */
  function item(label: string, run: () => unknown, testid?: string, changes = true): TemplateResult {
    const off = changes && canvas.model.readOnly;
    return html`<button role="menuitem" tabindex="-1" data-testid=${testid ?? nothing} ?disabled=${off} title=${commandTitle(off) || nothing} @click=${() => {
      close();
      void run();
    }}>${label}</button>`;
  }

  function expandBy(id: string, type: RelationshipType, direction: Direction): void {
    void canvas.expandNeighbourhood(id, { types: [type], direction });
  }

  function nodeItems(id: string): TemplateResult {
    const more = truncations.filter((t) => t.expansion.id === id && !t.overflow);
    const isFaction = canvas.nodeData(id)?.label === 'Faction';
    const ro = canvas.model.readOnly;
    return html`${item('Expand', () => canvas.expandNeighbourhood(id), 'menu-expand')}
      ${item('Expand 2 steps', () => canvas.expandNeighbourhood(id, { depth: 2 }))}
      ${item('Expand outgoing links', () => canvas.expandNeighbourhood(id, { direction: 'out' }))}
      ${item('Expand incoming links', () => canvas.expandNeighbourhood(id, { direction: 'in' }))}
      ${more.map((t) => item(`Fetch ${t.more} more`, () => canvas.fetchMore(t), 'menu-more'))}
      <div class="menu-group" role="group" aria-label="Expand by relationship type">
        <div class="menu-heading">Expand by type: out · in · both</div>
        ${RELATIONSHIP_TYPES.map(
          (type) => html`<div class="menu-row">
            <span>${TYPE_WORDS[type]}</span>
            <button role="menuitem" tabindex="-1" ?disabled=${ro} title=${commandTitle(ro) || nothing} aria-label=${`Expand ${TYPE_WORDS[type]}, outgoing`} @click=${() => {
              close();
              expandBy(id, type, 'out');
            }}>→</button>
            <button role="menuitem" tabindex="-1" ?disabled=${ro} title=${commandTitle(ro) || nothing} aria-label=${`Expand ${TYPE_WORDS[type]}, incoming`} @click=${() => {
              close();
              expandBy(id, type, 'in');
            }}>←</button>
            <button role="menuitem" tabindex="-1" ?disabled=${ro} title=${commandTitle(ro) || nothing} aria-label=${`Expand ${TYPE_WORDS[type]}, both ways`} @click=${() => {
              close();
              expandBy(id, type, 'both');
            }}>↔</button>
          </div>`,
        )}
      </div>
      <hr />
      ${isFaction ? item('Lineage', () => canvas.openLineage(id), 'menu-lineage') : nothing}
      ${item('Path from here', () => actions.pathFrom(id))}
      ${item('Path to here', () => actions.pathTo(id))}
      <hr />
      ${curateNodeItems(id)}
      ${noteItems({ kind: 'node', id })}
      <hr />
      ${item('Pin / unpin', () => canvas.togglePinSelection())}
      ${item('Hide', () => canvas.hideSelection())}
      ${item('Keep only neighbourhood', () => canvas.keepOnlyNeighbourhood())}
      ${item('Remove', () => canvas.removeSelection(), 'menu-remove')}`;
  }

  /** Curation's items: they change the graph, not the view, so a read-only view does not disable them. */
  function curateNodeItems(id: string): TemplateResult | typeof nothing {
    const curate = actions.curate;
    if (!curate?.canWrite()) return nothing;
    return html`${item('Add a claim from here…', () => curate.addClaim(id), 'menu-add-claim', false)}
      ${item('Edit…', () => curate.editNode(id), 'menu-edit', false)}
      <hr />`;
  }

  function curateEdgeItems(id: string): TemplateResult | typeof nothing {
    const curate = actions.curate;
    if (!curate?.canWrite()) return nothing;
    return html`${item('Correct…', () => curate.correctClaim(id), 'menu-correct', false)}
      ${item('Retract…', () => curate.retractClaim(id), 'menu-retract', false)}`;
  }

  function noteItems(on: { kind: 'node' | 'edge'; id: string }): TemplateResult {
    const { addNoteTo, showProvenanceOf } = actions;
    return html`${addNoteTo ? item('Add a note…', () => addNoteTo(on), 'menu-add-note') : nothing}
      ${showProvenanceOf ? item('How did this get here?', () => showProvenanceOf(on.id), 'menu-provenance', false) : nothing}`;
  }

  function draw(): void {
    if (!position) {
      render(nothing, host);
      return;
    }
    const content =
      target === null
        ? html`${item('Fit to screen', () => canvas.fit(), undefined, false)}${item('Show hidden', () => canvas.showHidden())}`
        : target.kind === 'node'
          ? nodeItems(target.id)
          : html`${item('Show details and sources', () => canvas.select(target!.id), undefined, false)}${curateEdgeItems(target.id)}${noteItems(target)}${item('Hide', () => canvas.hideSelection())}${item('Remove', () => canvas.removeSelection())}`;
    render(
      html`<div class="context-menu" role="menu" data-testid="context-menu" @keydown=${onKey}>
        ${content}
      </div>`,
      host,
    );
    const menu = host.querySelector<HTMLElement>('.context-menu');
    if (menu) void place(menu, position);
    host.querySelector<HTMLElement>('[role=menuitem]:not(:disabled)')?.focus();
  }

  /** Puts the menu at the pointer, inside the window (its size is measured, not guessed). */
  async function place(menu: HTMLElement, at: { x: number; y: number }): Promise<void> {
    const pointer: VirtualElement = {
      getBoundingClientRect: () => ({
        x: at.x,
        y: at.y,
        left: at.x,
        top: at.y,
        right: at.x,
        bottom: at.y,
        width: 0,
        height: 0,
      }),
    };
    // computePosition resolves within microtasks, before the next frame is painted: no flash.
    const { x, y } = await computePosition(pointer, menu, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        flip({ crossAxis: true, fallbackPlacements: ['top-start', 'bottom-end', 'top-end'] }),
        shift({ padding: 4, crossAxis: true }),
      ],
    });
    Object.assign(menu.style, { left: `${x}px`, top: `${y}px` });
  }

  function onKey(e: KeyboardEvent): void {
    const items = [...host.querySelectorAll<HTMLElement>('[role=menuitem]:not(:disabled)')];
    const index = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (index + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
      items[next]?.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === 'Tab') {
      close();
    }
  }

  canvas.on('contextmenu', (m) => {
    target = m.target;
    position = { x: m.x, y: m.y };
    draw();
  });
  canvas.on('truncations', (t) => (truncations = t));
  document.addEventListener('pointerdown', (e) => {
    if (position && !host.contains(e.target as Node)) close();
  });

  return {
    openForSelection() {
      const id = canvas.selectedNodeIds()[0];
      const at = id ? canvas.clientPosition(id) : null;
      if (!id || !at) return;
      target = { id, kind: 'node' };
      position = at;
      draw();
    },
  };
}
