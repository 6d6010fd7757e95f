/**
 * Details of the selected node or edge: every property, its interval in words, and its sources
 * (title, publisher, date, link), fetched from the API. All data is rendered as text by lit; links
 * are only ever http(s). Also the actions that apply to the selection, for keyboard users.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import type { EdgeData, NodeData, SourceData } from '../../../contract/api.ts';
import { linkableUrl } from '../../../contract/importFile.ts';
import type { Api } from '../api.ts';
import type { Canvas, Selected, Truncation } from '../graph/canvas.ts';
import { DRAWING_FIELDS, TYPE_WORDS } from '../graph/style.ts';
import {
  claimInterval,
  describeClaim,
  describeDate,
  describeFigure,
  describeNodeTime,
  figureOf,
} from '../graph/claimWords.ts';
import { claimGroupsFor, claimTables, type ClaimGroup, isolated } from './claims.ts';
import type { DetailsExtras } from './notesDetails.ts';
import { commandTitle } from './readOnly.ts';
import { RELIABILITY_WORDS, reliabilityOf } from '../../../contract/grades.ts';
import { gradeText, gradeTitle } from '../grades/gradeWords.ts';
import { sourceGrades } from '../grades/sourceGrades.ts';

export interface DetailsActions {
  pathFrom(id: string): void;
  pathTo(id: string): void;
}

/** Shown elsewhere in the panel, or only for drawing. */
const SKIP = new Set<string>([
  ...DRAWING_FIELDS,
  'sources',
  'name',
  'label',
  'id',
  'source',
  'target',
  'type',
  'from',
  'to',
  'description',
  // Said in words above the properties (graph/claimWords.ts), with their qualifiers and bounds.
  'validFrom',
  'validTo',
  'fromQualifier',
  'toQualifier',
  'qualifier',
  'claimedBy',
  'casualties',
  'casualtiesBound',
  'casualtiesCounted',
  'dateQualifier',
  'foundedQualifier',
  'dissolvedQualifier',
]);

/** A Source node, as GET /api/nodes/:id returns it, in the shape a node's own sources come in. */
function asSource(node: NodeData): SourceData {
  const str = (k: string) => (typeof node[k] === 'string' ? (node[k] as string) : null);
  return {
    ...node,
    title: str('title'),
    number: typeof node.number === 'number' ? node.number : null,
    publisher: str('publisher'),
    author: str('author'),
    date: str('date'),
    url: str('url'),
  };
}

function value(v: unknown): TemplateResult | string {
  // <bdi> isolates each value: an Arabic alias reads right to left inside the left-to-right list, bullet in place.
  if (Array.isArray(v)) return html`<ul class="values">${v.map((x) => html`<li><bdi>${String(x)}</bdi></li>`)}</ul>`;
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return html`<span dir="auto">${String(v)}</span>`;
}

function properties(data: Record<string, unknown>): TemplateResult {
  const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
  const rows = Object.entries(data).filter(([k, v]) => !SKIP.has(k) && !empty(v));
  return html`<dl class="properties">
    <dt>id</dt><dd><code>${String(data.id)}</code></dd>
    ${rows.map(([k, v]) => html`<dt>${k}</dt><dd>${value(v)}</dd>`)}
  </dl>`;
}

function sourceItem(s: SourceData): TemplateResult {
  // http(s) only: data stored before imports checked it may hold a javascript: or data: URL.
  const url = linkableUrl(s.url);
  const meta = isolated([s.author, s.publisher, s.date ? describeDate(s.date) : null], ' · ');
  const reliability = reliabilityOf(sourceGrades.lookup(s.id) ?? s.reliability);
  return html`<li class="source" data-source-id=${s.id}>
    <span class="grade" data-testid="source-reliability" title=${`Source reliability ${reliability}: ${RELIABILITY_WORDS[reliability]}`}
      >${reliability}</span>
    <cite dir="auto">${s.title ?? s.name}</cite>
    ${meta ? html`<div class="meta">${meta}</div>` : nothing}
    ${url ? html`<a href=${url} target="_blank" rel="noopener noreferrer">${url}</a>` : html`<div class="meta">no link</div>`}
  </li>`;
}

