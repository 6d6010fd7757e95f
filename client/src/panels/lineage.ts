/**
 * Lineage: for the selected faction, its genealogy of mergers, joins and departures, drawn top-down
 * on the canvas (graph/layouts.ts lineageLayout) and listed here in time order; each change is a
 * button that selects the link or faction it concerns. "Back to the network" closes it.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import type { LineageResponse } from '../../../contract/api.ts';
import type { Canvas, Selected } from '../graph/canvas.ts';
import { asDateQualifier, describeClaim, describeDate, describeQualifiedDate } from '../graph/claimWords.ts';

type LineageEvent = LineageResponse['events'][number];

const KIND_WORDS: Record<Exclude<LineageEvent['kind'], 'absorbed'>, string> = {
  joined: 'joined',
  left: 'left',
  merged: 'merged into',
  split: 'split from',
  founded: 'founded',
  dissolved: 'dissolved',
};

/** Two partial dates name the same time at the precision of the less precise one ("2015-10", "2015-10-28"). */
const agree = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

/**
 * One line of the list: a change, and the memberships that ended with it when it is a merger (each
 * `absorbed` event is said in its merger's line, "…, ending its membership of …", not again on its own).
 */
interface Line {
  ev: LineageEvent;
  ended: LineageEvent[];
}

/** The changes as lines: an absorbed membership joins the line of its member's merger when that is listed. */
export function lineageLines(events: readonly LineageEvent[]): Line[] {
  const lines: Line[] = events.map((ev) => ({ ev, ended: [] }));
  return lines.filter((line) => {
    const { ev } = line;
    if (ev.kind !== 'absorbed') return true;
    const merger = lines.find((l) => l.ev.kind === 'merged' && l.ev.node === ev.node && agree(l.ev.date, ev.date));
    if (!merger) return true;
    merger.ended.push(ev);
    return false;
  });
}

export function mountLineage(host: HTMLElement, canvas: Canvas): void {
  let lineage: LineageResponse | null = null;
  let selected: Selected | null = null;

  const name = (id: string) => canvas.nodeName(id) ?? id;
  /** A name isolated from the words around it, so a right-to-left name cannot reorder the line. */
  const named = (id: string) => html`<bdi>${name(id)}</bdi>`;

  const edgeOf = (ev: LineageEvent) => (ev.edge ? lineage?.edges.find((e) => e.data.id === ev.edge)?.data : undefined);

  function hedgeOf(ev: LineageEvent): string {
    const edge = edgeOf(ev);
    const how = edge ? describeClaim(edge.qualifier, edge.claimedBy) : null;
    return how ? ` (${how})` : '';
  }

  /** What the member merged into when its membership ended (the MERGED_INTO of that time), if drawn. */
  function mergedInto(ev: LineageEvent): string | null {
    const merger = lineage?.edges.find(
      (e) => e.data.type === 'MERGED_INTO' && e.data.source === ev.node && e.data.from && agree(e.data.from, ev.date),
    );
    return merger?.data.target ?? null;
  }

  function eventText(ev: LineageEvent): TemplateResult {
    const edge = edgeOf(ev);
    const hedge = hedgeOf(ev);
    if (edge && ev.kind === 'absorbed') {
      const into = mergedInto(ev);
      return html`${named(ev.node)}’s membership of ${named(edge.target)} ended when it merged${
        into ? html` into ${named(into)}` : ' into another faction'
      }${hedge}`;
    }
    const words = ev.kind === 'absorbed' ? 'merged away' : KIND_WORDS[ev.kind];
    if (edge) return html`${named(edge.source)} ${words} ${named(edge.target)}${hedge}`;
    return html`${named(ev.node)} ${words}${hedge}`;
  }

  /**
   * The memberships a merger ended, said after it, each a button that selects its link: "…, of which it
   * had been a member" (a member of the faction it merged into), "…, ending its membership of X and Y".
   */
  function endedText(merger: LineageEvent, ended: readonly LineageEvent[]): TemplateResult | typeof nothing {
    const into = edgeOf(merger)?.target;
    const memberships = ended.flatMap((ev) => {
      const edge = edgeOf(ev);
      return edge ? [{ ev, edge }] : [];
    });
    const link = ({ ev, edge }: (typeof memberships)[number], words: TemplateResult) =>
      html`<button class="lineage-membership" data-edge-id=${edge.id} @click=${() => canvas.select(edge.id)}>${words}${hedgeOf(ev)}</button>`;
    const same = memberships.filter((m) => m.edge.target === into);
    const others = memberships.filter((m) => m.edge.target !== into);
    return html`${same.slice(0, 1).map((m) => html`, ${link(m, html`of which it had been a member`)}`)}${
      others.length === 0
        ? nothing
        : html`, ending its membership of
            ${others.map(
              (m, i) =>
                html`${i === 0 ? nothing : i === others.length - 1 ? ' and ' : ', '}${link(m, named(m.edge.target))}`,
            )}`
    }`;
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
          <p class="muted">${faction ? html`Genealogy of <bdi>${faction.name}</bdi>:` : 'Select a faction to see its mergers, joins and departures.'}</p>
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
        <p data-testid="lineage-title">Lineage of <strong><bdi>${name(current.root)}</bdi></strong></p>
        <button @click=${() => void canvas.closeLineage()}>Back to the network</button>
        ${current.events.length === 0 ? html`<p class="muted">No dated changes.</p>` : nothing}
        <ol class="lineage-events" data-testid="lineage-events">
          ${lineageLines(current.events).map(
            ({ ev, ended }) => html`<li>
              <button class="lineage-change" @click=${() => canvas.select(ev.edge ?? ev.node)}>
                <time>${eventDate(ev)}</time> ${eventText(ev)}</button
              >${endedText(ev, ended)}
            </li>`,
          )}
        </ol>`,
      host,
    );
  }

  canvas.on('lineage', (l) => {
    const opened = l !== null && l.root !== lineage?.root;
    lineage = l;
    draw();
    // The list sits low in the left sidebar: bring it into view when a lineage opens (L, the menu, a link).
    if (opened) host.scrollIntoView({ block: 'start' });
  });
  canvas.on('selection', (sel) => {
    selected = sel;
    draw();
  });
  draw();
}
