/**
 * Compare two dates (beside the time panel): dates A and B (checked: both days, A not after B, a
 * message otherwise), Compare and Clear. Comparing sets the view model's `compare` (undoable, saved
 * with the investigation); the scene colours what was added, ended and held (graph/compareLook.ts)
 * and panels/compareLegend.ts draws the legend. The panel lists the groups (a click selects and
 * centres the element), including what came and went between A and B (held on neither day, faded on
 * the canvas). It says which date the canvas is at: while comparing the canvas draws every date.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import type { RelationshipType } from '../../../contract/model.ts';
import type { Canvas } from '../graph/canvas.ts';
import { describeDate } from '../graph/claimWords.ts';
import type { CompareResult } from '../graph/compareLook.ts';
import { TYPE_WORDS } from '../graph/style.ts';
import { checkDates, countWords, type LegendKey, legendRows } from './compareWords.ts';
import { focusElement } from './notesEditor.ts';

/** Most elements one group lists (the legend counts them all). */
const LIST_MAX = 200;

export function mountCompare(host: HTMLElement, canvas: Canvas): void {
  let a = canvas.model.compare?.a ?? '';
  let b = canvas.model.compare?.b ?? '';
  let error: string | null = null;
  let result: CompareResult | null = canvas.comparison.result;

  function compare(): void {
    const checked = checkDates(a, b);
    if ('error' in checked) {
      error = checked.error;
      draw();
      return;
    }
    error = null;
    if (!canvas.model.setCompare(checked.compare)) error = 'This view is read-only.';
    draw();
  }

  function clear(): void {
    error = null;
    if (canvas.model.compare) canvas.model.setCompare(null);
    draw();
  }

  function names() {
    const edges = new Map(canvas.drawnElements().edges.map((e) => [e.id, e] as const));
    const node = (id: string) => canvas.nodeName(id) ?? id;
    const edge = (id: string) => {
      const e = edges.get(id);
      return e ? `${node(e.source)} ${TYPE_WORDS[e.type as RelationshipType] ?? e.type} ${node(e.target)}` : id;
    };
    return { node, edge };
  }

  function group(
    key: LegendKey,
    words: string,
    ids: { nodes: string[]; edges: string[] },
    n: ReturnType<typeof names>,
  ): TemplateResult {
    const items = [
      ...ids.edges.map((id) => ({ id, name: n.edge(id) })),
      ...ids.nodes.map((id) => ({ id, name: n.node(id) })),
    ];
    return html`<details class="compare-group" data-testid=${`compare-${key}`}>
      <summary title="Show the list">${words}: ${countWords(ids.edges.length, ids.nodes.length)}</summary>
      <ul>
        ${items.slice(0, LIST_MAX).map(
          (item) => html`<li><button type="button" class="link" data-element-id=${item.id}
            @click=${() => focusElement(canvas, item.id)}><bdi>${item.name}</bdi></button></li>`,
        )}
        ${items.length > LIST_MAX ? html`<li class="muted">and ${items.length - LIST_MAX} more</li>` : nothing}
      </ul>
    </details>`;
  }

  function lists(r: CompareResult): TemplateResult {
    const rows = legendRows(r);
    const of = (key: LegendKey) => (key === 'between' ? r.between : { nodes: r.nodes[key], edges: r.edges[key] });
    const n = names();
    return html`<div class="compare-lists">${rows.map((row) => group(row.key, row.words, of(row.key), n))}</div>`;
  }

  function draw(): void {
    const asOf = canvas.view.asOf;
    const comparing = canvas.model.compare;
    render(
      html`<div class="compare" data-testid="compare-panel">
        <form class="compare-controls" @submit=${(e: Event) => {
          e.preventDefault();
          compare();
        }}>
          <strong>Compare dates</strong>
          <label>A <input type="date" data-testid="compare-a" .value=${a}
            @input=${(e: Event) => (a = (e.target as HTMLInputElement).value)} /></label>
          <label>B <input type="date" data-testid="compare-b" .value=${b}
            @input=${(e: Event) => (b = (e.target as HTMLInputElement).value)} /></label>
          <button type="submit" data-testid="compare-run" ?disabled=${canvas.model.readOnly}>Compare</button>
          <button type="button" data-testid="compare-clear" ?disabled=${!comparing || canvas.model.readOnly}
            @click=${clear}>Clear</button>
          ${error ? html`<span class="error" role="alert" data-testid="compare-error">${error}</span>` : nothing}
          <span class="muted" data-testid="compare-canvas-date">${
            comparing
              ? asOf
                ? `The time panel is at ${describeDate(asOf)}; while comparing, the canvas shows every date of the view: what held on A or B.`
                : 'The canvas shows all dates: what held on A or B is coloured, the rest faded.'
              : asOf
                ? `The canvas is at ${describeDate(asOf)}.`
                : 'The canvas shows all dates.'
          }</span>
        </form>
        ${comparing && result ? lists(result) : nothing}
      </div>`,
      host,
    );
  }

  canvas.model.on('compare', (c) => {
    // Undo, redo and a reopened investigation put the dates back in the inputs.
    if (c) {
      a = c.a;
      b = c.b;
    }
    draw();
  });
  canvas.comparison.onResult((r) => {
    result = r;
    draw();
  });
  canvas.on('state', () => draw());
  draw();
}
