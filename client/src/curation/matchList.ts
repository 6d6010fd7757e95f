/**
 * The match list: before a node is added, the held nodes it may duplicate (POST /api/nodes/matches: by
 * every name and alias through search's folding, and by shared neighbours), each with its name, label,
 * other names, score as a percentage and the reasons in words, and three choices:
 *
 *   - "Merge into this": the node is added, then merged into the held one (POST /api/nodes/:id/merge).
 *     Adding first is the honest flow: the new source's record of the node is written and cited, and
 *     the merge is what makes its names aliases of the held node and moves its citations, recorded in
 *     both histories ("recorded", then "merged") — the graph says who judged them one, when, and why.
 *   - "Keep both": the node is added with keepBoth, the analyst having seen the candidates.
 *   - "Same entity": the node is added, and a SAME_AS claim links it to the held one citing the new
 *     node's sources (POST /api/nodes/:id/same-as): both stay, and the judgement is a claim that can
 *     itself be graded, corrected or retracted.
 *
 * Nothing is written until the analyst chooses; "Back to the form" leaves the list.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Match, NodeInput } from '../../../contract/curation.ts';

export type MatchChoice = 'merge' | 'keep' | 'same';

/** A score in [0, 1] as a whole percentage ("87%"). */
export function percent(score: number): string {
  return `${Math.round(Math.max(0, Math.min(1, score)) * 100)}%`;
}

export function matchListView(
  incoming: NodeInput,
  matches: readonly Match[],
  busy: boolean,
  choose: (choice: MatchChoice, existing: Match['existing']) => void,
): TemplateResult {
  return html`<p>
      Before <bdi>${incoming.name}</bdi> is added: the graph already holds
      ${matches.length === 1 ? 'a node' : `${matches.length} nodes`} it may duplicate.
    </p>
    <ol class="match-list" data-testid="match-list">
      ${matches.map(
        (m) => html`<li class="match" data-match-id=${m.existing.id}>
          <div class="match-head">
            <strong><bdi>${m.existing.name}</bdi></strong>
            <span class="badge badge-${m.existing.label}">${m.existing.label}</span>
            <span class="score" data-testid="match-score" title="How alike they are">${percent(m.score)}</span>
          </div>
          ${
            m.existing.aliases.length > 0
              ? html`<div class="meta">also ${m.existing.aliases.map((a, i) => html`${i ? ', ' : ''}<bdi>${a}</bdi>`)}</div>`
              : nothing
          }
          <ul class="reasons">${m.reasons.map((r) => html`<li><bdi>${r}</bdi></li>`)}</ul>
          <div class="actions">
            <button type="button" data-testid="match-merge" ?disabled=${busy} title="Add it, then merge it into this node: its names become aliases, its sources cited here" @click=${() => choose('merge', m.existing)}>Merge into this</button>
            <button type="button" data-testid="match-keep" ?disabled=${busy} title="They are different: add the new node as it is" @click=${() => choose('keep', m.existing)}>Keep both</button>
            <button type="button" data-testid="match-same" ?disabled=${busy} title="Add it and link the two as the same entity, citing the new node's sources" @click=${() => choose('same', m.existing)}>Same entity</button>
          </div>
        </li>`,
      )}
    </ol>`;
}
