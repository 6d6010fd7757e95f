/**
 * Transaction time: what the graph said, as opposed to valid time (contract/validTime.ts), when a fact
 * held in the world. Every fact written through curation carries `recordedAt` (an ISO 8601 instant in
 * UTC, `2026-12-01T10:15:00.000Z`, so instants compare as strings) and, once a correction or retraction
 * ends it, `supersededAt`; nothing is deleted. A fact with no `recordedAt` was imported before the graph
 * kept this time and is taken as known from the start; one with no `supersededAt` is current.
 *
 * "As known on D" means as the graph stood at the end of day D (UTC): recorded before the next day began
 * and not yet ended then. Snodgrass, "Developing Time-Oriented Database Applications in SQL" (1999),
 * ch. 8: a transaction-time state is `start <= t < stop`; here t is the first instant after day D, so
 * the test is `recordedAt < knownUntil <= supersededAt`. The Cypher form is written once, in
 * server/db/cypher.ts (the `{{knownOn x}}` marker).
 *
 * `knownOn` may also be an instant (`2026-12-01T10:15:00.000Z`): the graph as it stood just before
 * that instant. A fact's history offers it ("as known before this change"), because a correction made
 * the same day as the claim leaves no day on which only the old version was known.
 */
import { z } from 'zod';
import { fullDate } from './partialDate.ts';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

/** An ISO 8601 instant in UTC, as `Date.prototype.toISOString` writes it (milliseconds optional). */
export const instant = z.string().refine((s) => INSTANT.test(s) && !Number.isNaN(Date.parse(s)), {
  message: 'must be an instant YYYY-MM-DDTHH:MM:SSZ',
});

/**
 * The `knownOn` query parameter: a day (YYYY-MM-DD: as the graph stood at that day's end, UTC) or an
 * instant (just before it); absent means now (only current facts).
 */
export const knownOn = z.union([fullDate, instant], {
  error: 'must be a date YYYY-MM-DD or an instant YYYY-MM-DDTHH:MM:SSZ',
});

/**
 * The instant facts are compared against for `knownOn`: the first instant after a day, or the instant
 * itself, as the ISO string (milliseconds always written) stored times compare with.
 */
export function knownUntil(knownOnValue: string): string {
  if (knownOnValue.length > 10) return new Date(knownOnValue).toISOString();
  const next = new Date(`${knownOnValue}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  // The day after 9999-12-31 is in year 10000, which toISOString writes '+010000-…': a string that sorts
  // before every 4-digit year, so nothing would be known. The last representable instant stands in.
  return next.getUTCFullYear() > 9999 ? LAST_INSTANT : next.toISOString();
}

/** The last instant with a 4-digit year: `knownUntil('9999-12-31')` (stored times compare as strings). */
export const LAST_INSTANT = '9999-12-31T23:59:59.999Z';

/** Whether a fact recorded at `recordedAt` and ended at `supersededAt` was known on `day` (a day or an instant; now if null). */
export function knownOnDay(fact: { recordedAt?: unknown; supersededAt?: unknown }, day: string | null): boolean {
  const recorded = typeof fact.recordedAt === 'string' ? fact.recordedAt : '';
  const ended = typeof fact.supersededAt === 'string' ? fact.supersededAt : null;
  if (day === null) return ended === null;
  const until = knownUntil(day);
  return recorded < until && (ended === null || until <= ended);
}

export const knownOnQuery = z.object({ knownOn: knownOn.optional() });
