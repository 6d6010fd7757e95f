/**
 * The toolbar: fit, zoom, centre, layout, undo and redo, help. It never shrinks in the top bar; below
 * 1300 px the word "Layout" is for screen readers only (styles/layout.css), so the search box keeps its room.
 */
import { html, render } from 'lit';
import type { Canvas } from '../graph/canvas.ts';
import { LAYOUTS, type LayoutName } from '../state/viewState.ts';

const LAYOUT_NAMES: Record<LayoutName, string> = {
  fcose: 'Force-directed',
  concentric: 'Concentric',
  hierarchical: 'Hierarchical',
  grid: 'Grid',
};

export function mountToolbar(host: HTMLElement, canvas: Canvas, openHelp: () => void): void {
  let layout: LayoutName = canvas.view.layout;
  let canUndo = false;
  let canRedo = false;

  function draw(): void {
    render(
      html`<div class="toolbar" role="toolbar" aria-label="Canvas">
        <button title="Fit to screen (F)" data-testid="fit" @click=${() => canvas.fit()}>Fit</button>
        <button title="Zoom in (+)" aria-label="Zoom in" @click=${() => canvas.zoomBy(1.25)}>+</button>
        <button title="Zoom out (-)" aria-label="Zoom out" @click=${() => canvas.zoomBy(0.8)}>-</button>
        <button title="Centre on the selection (C)" @click=${() => canvas.centre()}>Centre</button>
        <label>
          <span class="toolbar-word">Layout</span>
          <select
            data-testid="layout"
            @change=${(e: Event) => void canvas.runLayout((e.target as HTMLSelectElement).value as LayoutName)}
          >
            ${LAYOUTS.map((l) => html`<option value=${l} ?selected=${l === layout}>${LAYOUT_NAMES[l]}</option>`)}
          </select>
        </label>
        <button title="Undo (Ctrl+Z)" data-testid="undo" ?disabled=${!canUndo} @click=${() => canvas.undo()}>Undo</button>
        <button title="Redo (Ctrl+Shift+Z)" data-testid="redo" ?disabled=${!canRedo} @click=${() => canvas.redo()}>Redo</button>
        <button title="Keyboard shortcuts (?)" aria-label="Help" @click=${openHelp}>?</button>
      </div>`,
      host,
    );
  }

  canvas.on('state', (s) => {
    if (s.layout !== layout) {
      layout = s.layout;
      draw();
    }
  });
  canvas.on('history', (h) => {
    canUndo = h.canUndo;
    canRedo = h.canRedo;
    draw();
  });
  draw();
}
