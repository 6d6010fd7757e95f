/**
 * The days the time panel stops on (the slider's positions, the `,`/`.` keys, Play), pure so it can
 * be unit-tested.
 *
 * Why these days: a link to a dated event is an instant (valid from the event's day to that same day,
 * contract/validTime.ts), so stepping by month ends alone never lands on it: the killings of
 * 14 February 2017 hold on no month end. Stopping on every day would reach them but make the slider
 * and Play crawl through some 2,000 empty days. So the stops are the month ends across the span of
 * the data (a steady pace through quiet stretches) and, besides them, every day on which a fact the
 * view knows starts or ends: every fact holds on its own first and last day, so each one, however
 * short, is drawn at at least one stop, and the next stop shows it gone.
 *
 * The span starts at the month end before the first bound (the network just before anything dated
 * began: at most a month early) and ends a whole month after the last bound's month (the network
 * settled after its last dated change, as the analyst leaves it).
 */
import { VALID_TIME_MAX, VALID_TIME_MIN, type ValidTime } from '../../../contract/validTime.ts';
import { addMonths, lastDayOf } from './timeRules.ts';

/** With nothing dated in view, the slider still spans something: the month ends of 2015–2020. */
const DEFAULT_SPAN = { first: '2015-01', last: '2020-12' };

/** The stops for these valid times (full dates, sentinels for open ends), in time order, unique. */
export function timeStops(times: Iterable<ValidTime>): string[] {
  const bounds = new Set<string>();
  for (const t of times) {
    if (typeof t.validFrom !== 'string' || typeof t.validTo !== 'string') continue;
    if (t.validFrom > t.validTo) continue; // sources contradict each other: holds on no day
    if (t.validFrom !== VALID_TIME_MIN) bounds.add(t.validFrom);
    if (t.validTo !== VALID_TIME_MAX) bounds.add(t.validTo);
  }
  const sorted = [...bounds].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  const startMonth = first === undefined ? DEFAULT_SPAN.first : addMonths(first.slice(0, 7), -1);
  const endMonth = last === undefined ? DEFAULT_SPAN.last : addMonths(last.slice(0, 7), 1);
  for (let month = startMonth; month <= endMonth; month = addMonths(month, 1)) bounds.add(lastDayOf(month));
  return [...bounds].sort();
}

/**
 * The slider's position for a day: the last stop on or before it (0 before the first stop), and one
 * past the last stop for all dates (null).
 */
export function stopIndex(stops: readonly string[], day: string | null): number {
  if (day === null) return stops.length;
  let index = 0;
  for (let i = 0; i < stops.length && (stops[i] as string) <= day; i++) index = i;
  return index;
}

/**
 * The day `n` stops on from `day` (negative: back). All dates (null) lies past the last stop: one on
 * from it is the first stop, one back the last. A day between two stops moves to the neighbouring
 * stop in the direction asked. Clamped at both ends; null when it lands on all dates.
 */
export function stepDay(stops: readonly string[], day: string | null, n: number): string | null {
  if (stops.length === 0) return null;
  let from: number;
  if (day === null) from = n > 0 ? -1 : stops.length;
  else {
    const exact = stops.indexOf(day);
    if (exact >= 0) from = exact;
    else {
      const after = stops.findIndex((s) => s > day); // the first stop after the day, -1 if none
      const next = after < 0 ? stops.length : after;
      from = n > 0 ? next - 1 : next;
    }
  }
  const to = Math.min(stops.length, Math.max(0, from + n));
  return to === stops.length ? null : (stops[to] as string);
}

/** Play's course from a day: the stops after it to the last (from the first when it is at or past the end). */
export function playCourse(stops: readonly string[], day: string | null): string[] {
  const last = stops.at(-1);
  if (day === null || last === undefined || day >= last) return [...stops];
  return stops.filter((s) => s > day);
}
