/**
 * The status bar: "N nodes, M edges" on screen (data-testid="graph-stats"), how many are hidden,
 * expansions the API cut short with a button to fetch the rest ("N more"), whether the server is being
 * asked, whether the view is not the graph as it stands now ("as known on" a past day), and the last
 * problem.
 */
import { html, nothing, render } from 'lit';
import type { Canvas, Stats, Truncation } from '../graph/canvas.ts';
import { describeKnownOn } from '../history/knownOnWords.ts';

export function mountStatus(host: HTMLElement, canvas: Canvas): void {
  let stats: Stats = canvas.stats();
  let truncations: readonly Truncation[] = [];
  let busy = false;
  let problem: string | null = null;
  let knownOn: string | null = canvas.view.knownOn;

  function draw(): void {
    render(
      html`<div class="status" role="status" aria-live="polite">
        <span data-testid="graph-stats">${stats.nodes} nodes, ${stats.edges} edges</span>
        ${stats.hidden > 0 ? html`<span class="muted" data-testid="hidden-stats">(${stats.hidden} hidden)</span>` : nothing}
        ${
          knownOn
            ? html`<span class="known-on-status" data-testid="known-on-status"
                >Not now: as known ${knownOn.length > 10 ? '' : 'on '}${describeKnownOn(knownOn)}</span
              >`
            : nothing
        }
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
  canvas.on('state', (s) => {
    if (s.knownOn === knownOn) return;
    knownOn = s.knownOn;
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
