/**
 * Filters and selection tools: show or hide nodes by label and links by relationship type (doubling
 * as the legend), hide, remove or pin the selection, keep only the selection's neighbourhood, and how
 * many neighbours one expansion adds.
 */
import { html, render } from 'lit';
import { GRAPH_LABELS, RELATIONSHIP_TYPES } from '../../../contract/model.ts';
import type { Canvas } from '../graph/canvas.ts';
import { LABEL_COLOURS, TYPE_COLOURS, TYPE_WORDS } from '../graph/style.ts';
import type { ViewState } from '../state/viewState.ts';
import { commandTitle } from './readOnly.ts';

export function mountFilters(host: HTMLElement, canvas: Canvas): void {
  let state: ViewState = canvas.view;
  let selectedCount = 0;

  /** The hidden list after one checkbox changed, kept in the model's order (the URL stays stable). */
  function toggled<T extends string>(order: readonly T[], hidden: readonly T[], item: T, shown: boolean): T[] {
    return order.filter((x) => (x === item ? !shown : hidden.includes(x)));
  }

  /** One checkbox per label or type: the filter and, through its swatch, the legend. */
  function checkList<T extends string>(
    items: readonly T[],
    hidden: readonly T[],
    show: (item: T) => { name: string; colour: string; word: string; swatchClass: string },
    onToggle: (item: T, shown: boolean) => void,
  ) {
    return items.map((item) => {
      const { name, colour, word, swatchClass } = show(item);
      return html`<label class="check">
        <input
          type="checkbox"
          name=${name}
          ?disabled=${canvas.model.readOnly}
          title=${commandTitle(canvas.model.readOnly)}
          .checked=${!hidden.includes(item)}
          @change=${(e: Event) => onToggle(item, (e.target as HTMLInputElement).checked)}
        />
        <span class=${swatchClass} style="background:${colour}"></span>${word}
      </label>`;
    });
  }

  function draw(): void {
    const none = selectedCount === 0;
    const ro = canvas.model.readOnly;
    const title = (normal = '') => commandTitle(ro, normal);
    render(
      html`<h2>Filters</h2>
        <fieldset data-testid="label-filters">
          <legend>Show nodes</legend>
          ${checkList(
            GRAPH_LABELS,
            state.hiddenLabels,
            (label) => ({ name: `label-${label}`, colour: LABEL_COLOURS[label], word: label, swatchClass: 'swatch' }),
            (label, shown) =>
              void canvas.setFilters(toggled(GRAPH_LABELS, state.hiddenLabels, label, shown), state.hiddenTypes),
          )}
        </fieldset>
        <fieldset data-testid="type-filters">
          <legend>Show links</legend>
          ${checkList(
            RELATIONSHIP_TYPES,
            state.hiddenTypes,
            (type) => ({
              name: `type-${type}`,
              colour: TYPE_COLOURS[type],
              word: TYPE_WORDS[type],
              swatchClass: 'swatch line',
            }),
            (type, shown) =>
              void canvas.setFilters(state.hiddenLabels, toggled(RELATIONSHIP_TYPES, state.hiddenTypes, type, shown)),
          )}
        </fieldset>
        <fieldset>
          <legend>Selection${none ? '' : ` (${selectedCount})`}</legend>
          <div class="actions">
            <button ?disabled=${none || ro} @click=${() => void canvas.hideSelection()} title=${title('H')}>Hide</button>
            <button ?disabled=${none || ro} @click=${() => void canvas.removeSelection()} title=${title('Delete')}>Remove</button>
            <button ?disabled=${none || ro} @click=${() => void canvas.togglePinSelection()} title=${title('P')}>Pin / unpin</button>
            <button ?disabled=${none || ro} @click=${() => void canvas.keepOnlyNeighbourhood()} title=${title('K')}>Keep only neighbourhood</button>
            <button ?disabled=${state.hidden.length === 0 || ro} title=${title()} @click=${() => void canvas.showHidden()}>
              Show hidden (${state.hidden.length})
            </button>
            <button ?disabled=${ro} title=${title()} data-testid="clear-canvas" @click=${() => void canvas.clear()}>Clear canvas</button>
          </div>
        </fieldset>
        <label class="field">
          Neighbours per expansion
          <input
            type="number"
            min="1"
            max="500"
            name="page-size"
            ?disabled=${ro}
            title=${title()}
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
  canvas.model.on('readOnly', () => draw());
  canvas.on('selection', (sel) => {
    selectedCount = sel?.count ?? 0;
    draw();
  });
  draw();
}
