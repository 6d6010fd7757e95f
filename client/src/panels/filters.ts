/**
 * Filters and selection tools: show or hide nodes by label and links by relationship type (doubling
 * as the legend), hide, remove or pin the selection, keep only the selection's neighbourhood, and how
 * many neighbours one expansion adds.
 */
import { html, render } from 'lit';
import { GRAPH_LABELS, RELATIONSHIP_TYPES, type GraphLabel, type RelationshipType } from '../../../contract/model.ts';
import type { Canvas } from '../graph/canvas.ts';
import { LABEL_COLOURS, TYPE_COLOURS, TYPE_WORDS } from '../graph/style.ts';
import type { ViewState } from '../state/viewState.ts';

export function mountFilters(host: HTMLElement, canvas: Canvas): void {
  let state: ViewState = canvas.view;
  let selectedCount = 0;

  function toggleLabel(label: GraphLabel, shown: boolean): void {
    const hidden = new Set(state.hiddenLabels);
    if (shown) hidden.delete(label);
    else hidden.add(label);
    void canvas.setFilters(GRAPH_LABELS.filter((l) => hidden.has(l)), state.hiddenTypes);
  }

  function toggleType(type: RelationshipType, shown: boolean): void {
    const hidden = new Set(state.hiddenTypes);
    if (shown) hidden.delete(type);
    else hidden.add(type);
    void canvas.setFilters(state.hiddenLabels, RELATIONSHIP_TYPES.filter((t) => hidden.has(t)));
  }

  function draw(): void {
    const none = selectedCount === 0;
    render(
      html`<h2>Filters</h2>
        <fieldset data-testid="label-filters">
          <legend>Show nodes</legend>
          ${GRAPH_LABELS.map(
            (label) => html`<label class="check">
              <input
                type="checkbox"
                name="label-${label}"
                .checked=${!state.hiddenLabels.includes(label)}
                @change=${(e: Event) => toggleLabel(label, (e.target as HTMLInputElement).checked)}
              />
              <span class="swatch" style="background:${LABEL_COLOURS[label]}"></span>${label}
            </label>`,
          )}
        </fieldset>
        <fieldset data-testid="type-filters">
          <legend>Show links</legend>
          ${RELATIONSHIP_TYPES.map(
            (type) => html`<label class="check">
              <input
                type="checkbox"
                name="type-${type}"
                .checked=${!state.hiddenTypes.includes(type)}
                @change=${(e: Event) => toggleType(type, (e.target as HTMLInputElement).checked)}
              />
              <span class="swatch line" style="background:${TYPE_COLOURS[type]}"></span>${TYPE_WORDS[type]}
            </label>`,
          )}
        </fieldset>
        <fieldset>
          <legend>Selection${none ? '' : ` (${selectedCount})`}</legend>
          <div class="actions">
            <button ?disabled=${none} @click=${() => void canvas.hideSelection()} title="H">Hide</button>
            <button ?disabled=${none} @click=${() => void canvas.removeSelection()} title="Delete">Remove</button>
            <button ?disabled=${none} @click=${() => void canvas.togglePinSelection()} title="P">Pin / unpin</button>
            <button ?disabled=${none} @click=${() => void canvas.keepOnlyNeighbourhood()} title="K">Keep only neighbourhood</button>
            <button ?disabled=${state.hidden.length === 0} @click=${() => void canvas.showHidden()}>
              Show hidden (${state.hidden.length})
            </button>
            <button @click=${() => void canvas.clear()}>Clear canvas</button>
          </div>
        </fieldset>
        <label class="field">
          Neighbours per expansion
          <input
            type="number"
            min="1"
            max="500"
            name="page-size"
            .value=${String(state.pageSize)}
            @change=${(e: Event) => {
              const n = Number((e.target as HTMLInputElement).value);
              if (Number.isInteger(n) && n >= 1 && n <= 500) canvas.setPageSize(n);
            }}
          />
        </label>`,
      host,
    );
  }

  canvas.on('state', (s) => {
    state = s;
    draw();
  });
  canvas.on('selection', (sel) => {
    selectedCount = sel?.count ?? 0;
    draw();
  });
  draw();
}
