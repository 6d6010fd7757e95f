/**
 * The status bar: "N nodes, M edges" on screen (data-testid="graph-stats"), how many are hidden,
 * expansions the API cut short with a button to fetch the rest ("N more"), whether the server is being
 * asked, and the last problem.
 */
import { html, nothing, render } from 'lit';
import type { Canvas, Stats, Truncation } from '../graph/canvas.ts';

export function mountStatus(host: HTMLElement, canvas: Canvas): void {
  let stats: Stats = canvas.stats();
  let truncations: readonly Truncation[] = [];
  let busy = false;
  let problem: string | null = null;

  function draw(): void {
    render(
      html`<div class="status" role="status" aria-live="polite">
        <span data-testid="graph-stats">${stats.nodes} nodes, ${stats.edges} edges</span>
        ${stats.hidden > 0 ? html`<span class="muted" data-testid="hidden-stats">(${stats.hidden} hidden)</span>` : nothing}
        ${busy ? html`<span class="busy" data-testid="busy">loading…</span>` : nothing}
        ${truncations.map(
          (t) => html`<span class="truncation" data-testid="truncation">
            <span dir="auto">${canvas.nodeName(t.expansion.id) ?? t.expansion.id}</span>:
            ${
              t.overflow && t.more === 0
                ? 'more than the API gives at once'
                : html`<button data-testid="fetch-more" @click=${() => void canvas.fetchMore(t)}>${t.more}${t.overflow ? '+' : ''} more</button>`
            }
          </span>`,
        )}
        ${
          problem
            ? html`<span class="error" data-testid="problem">${problem}
              <button aria-label="Dismiss" @click=${() => {
                problem = null;
                draw();
              }}>×</button></span>`
            : nothing
        }
      </div>`,
      host,
    );
  }

  canvas.on('stats', (s) => {
    stats = s;
    draw();
  });
  canvas.on('truncations', (t) => {
    truncations = t;
    draw();
  });
  canvas.on('busy', (b) => {
    busy = b;
    draw();
  });
  canvas.on('problem', (p) => {
    problem = p;
    draw();
  });
  draw();
}