export function mountDetails(
  host: HTMLElement,
  canvas: Canvas,
  api: Api,
  actions: DetailsActions,
  /** Notes and "How did this get here?" for the selection (panels/notesDetails.ts). */
  extras?: DetailsExtras,
): DetailsPanel {
  extras?.setRedraw(() => draw());
  let selected: Selected | null = null;
  let sources: SourceData[] | null = null;
  let sourcesError: string | null = null;
  let truncations: readonly Truncation[] = [];
  let request = 0;
  let claimGroups: ClaimGroup[] = [];
  let claimsRequest = 0;
  const sourceCache = new Map<string, Promise<SourceData | null>>();

  function sourceById(id: string): Promise<SourceData | null> {
    if (!sourceCache.has(id)) {
      sourceCache.set(
        id,
        api.node(id).then(
          (d) => asSource(d.node),
          () => null,
        ),
      );
    }
    return sourceCache.get(id)!;
  }

  async function loadSources(sel: Selected): Promise<void> {
    const mine = ++request;
    sources = null;
    sourcesError = null;
    try {
      const cited = Array.isArray(sel.data.sources) ? sel.data.sources : [];
      if (cited.length === 0) sources = [];
      else if (sel.kind === 'node') sources = (await api.node(sel.data.id)).sources;
      else {
        const found = await Promise.all(((sel.data as EdgeData).sources ?? []).map(sourceById));
        sources = found.filter((s): s is SourceData => s !== null);
      }
    } catch (err) {
      sourcesError = err instanceof Error ? err.message : String(err);
    }
    if (mine === request) draw();
  }

  /** Parallel claims to compare for the selection (none when the selection has no parallels). */
  async function loadClaims(sel: Selected): Promise<void> {
    const mine = ++claimsRequest;
    claimGroups = [];
    const groups = await claimGroupsFor(api, sel, {
      sourceById,
      nodeName: (id) => canvas.nodeName(id),
      knownOn: canvas.view.knownOn,
    }).catch(() => []);
    if (mine !== claimsRequest) return;
    claimGroups = groups;
    draw();
  }

  /** A link's figure, what it counts and how it is stated, in words. */
  function claimView(d: EdgeData): TemplateResult | typeof nothing {
    const figure = figureOf(d);
    const how = describeClaim(d.qualifier, d.claimedBy);
    const counted = typeof d.casualtiesCounted === 'string' ? d.casualtiesCounted : null;
    if (!figure && !how && !counted) return nothing;
    return html`<p class="claim" data-testid="edge-claim">
      ${figure ? html`<strong>${describeFigure(figure.figure, figure.bound)}</strong>` : nothing}
      ${counted ? html`<bdi>${counted}</bdi>` : nothing}
      ${how ? html`<em>(${how})</em>` : nothing}
    </p>`;
  }

  function nodeView(d: NodeData): TemplateResult {
    const more = truncations.filter((t) => t.expansion.id === d.id);
    const interval = describeNodeTime(d);
    const ro = canvas.model.readOnly;
    return html`<h2 dir="auto">${d.name}</h2>
      <p class="kind"><span class="badge badge-${d.label}">${d.label}</span> ${typeof d.kind === 'string' ? d.kind : ''}</p>
      ${interval ? html`<p class="interval" data-testid="node-interval">${interval}</p>` : nothing}
      ${typeof d.description === 'string' ? html`<p class="description" dir="auto">${d.description}</p>` : nothing}
      <div class="actions">
        <button ?disabled=${ro} title=${commandTitle(ro) || nothing} data-testid="details-expand" @click=${() => void canvas.expandNeighbourhood(d.id)}>Expand</button>
        ${d.label === 'Faction' ? html`<button ?disabled=${ro} title=${commandTitle(ro) || nothing} @click=${() => void canvas.openLineage(d.id)}>Lineage</button>` : nothing}
        <button ?disabled=${ro} title=${commandTitle(ro) || nothing} @click=${() => actions.pathFrom(d.id)}>Path from</button>
        <button ?disabled=${ro} title=${commandTitle(ro) || nothing} @click=${() => actions.pathTo(d.id)}>Path to</button>
        ${more.map((t) => html`<button class="more" ?disabled=${ro} title=${commandTitle(ro) || nothing} @click=${() => void canvas.fetchMore(t)}>Fetch ${t.more}${t.overflow ? '+' : ''} more</button>`)}
      </div>
      <h3>Properties</h3>
      ${properties(d)}`;
  }

  function edgeView(d: EdgeData): TemplateResult {
    const name = (id: string) => canvas.nodeName(id) ?? id;
    return html`<h2>
        <bdi>${name(d.source)}</bdi>
        <span class="type">${TYPE_WORDS[d.type] ?? d.type}</span>
        <bdi>${name(d.target)}</bdi>
      </h2>
      <p class="interval" data-testid="edge-interval">${claimInterval(d) ?? 'undated'}</p>
      <p class="grade-line">Grade
        <span class="grade" data-testid="edge-grade" title=${gradeTitle(d, sourceGrades.lookup)}>${gradeText(d, sourceGrades.lookup)}</span>
      </p>
      ${claimView(d)}
      ${typeof d.description === 'string' ? html`<p class="description" dir="auto">${d.description}</p>` : nothing}
      <h3>Properties</h3>
      ${properties({ ...d, relationship: d.type, from: undefined, to: undefined })}`;
  }

  function draw(): void {
    if (!selected) {
      render(
        html`<h2 class="muted">Details</h2><p class="muted">Select a node or a link to see its properties and sources.</p>`,
        host,
      );
      return;
    }
    const sel = selected;
    render(
      html`${sel.count > 1 ? html`<p class="muted">${sel.count} selected; showing one.</p>` : nothing}
        ${sel.kind === 'node' ? nodeView(sel.data as NodeData) : edgeView(sel.data as EdgeData)}
        ${claimTables(claimGroups, sel.data.id, (id) => canvas.select(id))}
        ${extras ? extras.view({ kind: sel.kind, id: sel.data.id }) : nothing}
        <h3>Sources</h3>
        ${
          sourcesError
            ? html`<p class="error">${sourcesError}</p>`
            : sources === null
              ? html`<p class="muted">Loading sources…</p>`
              : sources.length === 0
                ? html`<p class="muted">No sources cited.</p>`
                : html`<ol class="sources" data-testid="sources">${sources.map(sourceItem)}</ol>`
        }`,
      host,
    );
  }

  canvas.on('selection', (sel) => {
    const changed = sel?.data.id !== selected?.data.id;
    selected = sel;
    if (sel && changed) void loadSources(sel);
    if (changed && !sameClaims(sel)) {
      claimGroups = [];
      if (sel) void loadClaims(sel);
    }
    draw();
  });
  /** Whether the selection is one of the claims already compared (picking a row keeps the table). */
  function sameClaims(sel: Selected | null): boolean {
    return sel?.kind === 'edge' && claimGroups.some((g) => g.claims.some((c) => c.edge.id === sel.data.id));
  }

  canvas.on('truncations', (t) => {
    truncations = t;
    draw();
  });
  canvas.model.on('readOnly', () => draw());
  // Grades arrive after the selection's first draw (or change after a curation write).
  sourceGrades.onChange(() => draw());
  draw();

  return {
    reread() {
      if (!selected) return;
      const id = selected.data.id;
      const fresh =
        selected.kind === 'node' ? canvas.nodeData(id) : canvas.drawnElements().edges.find((e) => e.id === id);
      // A source may have been corrected: its title is asked again.
      sourceCache.clear();
      claimGroups = [];
      if (!fresh) {
        // Retracted, merged away or otherwise gone from the view: nothing of it is left to act on.
        selected = null;
        ++request;
        ++claimsRequest;
        draw();
        return;
      }
      selected = { ...selected, data: fresh };
      void loadSources(selected);
      void loadClaims(selected);
      draw();
    },
  };
}

/** What the rest of the page asks of the details panel. */
export interface DetailsPanel {
  /**
   * Reads the selection again from the canvas and the server (after a curation write): a corrected
   * claim shows its new values and compared claims, one that left the view clears the panel.
   */
  reread(): void;
}
