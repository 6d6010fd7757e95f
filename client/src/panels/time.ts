/**
 * Time: a slider that redraws the network as of the chosen day (the API's asOf), a timeline strip of
 * every dated event the view knows (click one to go to its day and select it; the chosen day's are
 * marked), and a play button that steps through time.
 *
 * The slider, the `,`/`.` keys and Play all move over the same stops (graph/timeStops.ts): month ends,
 * and every day on which a fact the view knows starts or ends, so one-day events (instants) are
 * reached on their own day. The far right of the slider is "all dates".
 *
 * Beside it, "as known on" (transaction time, contract/knownTime.ts): a day input that redraws the view
 * as the graph stood on that day (what was recorded by then and not yet corrected or retracted), and
 * "Now" to go back to the graph as it stands. "As of" is when facts held in the world; "as known on"
 * is what the graph said.
 */
import { html, nothing, render } from 'lit';
import { holdsOn, lastDay } from '../../../contract/validTime.ts';
import type { Canvas } from '../graph/canvas.ts';
import { describeDate } from '../graph/claimWords.ts';
import { playCourse, stepDay, stopIndex } from '../graph/timeStops.ts';
import type { ViewState } from '../state/viewState.ts';
import { describeKnownOn, knownOnDay } from '../history/knownOnWords.ts';
import { isFullDate } from '../../../contract/partialDate.ts';

const PLAY_STEP_MS = 700;
/** How an event of the chosen day stands out on the strip (beside .tick and .tick.future in styles/panels.css). */
const NOW_TICK = 'background:#1f618d;box-shadow:0 0 0 2px #f5b041;z-index:1';

/** A partial date's own last day, to go to an event: 2017 → 2017-12-31, 2017-02 → 2017-02-28. */
const endOf = (date: string): string => lastDay(date);

export interface TimeControls {
  togglePlay(): void;
  /** Moves this many stops on (negative: back). */
  step(stops: number): void;
}

