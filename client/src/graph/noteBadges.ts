/**
 * Notes as badges on the canvas (part of graph/canvas.ts's scene): a small count at the top right of
 * each noted node and at the middle of each noted link, and one for the canvas's own notes in its top
 * left corner. The badges are HTML in a layer over the canvas (beside the Cytoscape container, which
 * the scene empties when it rebuilds its instance), placed from each element's rendered position:
 * only noted elements are looked at, once per frame Cytoscape renders (pans, zooms, drags, layouts),
 * so 1,000 nodes with a few dozen notes cost a few dozen look-ups a frame.
 *
 * Counts are numbers the badge writes as text; a note's own text never reaches this layer.
 */
import type { Core, EdgeSingular } from 'cytoscape';
import type { Annotation } from '../../../contract/investigation.ts';
import type { ViewModel } from '../model/viewModel.ts';

/** Notes per noted element id ('' for the canvas). */
export function noteCounts(notes: readonly Annotation[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const n of notes) {
    const key = n.target.kind === 'canvas' ? '' : n.target.id;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export class NoteBadges {
  private readonly layer: HTMLElement;
  private bound: Core | null = null;
  private counts = new Map<string, number>();
  private frame = 0;
  /** Called when the canvas's own badge is clicked (the notes panel sets it, to show them). */
  onCanvasBadge: () => void = () => {};

  constructor(
    container: HTMLElement,
    private readonly cy: () => Core,
    model: ViewModel,
  ) {
    this.layer = document.createElement('div');
    this.layer.className = 'note-badges';
    this.layer.dataset.testid = 'note-badges';
    (container.parentElement ?? container).append(this.layer);
    model.on('annotations', (notes) => {
      this.counts = noteCounts(notes);
      this.refresh();
    });
    this.counts = noteCounts(model.annotations);
    this.refresh();
  }

  /** Places the badges again on the next frame (after a draw, or when the notes change). */
  refresh(): void {
    const cy = this.cy();
    if (cy !== this.bound) {
      // The scene rebuilds its instance for large views: follow the new one.
      this.bound = cy;
      cy.on('render', () => this.schedule());
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.place();
    });
  }

  private place(): void {
    const cy = this.cy();
    const wanted = new Map<string, { x: number; y: number; count: number }>();
    for (const [id, count] of this.counts) {
      if (id === '') continue;
      const ele = cy.getElementById(id);
      if (ele.empty() || !ele.visible()) continue;
      if (ele.isNode()) {
        const p = ele.renderedPosition();
        const half = ele.renderedOuterWidth() / 2;
        wanted.set(id, { x: p.x + half * 0.75, y: p.y - half * 0.75, count });
      } else {
        const m = (ele as unknown as EdgeSingular).renderedMidpoint();
        wanted.set(id, { x: m.x, y: m.y - 10, count });
      }
    }
    const existing = new Map<string, HTMLElement>();
    for (const el of this.layer.querySelectorAll<HTMLElement>('[data-note-badge]')) {
      const id = el.dataset.noteBadge ?? '';
      if (!wanted.has(id)) el.remove();
      else existing.set(id, el);
    }
    for (const [id, at] of wanted) {
      let el = existing.get(id);
      if (!el) {
        el = document.createElement('span');
        el.className = 'note-badge';
        el.dataset.noteBadge = id;
        this.layer.append(el);
      }
      const text = String(at.count);
      if (el.textContent !== text) el.textContent = text;
      el.title = `${at.count} note${at.count === 1 ? '' : 's'}`;
      el.style.transform = `translate(${Math.round(at.x)}px, ${Math.round(at.y)}px) translate(-50%, -50%)`;
    }
    this.placeCanvasBadge(this.counts.get('') ?? 0);
  }

  private placeCanvasBadge(count: number): void {
    let el = this.layer.querySelector<HTMLButtonElement>('.canvas-note-badge');
    if (count === 0) {
      el?.remove();
      return;
    }
    if (!el) {
      el = document.createElement('button');
      el.type = 'button';
      el.className = 'canvas-note-badge';
      el.dataset.testid = 'canvas-note-badge';
      el.addEventListener('click', () => this.onCanvasBadge());
      this.layer.append(el);
    }
    el.textContent = `${count} note${count === 1 ? '' : 's'} on the canvas`;
  }
}
