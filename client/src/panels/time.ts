/**
 * Time: a slider over the months the drawn data spans that redraws the network as of the end of the
 * chosen month (the API's asOf), a timeline strip of the dated events on the canvas (click one to go
 * to its date and select it), and a play button that steps through time month by month.
 */
import { html, nothing, render } from 'lit';
import type { Canvas } from '../graph/canvas.ts';
import { describeDate } from '../graph/claimWords.ts';
import { addMonths, lastDayOf, monthsBetween, type MonthRange } from '../graph/timeRules.ts';
import type { ViewState } from '../state/viewState.ts';

const PLAY_STEP_MS = 700;

/** A partial date's own last day, to go to an event: 2017 → 2017-12-31, 2017-02 → 2017-02-28. */
function endOf(date: string): string {
  if (date.length === 10) return date;
  return lastDayOf(date.length === 4 ? `${date}-12` : date.slice(0, 7));
}

export interface TimeControls {
  togglePlay(): void;
  step(months: number): void;
}

export function mountTime(host: HTMLElement, canvas: Canvas): TimeControls {
  let state: ViewState = canvas.view;
  let range: MonthRange = canvas.dateRange();
  let events = canvas.timelineEvents();
  let playing = false;
  let dragging = false;

  const monthCount = () => Math.max(1, monthsBetween(range.first, range.last));
  // Positions 0..monthCount are months; one more, at the far right, is "all dates".
  const allDates = () => monthCount() + 1;
  const indexOf = (day: string | null) =>
    day === null ? allDates() : Math.min(monthCount(), Math.max(0, monthsBetween(range.first, day.slice(0, 7))));
  const dayAt = (index: number) => (index >= allDates() ? null : lastDayOf(addMonths(range.first, index)));
  const percentOf = (date: string) => {
    const month = date.length === 4 ? `${date}-06` : date.slice(0, 7);
    return Math.min(100, Math.max(0, (monthsBetween(range.first, month) / allDates()) * 100));
  };

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
    let index = state.asOf === null || indexOf(state.asOf) >= monthCount() ? 0 : indexOf(state.asOf) + 1;
    // Play steps through the months and stops on the last one, not on "all dates".
    let first = true;
    while (playing && index <= monthCount()) {
      await go(dayAt(index), first);
      first = false;
      index += 1;
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

  function step(months: number): void {
    const from = state.asOf === null ? (months < 0 ? allDates() : -1) : indexOf(state.asOf);
    const index = Math.min(allDates(), Math.max(0, from + months));
    void go(dayAt(index), true);
  }

  /** Events in the same month stack up, so each tick stays clickable. */
  function stacked(): { ev: (typeof events)[number]; row: number }[] {
    const rows = new Map<string, number>();
    return events.map((ev) => {
      const month = ev.date.slice(0, 7);
      const row = rows.get(month) ?? 0;
      rows.set(month, row + 1);
      return { ev, row };
    });
  }

  function draw(): void {
    const index = indexOf(state.asOf);
    const ticks = stacked();
    const rowCount = Math.max(1, ...ticks.map((t) => t.row + 1));
    render(
      html`<div class="time">
        <div class="time-controls">
          <button
            data-testid="play"
            aria-pressed=${playing ? 'true' : 'false'}
            title="Play through time (Space)"
            @click=${togglePlay}
          >${playing ? '❚❚ Pause' : '▶ Play'}</button>
          <button title="Previous month (,)" aria-label="Previous month" @click=${() => step(-1)}>‹</button>
          <button title="Next month (.)" aria-label="Next month" @click=${() => step(1)}>›</button>
          <span class="as-of" data-testid="as-of" aria-live="polite">
            ${state.asOf ? `As of ${describeDate(state.asOf)}` : 'All dates'}
          </span>
          <button ?disabled=${state.asOf === null} @click=${() => void go(null, true)}>All dates</button>
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
          <div class="timeline" data-testid="timeline" aria-label="Events on the canvas" style="height:${rowCount * 11 + 3}px">
            ${ticks.map(
              ({ ev, row }) => html`<button
                class="tick ${state.asOf !== null && ev.date > state.asOf ? 'future' : ''}"
                style="left:${percentOf(ev.date)}%;top:${row * 11 + 1}px"
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
          <div class="range-labels"><span>${describeDate(range.first)}</span>${events.length === 0 ? html`<span class="muted">no dated events on the canvas</span>` : nothing}<span>${describeDate(range.last)}</span></div>
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
    // While a date is set the range only grows: it must not shrink under the slider as links drop out.
    const now = canvas.dateRange();
    range =
      state.asOf === null
        ? now
        : {
            // Months as YYYY-MM strings, which compare in time order (Math.min would coerce them to NaN).
            // biome-ignore lint/complexity/useMathMinMax: YYYY-MM strings; Math.min would coerce them to NaN
            first: now.first < range.first ? now.first : range.first,
            // biome-ignore lint/complexity/useMathMinMax: YYYY-MM strings; Math.max would coerce them to NaN
            last: now.last > range.last ? now.last : range.last,
          };
    events = canvas.timelineEvents();
    draw();
  });
  draw();
  return { togglePlay, step };
}
