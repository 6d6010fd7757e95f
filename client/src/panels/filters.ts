/**
 * Filters and selection tools: show or hide nodes by label and links by relationship type (doubling
 * as the legend), hide claims below a grade ("source at least B", "credibility at least 3"), hide, remove or pin the selection, keep only the selection's neighbourhood, and how
 * many neighbours one expansion adds.
 */
import { html, render } from 'lit';
import {
  CREDIBILITY,
  CREDIBILITY_WORDS,
  credibilityOf,
  RELIABILITY,
  RELIABILITY_WORDS,
  type Reliability,
} from '../../../contract/grades.ts';
import { GRAPH_LABELS, RELATIONSHIP_TYPES } from '../../../contract/model.ts';
import type { Canvas } from '../graph/canvas.ts';
import { LABEL_COLOURS, TYPE_COLOURS, TYPE_WORDS } from '../graph/style.ts';
import type { ViewState } from '../state/viewState.ts';
import { commandTitle } from './readOnly.ts';

/**
 * The grade's key under the filter, so "F–" need not be hovered to be read: words from contract/grades.ts.
 */
export const GRADE_KEY = `B2 = source ${RELIABILITY_WORDS.B} (B), ${CREDIBILITY_WORDS[2]} (2); F = source not graded or ${RELIABILITY_WORDS.F}; – = credibility not stated`;

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

  /**
   * The grade filter: claims whose best source is below a reliability, or whose credibility is below a
   * credibility (or not stated), are hidden (contract/grades.ts meetsGrade). "Any" lifts each bar.
   */
  function gradeFilter() {
    const ro = canvas.model.readOnly;
    const setRel = (e: Event) => {
      const v = (e.target as HTMLSelectElement).value;
      const rel = (RELIABILITY as readonly string[]).includes(v) ? (v as Reliability) : null;
      void canvas.setGradeBar(rel, state.minCredibility);
    };
    const setCred = (e: Event) => {
      const v = (e.target as HTMLSelectElement).value;
      void canvas.setGradeBar(state.minReliability, v === '' ? null : credibilityOf(Number(v)));
    };
    return html`<fieldset data-testid="grade-filters">
      <legend>Show claims graded</legend>
      <label class="field" title="Admiralty source reliability: A completely reliable … F cannot be judged">
        Source at least
        <select name="min-reliability" ?disabled=${ro} @change=${setRel}>
          <option value="" ?selected=${state.minReliability === null}>any</option>
          ${RELIABILITY.map(
            (r) => html`<option value=${r} ?selected=${state.minReliability === r} title=${RELIABILITY_WORDS[r]}>
              ${r} or better (${RELIABILITY_WORDS[r]})
            </option>`,
          )}
        </select>
      </label>
      <label class="field" title="Admiralty information credibility: 1 confirmed … 6 cannot be judged">
        Credibility at least
        <select name="min-credibility" ?disabled=${ro} @change=${setCred}>
          <option value="" ?selected=${state.minCredibility === null}>any</option>
          ${CREDIBILITY.map(
            (
              c,
            ) => html`<option value=${String(c)} ?selected=${state.minCredibility === c} title=${CREDIBILITY_WORDS[c]}>
              ${c} or better (${CREDIBILITY_WORDS[c]})
            </option>`,
          )}
        </select>
      </label>
      <p class="muted grade-key" data-testid="grade-key">${GRADE_KEY}</p>
    </fieldset>`;
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
        ${gradeFilter()}
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
