/**
 * "As known on" in words (transaction time, contract/knownTime.ts): a day reads "30 November 2026",
 * an instant "just before 1 December 2026, 10:15:00 UTC". Pure.
 */
import { describeDate } from '../graph/claimWords.ts';

const TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An instant as a day and a UTC time: "1 December 2026, 10:15:00 UTC". */
export function describeInstant(instant: string): string {
  const when = new Date(instant);
  if (Number.isNaN(when.getTime())) return instant;
  return `${describeDate(when.toISOString().slice(0, 10))}, ${TIME.format(when)} UTC`;
}

/** The view's "as known on" in words: the day, or "just before" the instant. */
export function describeKnownOn(knownOn: string): string {
  return knownOn.length > 10 ? `just before ${describeInstant(knownOn)}` : describeDate(knownOn);
}

/** The day a knownOn falls on (YYYY-MM-DD), for a date input. */
export function knownOnDay(knownOn: string | null): string {
  return knownOn ? knownOn.slice(0, 10) : '';
}
