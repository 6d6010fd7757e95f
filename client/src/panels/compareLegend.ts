/**
 * The comparison's legend on the canvas (top right, over it): dates A and B, and for added, ended,
 * held and "came and went" a sample of how it is drawn (graph/style.ts COMPARE_LOOK: colour and line
 * style) with how many links and nodes it counts. Drawn while comparing, gone when cleared.
 */
import { html, nothing, render } from 'lit';
import type { Canvas } from '../graph/canvas.ts';
import { describeDate } from '../graph/claimWords.ts';
import type { CompareResult } from '../graph/compareLook.ts';
import { COMPARE_LOOK } from '../graph/style.ts';
import { countWords, type LegendKey, legendRows } from './compareWords.ts';

function swatch(key: LegendKey) {
  if (key === 'between') return html`<span class="swatch" style="border-top:3px solid #8c8c8c;opacity:0.3"></span>`;
  const look = COMPARE_LOOK[key];
  return html`<span class="swatch" style="border-top:${Math.min(5, Math.round(look.width))}px ${look.line} ${look.colour}"></span>`;
}

export function mountCompareLegend(host: HTMLElement, canvas: Canvas): void {
  function draw(result: CompareResult | null): void {
    if (!result) {
      render(nothing, host);
      host.hidden = true;
      return;
    }
    host.hidden = false;
    render(
      html`<div class="compare-legend" data-testid="compare-legend" role="group" aria-label="Comparison of two dates">
        <strong>${describeDate(result.a)} → ${describeDate(result.b)}</strong>
        <ul>
          ${legendRows(result).map(
            (row) => html`<li data-change=${row.key}>
              ${swatch(row.key)}<span class="words">${row.words}</span>
              <span class="count" data-testid=${`legend-${row.key}`}>${countWords(row.links, row.nodes)}</span>
            </li>`,
          )}
        </ul>
      </div>`,
      host,
    );
  }
  canvas.comparison.onResult(draw);
  draw(canvas.comparison.result);
}
