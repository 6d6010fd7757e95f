/**
 * Lineage: for the selected faction, its genealogy of mergers, joins and departures, drawn top-down
 * on the canvas (graph/layouts.ts lineageLayout) and listed here in time order; each change is a
 * button that selects the link or faction it concerns. "Back to the network" closes it.
 */
import { html, nothing, render } from 'lit';
import type { LineageResponse } from '../../../contract/api.ts';
import type { Canvas, Selected } from '../graph/canvas.ts';
import { asDateQualifier, describeClaim, describeDate, describeQualifiedDate } from '../graph/claimWords.ts';

type LineageEvent = LineageResponse['events'][number];

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

  const edgeOf = (ev: LineageEvent) => (ev.edge ? lineage?.edges.find((e) => e.data.id === ev.edge)?.data : undefined);

  function eventText(ev: LineageEvent): string {
    const edge = edgeOf(ev);
    const words = KIND_WORDS[ev.kind];
    const how = edge ? describeClaim(edge.qualifier, edge.claimedBy) : null;
    const hedge = how ? ` (${how})` : '';
    if (edge && (ev.kind === 'joined' || ev.kind === 'merged' || ev.kind === 'left' || ev.kind === 'split')) {
      return `${name(edge.source)} ${words} ${name(edge.target)}${hedge}`;
    }
    return `${name(ev.node)} ${words}${hedge}`;
  }

  /** The change's date as its source states it: "October 2015", "by 6 January 2017". */
  function eventDate(ev: LineageEvent): string {
    const edge = edgeOf(ev);
    const node = lineage?.nodes.find((n) => n.data.id === ev.node)?.data;
    let stated: unknown;
    if (edge) stated = ev.kind === 'joined' || ev.kind === 'merged' ? edge.fromQualifier : edge.toQualifier;
    else stated = ev.kind === 'founded' ? node?.foundedQualifier : node?.dissolvedQualifier;
    const qualifier = asDateQualifier(stated);
    return qualifier ? describeQualifiedDate(ev.date, qualifier) : describeDate(ev.date);
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
                <time>${eventDate(ev)}</time> <span dir="auto">${eventText(ev)}</span>
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
