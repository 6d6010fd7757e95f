/**
 * What the search panel says after a choice, under the search box: that the Filters panel hides the
 * chosen node (its label, or every one of its links), with a button that shows it; and, for a Source,
 * a card with its title, author, publisher, date and link that offers "Draw what it states".
 * Everything from the data is rendered as text by lit; links are only ever http(s).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { NodeData, SearchResult } from '../../../contract/api.ts';
import { linkableUrl } from '../../../contract/importFile.ts';
import type { GraphLabel, NodeLabel, RelationshipType } from '../../../contract/model.ts';
import { TYPE_WORDS } from '../graph/style.ts';
import { describeDate } from '../graph/timeRules.ts';
import { isolated } from './claims.ts';

/** The filters that hide a chosen result: its label, or every type of link it has. */
export interface HiddenBy {
  labels: GraphLabel[];
  types: RelationshipType[];
}

/**
 * Which of the view's filters hide `result`, or null when none does: its label when the label is
 * hidden, else all its relationship types when every one of them is hidden (it would stand alone,
 * nothing it links to ever drawn). Sources are not drawn, so no filter hides them.
 */
export function hiddenBy(
  result: { label: NodeLabel; types: readonly RelationshipType[] },
  view: { hiddenLabels: readonly GraphLabel[]; hiddenTypes: readonly RelationshipType[] },
): HiddenBy | null {
  if (result.label === 'Source') return null;
  if (view.hiddenLabels.includes(result.label)) return { labels: [result.label], types: [] };
  if (result.types.length > 0 && result.types.every((t) => view.hiddenTypes.includes(t))) {
    return { labels: [], types: [...result.types] };
  }
  return null;
}

/** "Hidden by the filter Person — Show it", or, for links, "Its links are hidden by the filter led by — Show them". */
export function filterNotice(hidden: HiddenBy, showIt: () => void, dismiss: () => void): TemplateResult {
  const links = hidden.labels.length === 0;
  const what = links ? hidden.types.map((t) => TYPE_WORDS[t]).join(', ') : hidden.labels.join(', ');
  const filters = (links ? hidden.types : hidden.labels).length > 1 ? 'filters' : 'filter';
  return html`<div class="search-note" role="status" data-testid="search-filter-notice">
    <span>${links ? 'Its links are hidden' : 'Hidden'} by the ${filters} <strong>${what}</strong> —</span>
    <button class="primary" data-testid="search-show-hidden" @click=${showIt}>${links ? 'Show them' : 'Show it'}</button>
    <button class="link" aria-label="Dismiss" @click=${dismiss}>×</button>
  </div>`;
}

/** A chosen Source and what became of drawing it. */
export interface SourceCardState {
  result: SearchResult;
  /** The source's properties (GET /api/nodes/:id); null while they load. */
  detail: NodeData | null;
  drawing: boolean;
  /** What the last draw did, or why it failed. */
  outcome: { text: string; error: boolean } | null;
}

const str = (d: NodeData | null, key: string) => (d && typeof d[key] === 'string' ? (d[key] as string) : null);

/** What a draw did, in words: "Drew 5 nodes and 8 links that cite it." */
export function drawnText(nodes: number, edges: number, truncated: boolean): string {
  if (nodes === 0 && edges === 0) return 'Nothing in the database cites this source.';
  const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  return `Drew ${plural(nodes, 'node')} and ${plural(edges, 'link')} that cite it${truncated ? ' (the first ones; more cite it)' : ''}.`;
}

/** The card of a chosen Source: what it is, where it is, and the button that draws what it states. */
export function sourceCard(card: SourceCardState, draw: () => void, close: () => void): TemplateResult {
  const d = card.detail;
  const title = str(d, 'title') ?? card.result.title ?? card.result.name;
  const meta = isolated(
    [str(d, 'author'), str(d, 'publisher'), str(d, 'date') ? describeDate(str(d, 'date')!) : null],
    ' · ',
  );
  // http(s) only: data stored before imports checked it may hold a javascript: or data: URL.
  const url = linkableUrl(str(d, 'url'));
  return html`<section class="search-note search-card" aria-label="Source" data-testid="search-source-card" data-id=${card.result.id}>
    <header>
      <span class="badge badge-Source">Source</span>
      <bdi class="muted">${card.result.name}</bdi>
      <button class="link" aria-label="Close" @click=${close}>×</button>
    </header>
    <cite dir="auto">${title}</cite>
    ${meta ? html`<div class="meta">${meta}</div>` : nothing}
    ${url ? html`<a href=${url} target="_blank" rel="noopener noreferrer">${url}</a>` : nothing}
    ${str(d, 'description') ? html`<p class="description" dir="auto">${str(d, 'description')}</p>` : nothing}
    <div class="actions">
      <button class="primary" data-testid="draw-source-claims" ?disabled=${card.drawing} @click=${draw}>
        ${card.drawing ? 'Drawing…' : 'Draw what it states'}
      </button>
    </div>
    ${
      card.outcome
        ? html`<p class=${card.outcome.error ? 'error' : 'muted'} data-testid="source-claims-outcome">${card.outcome.text}</p>`
        : nothing
    }
  </section>`;
}
