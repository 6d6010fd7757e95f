/**
 * Lineage: for the selected faction, its genealogy of mergers, joins and departures, drawn top-down
 * on the canvas (graph/layouts.ts lineageLayout) and listed here in time order; each change is a
 * button that selects the link or faction it concerns. "Back to the network" closes it.
 */
import { html, nothing, render } from 'lit';
import type { LineageResponse } from '../../../contract/api.ts';
import type { Canvas, Selected } from '../graph/canvas.ts';
import { describeDate } from '../graph/timeRules.ts';

const KIND_WORDS: Record<LineageResponse['events'][number]['kind'], string> = {
  joined: 'joined',
  left: 'left',
  absorbed: 'merged away, ending its membership of',
  merged: 'merged into',
  split: 'split from',
  founded: 'founded',
  dissolved: 'dissolved',
};

export function mountLineage(host: HTMLElement, canvas: Canvas): void {
  let lineage: LineageResponse | null = null;
  let selected: Selected | null = null;

  const name = (id: string) => canvas.nodeName(id) ?? id;

  function eventText(ev: LineageResponse['events'][number]): string {
    const edge = ev.edge ? lineage?.edges.find((e) => e.data.id === ev.edge)?.data : undefined;
    const words = KIND_WORDS[ev.kind];
    if (edge && (ev.kind === 'joined' || ev.kind === 'merged' || ev.kind === 'left' || ev.kind === 'split')) {
      return `${name(edge.source)} ${words} ${name(edge.target)}`;
    }
    return `${name(ev.node)} ${words}`;
  }

  function draw(): void {
    const faction = selected?.kind === 'node' && selected.data.label === 'Faction' ? selected.data : null;
    if (!lineage) {
      render(
        html`<h2>Lineage</h2>
          <p class="muted">${faction ? html`Genealogy of <span dir="auto">${faction.name}</span>:` : 'Select a faction to see its mergers, joins and departures.'}</p>
          <button data-testid="open-lineage" ?disabled=${!faction} @click=${() => faction && void canvas.openLineage(faction.id)}>
            Show lineage
          </button>`,
        host,
      );
      return;
    }
    const current = lineage;
    render(
      html`<h2>Lineage</h2>
        <p data-testid="lineage-title">Lineage of <strong dir="auto">${name(current.root)}</strong></p>
        <button @click=${() => void canvas.closeLineage()}>Back to the network</button>
        ${current.events.length === 0 ? html`<p class="muted">No dated changes.</p>` : nothing}
        <ol class="lineage-events" data-testid="lineage-events">
          ${current.events.map(
            (ev) => html`<li>
              <button @click=${() => canvas.select(ev.edge ?? ev.node)}>
                <time>${describeDate(ev.date)}</time> <span dir="auto">${eventText(ev)}</span>
              </button>
            </li>`,
          )}
        </ol>`,
      host,
    );
  }

  canvas.on('lineage', (l) => {
    lineage = l;
    draw();
  });
  canvas.on('selection', (sel) => {
    selected = sel;
    draw();
  });
  draw();
}