export function mountTime(host: HTMLElement, canvas: Canvas): TimeControls {
  let state: ViewState = canvas.view;
  let stops: string[] = canvas.timeStops();
  let events = canvas.timelineEvents();
  let playing = false;
  let dragging = false;

  // Positions 0..stops.length-1 are the stops; one more, at the far right, is "all dates".
  const allDates = () => stops.length;
  const dayAt = (index: number) => (index >= allDates() ? null : (stops[Math.max(0, index)] ?? null));
  const percentOf = (date: string) => (stopIndex(stops, endOf(date)) / Math.max(1, allDates())) * 100;

  function go(day: string | null, record: boolean): Promise<void> {
    return canvas.setAsOf(day, record);
  }

  function onSlide(e: Event): void {
    const index = Number((e.target as HTMLInputElement).value);
    // One undo step per gesture: the first move of a drag records, the rest follow it.
    void go(dayAt(index), !dragging);
    dragging = true;
  }

  async function play(): Promise<void> {
    if (playing) return;
    playing = true;
    draw();
    // Play steps through the stops and stops on the last one, not on "all dates".
    let first = true;
    for (const day of playCourse(stops, state.asOf)) {
      if (!playing) break;
      await go(day, first);
      first = false;
      if (playing) await new Promise((r) => setTimeout(r, PLAY_STEP_MS));
    }
    playing = false;
    draw();
  }

  function togglePlay(): void {
    if (playing) {
      playing = false;
      draw();
    } else void play();
  }

  function step(n: number): void {
    void go(stepDay(stops, state.asOf, n), true);
  }

  /** Events at the same place on the strip stack up, so each tick stays clickable. */
  function stacked(): { ev: (typeof events)[number]; row: number }[] {
    const rows = new Map<number, number>();
    return events.map((ev) => {
      const at = Math.round(percentOf(ev.date) * 2);
      const row = rows.get(at) ?? 0;
      rows.set(at, row + 1);
      return { ev, row };
    });
  }

  /** How an event stands on the chosen day: happening then, not yet, or over (nothing with all dates). */
  function when(ev: (typeof events)[number]): 'now' | 'future' | 'past' | '' {
    if (state.asOf === null) return '';
    if (holdsOn(ev.time, state.asOf)) return 'now';
    return ev.time.validFrom > state.asOf ? 'future' : 'past';
  }

  /** The "as known on" control: a day (or an instant set from a history), and Now. */
  function knownOnControl() {
    const known = state.knownOn;
    const today = new Date().toISOString().slice(0, 10);
    const onDay = (e: Event) => {
      const value = (e.target as HTMLInputElement).value;
      void canvas.setKnownOn(value && isFullDate(value) ? value : null);
    };
    return html`<div class="known-on" data-testid="known-on-controls">
      <label title="Transaction time: the graph as it stood at the end of this day (UTC), before later corrections and retractions">
        As known on
        <input type="date" data-testid="known-on" max=${today} .value=${knownOnDay(known)} @change=${onDay} />
      </label>
      <span class="known-on-state ${known ? 'past' : ''}" data-testid="known-on-state" aria-live="polite">
        ${known ? `what the graph said ${known.length > 10 ? '' : 'on '}${describeKnownOn(known)}` : 'now: what the graph says today'}
      </span>
      <button data-testid="known-on-now" ?disabled=${known === null} title="The graph as it stands now" @click=${() => void canvas.setKnownOn(null)}>Now</button>
    </div>`;
  }

  function draw(): void {
    const index = stopIndex(stops, state.asOf);
    const ticks = stacked();
    const rowCount = Math.max(1, ...ticks.map((t) => t.row + 1));
    render(
      html`<div class="time">
        <div class="time-left">
        <div class="time-controls" title="Valid time: the network as it held in the world on a date">
          <button
            data-testid="play"
            aria-pressed=${playing ? 'true' : 'false'}
            title="Play through time (Space)"
            @click=${togglePlay}
          >${playing ? '❚❚ Pause' : '▶ Play'}</button>
          <button title="Previous stop: month end or a dated fact's day (,)" aria-label="Previous date" @click=${() => step(-1)}>‹</button>
          <button title="Next stop: month end or a dated fact's day (.)" aria-label="Next date" @click=${() => step(1)}>›</button>
          <span class="as-of" data-testid="as-of" aria-live="polite">
            ${state.asOf ? `As of ${describeDate(state.asOf)}` : 'All dates'}
          </span>
          <button ?disabled=${state.asOf === null} @click=${() => void go(null, true)}>All dates</button>
        </div>
        ${knownOnControl()}
        </div>
        <div class="time-track">
          <input
            type="range"
            data-testid="time-slider"
            aria-label="Date of the network"
            aria-valuetext=${state.asOf ? describeDate(state.asOf) : 'all dates'}
            min="0"
            max=${allDates()}
            step="1"
            .value=${String(index)}
            @input=${onSlide}
            @change=${() => (dragging = false)}
          />
          <div class="timeline" data-testid="timeline" aria-label="Dated events in the view" style="height:${rowCount * 11 + 3}px">
            ${ticks.map(
              ({ ev, row }) => html`<button
                class="tick ${when(ev)}"
                aria-current=${when(ev) === 'now' ? 'date' : nothing}
                style="left:${percentOf(ev.date)}%;top:${row * 11 + 1}px;${when(ev) === 'now' ? NOW_TICK : ''}"
                title=${`${ev.when}: ${ev.name}`}
                aria-label=${`${ev.when}: ${ev.name}`}
                data-event-id=${ev.id}
                @click=${async () => {
                  await go(endOf(ev.date), true);
                  canvas.select(ev.id);
                }}
              ></button>`,
            )}
          </div>
          <div class="range-labels"><span>${stops[0] ? describeDate(stops[0]) : ''}</span>${events.length === 0 ? html`<span class="muted">no dated events in the view</span>` : nothing}<span>${stops.length > 0 ? describeDate(stops.at(-1) as string) : ''}</span></div>
        </div>
      </div>`,
      host,
    );
  }

  canvas.on('state', (s) => {
    state = s;
    draw();
  });
  canvas.on('content', () => {
    // While a date is set the stops only grow: they must not vanish under the slider as links drop out.
    const now = canvas.timeStops();
    stops = state.asOf === null ? now : [...new Set([...stops, ...now])].sort();
    events = canvas.timelineEvents();
    draw();
  });
  draw();
  return { togglePlay, step };
}
