/**
 * Claims compared side by side, for the details panel: where several relationships of one type join
 * the same two nodes (the five casualty figures for the killings of 14 February 2017, each from its
 * own source), one table lists them: the figure with its bound, what it counts, who says it (source
 * title, publisher, date), how it is stated, when; its Admiralty grade ("B2") heads who says it. Shown for a selected link with parallels, and
 * for a selected node (an event) for each pair it takes part in with several claims. All text by lit.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { EdgeData, SourceData } from '../../../contract/api.ts';
import type { Api } from '../api.ts';
import { bundleKey, groupParallel, sortClaims, typeWords } from '../graph/bundles.ts';
import { claimInterval, describeClaim, describeDate, describeFigure, figureOf } from '../graph/claimWords.ts';
import { gradeText, gradeTitle } from '../grades/gradeWords.ts';
import { sourceGrades } from '../grades/sourceGrades.ts';

export interface Claim {
  edge: EdgeData;
  sources: SourceData[];
}

/** The claims of one type between one pair of nodes, with the names of the two ends. */
export interface ClaimGroup {
  source: string;
  type: string;
  target: string;
  claims: Claim[];
}

export interface ClaimLookups {
  sourceById(id: string): Promise<SourceData | null>;
  /** A node's name, when the caller knows it. */
  nodeName(id: string): string | null;
  /** The view's "as known on" (contract/knownTime.ts): the claims compared are those known then. */
  knownOn?: string | null;
}

/**
 * The groups of parallel claims to compare for a selection: for a link, every relationship of its type
 * between its two ends (when there are several); for an event, each such group among its relationships.
 */
export async function claimGroupsFor(
  api: Api,
  selected: { kind: 'node' | 'edge'; data: { id: string; [key: string]: unknown } },
  lookups: ClaimLookups,
): Promise<ClaimGroup[]> {
  const names = new Map<string, string>();
  let edges: EdgeData[];
  if (selected.kind === 'edge') {
    const edge = selected.data as EdgeData;
    const knownOn = lookups.knownOn ? { knownOn: lookups.knownOn } : {};
    const between = await api.relationshipsAmong({ ids: [edge.source, edge.target], types: [edge.type], ...knownOn });
    edges = between.filter((e) => bundleKey(e) === bundleKey(edge));
  } else if (selected.data.label !== 'Event') {
    // A node's claims are compared where they meet: at an event, or on a link (selected as such).
    return [];
  } else {
    const around = await api.neighbours(selected.data.id, { limit: 1000, knownOn: lookups.knownOn });
    for (const n of around.nodes) names.set(n.data.id, n.data.name);
    edges = around.edges
      .map((e) => e.data)
      .filter((e) => e.source === selected.data.id || e.target === selected.data.id);
  }
  const name = (id: string) => names.get(id) ?? lookups.nodeName(id) ?? id;
  const groups = groupParallel(edges).filter((g) => g.length > 1);
  return Promise.all(
    groups.map(async (group) => {
      const claims = await Promise.all(
        sortClaims(group).map(async (edge) => {
          const found = await Promise.all(edge.sources.map((id) => lookups.sourceById(id)));
          return { edge, sources: found.filter((s): s is SourceData => s !== null) };
        }),
      );
      const first = claims[0]!.edge;
      return { source: name(first.source), type: first.type, target: name(first.target), claims };
    }),
  );
}

/**
 * Pieces of data text side by side, each isolated in a <bdi> (an Arabic author cannot pull the date
 * after it into its right-to-left run: "موسى العمر · Twitter · 19 February 2017"), or null when none.
 */
export function isolated(parts: readonly (string | null | undefined)[], separator: string): TemplateResult | null {
  const shown = parts.filter((p): p is string => typeof p === 'string' && p !== '');
  if (shown.length === 0) return null;
  return html`${shown.map((p, i) => html`${i === 0 ? '' : separator}<bdi>${p}</bdi>`)}`;
}

function saysWho(sources: SourceData[]): TemplateResult {
  if (sources.length === 0) return html`<span class="muted">no source</span>`;
  return html`${sources.map((s) => {
    const meta = isolated([s.publisher, s.date ? describeDate(s.date) : null], ', ');
    return html`<div class="says-who" data-source-id=${s.id}>
      <cite><bdi>${s.title ?? s.name}</bdi></cite>${meta ? html` <span class="meta">${meta}</span>` : nothing}
    </div>`;
  })}`;
}

function claimRow(claim: Claim, when: boolean, selectedId: string | null, pick: (id: string) => void): TemplateResult {
  const e = claim.edge;
  const figure = figureOf(e);
  const counted = typeof e.casualtiesCounted === 'string' ? e.casualtiesCounted : '';
  return html`<tr data-edge-id=${e.id} class=${e.id === selectedId ? 'chosen' : ''}>
    <td class="figure">
      <button title="Select this claim on the canvas" @click=${() => pick(e.id)}>
        ${figure ? describeFigure(figure.figure, figure.bound) : '—'}
      </button>
    </td>
    <td class="counts"><bdi>${counted}</bdi></td>
    <td>
      <span class="grade" data-testid="claim-grade" title=${gradeTitle(e, sourceGrades.lookup)}>${gradeText(e, sourceGrades.lookup)}</span>
      ${saysWho(claim.sources)}
    </td>
    <td>${describeClaim(e.qualifier, e.claimedBy) ?? 'stated as fact'}</td>
    ${when ? html`<td>${claimInterval(e) ?? 'undated'}</td>` : nothing}
  </tr>`;
}

/**
 * One table per group: each claim a row; the selected link's row marked; a row's figure selects it.
 * When every claim gives the same time it is said once, above the table; otherwise each row says it.
 */
export function claimTables(
  groups: readonly ClaimGroup[],
  selectedId: string | null,
  pick: (id: string) => void,
): TemplateResult {
  return html`${groups.map((g) => {
    const times = new Set(g.claims.map((c) => claimInterval(c.edge) ?? 'undated'));
    const shared = times.size === 1 ? [...times][0]! : null;
    return html`<section class="claims" data-testid="claims-compared">
      <h3>
        <bdi>${g.source}</bdi> ${typeWords(g.type)} <bdi>${g.target}</bdi>:
        ${g.claims.length} claims
      </h3>
      ${shared ? html`<p class="muted">All ${shared}.</p>` : nothing}
      <table class="claims-table">
        <thead>
          <tr><th>Figure</th><th>Counts</th><th>Says who</th><th>Stated</th>${shared ? nothing : html`<th>When</th>`}</tr>
        </thead>
        <tbody>
          ${g.claims.map((c) => claimRow(c, !shared, selectedId, pick))}
        </tbody>
      </table>
    </section>`;
  })}`;
}
