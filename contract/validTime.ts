/**
 * Valid time: when a fact held in the world, derived ONCE (at import) from what the sources state and
 * stored beside it, so that every "as of" question everywhere — Cypher, server, client — is the same
 * one-line predicate on two stored full dates:
 *
 *     validFrom <= day <= validTo            (Cypher: `$asOf IS NULL OR x.validFrom <= $asOf <= x.validTo`)
 *
 * Shapes: every date here is a string. Partial ISO dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) come in;
 * full dates (`YYYY-MM-DD`) come out. Unbounded ends are the sentinels VALID_TIME_MIN / VALID_TIME_MAX
 * rather than absent properties, so the predicate needs no null checks and range indexes serve it.
 *
 * The derivation:
 *   - a partial `from` counts from its first day, a partial `to` to its last day ("2015–16" holds on
 *     2016-12-31, "until 2018-02-09" no longer on 2018-02-10);
 *   - a node's lifetime bounds it: a Faction from `founded` to `dissolved`, an Event from `date` to
 *     `endDate` (an event without an end date is an instant: its date's period), others unbounded;
 *   - a relationship holds only while both its ends exist: its own interval intersected with both
 *     lifetimes. A link to a dated event is thereby an instant unless a source gives it a span.
 * A bound qualifier ("by", "after", "about": see DATE_QUALIFIERS) changes how a date is read out, not
 * the stored bounds: "by 9 February 2018" is the earliest day the source vouches for.
 */

import type { DateQualifier } from './model.ts';

/** Before any date an analyst enters: the stored `validFrom` of a fact with no known start. */
export const VALID_TIME_MIN = '0000-01-01';
/** After any date an analyst enters: the stored `validTo` of a fact with no known end. */
export const VALID_TIME_MAX = '9999-12-31';

/** A stored valid-time interval, both ends full dates, inclusive. */
export interface ValidTime {
  validFrom: string;
  validTo: string;
}

/** The first day of a partial date's period: 2015 → 2015-01-01, 2015-08 → 2015-08-01. */
export function firstDay(partial: string): string {
  if (partial.length === 4) return `${partial}-01-01`;
  if (partial.length === 7) return `${partial}-01`;
  return partial;
}

/** The last day of a partial date's period: 2015 → 2015-12-31, 2016-02 → 2016-02-29. */
export function lastDay(partial: string): string {
  if (partial.length === 4) return `${partial}-12-31`;
  if (partial.length === 7) {
    const [y, m] = partial.split('-').map(Number) as [number, number];
    const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${partial}-${String(day).padStart(2, '0')}`;
  }
  return partial;
}

const present = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** An interval stated in partial dates (either end may be unknown) as stored valid time. */
export function intervalBounds(from?: string | null, to?: string | null): ValidTime {
  return {
    validFrom: present(from) ? firstDay(from) : VALID_TIME_MIN,
    validTo: present(to) ? lastDay(to) : VALID_TIME_MAX,
  };
}

/**
 * A node's lifetime, from the properties its label gives it: Faction `founded`–`dissolved`, Event
 * `date`–`endDate` (the date's own period when there is no end date); unbounded for anything else.
 * A bound that the source gives only as a bound does not clip: "founded by 2016" says it existed in
 * 2016, not that it did not exist in 2015, so that start stays open (likewise an end "after" a date).
 * Lifetimes bound the relationships of a node, and a stated link must never be hidden by a guess.
 */
export function lifetimeOf(node: { label?: unknown; [key: string]: unknown }): ValidTime {
  const opens = (qualifier: unknown, open: DateQualifier) => qualifier === open;
  if (node.label === 'Faction') {
    const { validFrom, validTo } = intervalBounds(
      node.founded as string | undefined,
      node.dissolved as string | undefined,
    );
    return {
      validFrom: opens(node.foundedQualifier, 'by') ? VALID_TIME_MIN : validFrom,
      validTo: opens(node.dissolvedQualifier, 'after') ? VALID_TIME_MAX : validTo,
    };
  }
  if (node.label === 'Event' && present(node.date)) {
    const { validFrom, validTo } = intervalBounds(node.date, present(node.endDate) ? node.endDate : node.date);
    // "By 5 May 2016" (a video's upload date): it happened no later than that, from an unknown day.
    if (opens(node.dateQualifier, 'by')) return { validFrom: VALID_TIME_MIN, validTo };
    // "After March 2017": from then on, to an unknown day unless an end date is given.
    if (opens(node.dateQualifier, 'after') && !present(node.endDate)) return { validFrom, validTo: VALID_TIME_MAX };
    return { validFrom, validTo };
  }
  return { validFrom: VALID_TIME_MIN, validTo: VALID_TIME_MAX };
}

/**
 * A relationship's valid time: its own stated interval, within the lifetimes of both its ends.
 * `validFrom > validTo` means the sources contradict each other (a link stated after an end ceased);
 * such a relationship holds on no day, and the importer reports it.
 */
export function relationshipValidTime(
  stated: { from?: string | null; to?: string | null },
  start: ValidTime,
  end: ValidTime,
): ValidTime {
  const own = intervalBounds(stated.from, stated.to);
  return {
    validFrom: latest(own.validFrom, start.validFrom, end.validFrom),
    validTo: earliest(own.validTo, start.validTo, end.validTo),
  };
}

// Full ISO dates compare in time order as strings (Math.max would coerce them to NaN).
const latest = (...days: string[]) => days.reduce((a, b) => (a.localeCompare(b) >= 0 ? a : b));
const earliest = (...days: string[]) => days.reduce((a, b) => (a.localeCompare(b) <= 0 ? a : b));

/** THE as-of predicate: whether stored valid time holds on the full date `day`. */
export function holdsOn(time: ValidTime, day: string): boolean {
  return time.validFrom <= day && day <= time.validTo;
}

/**
 * Chronological order of partial dates as an analyst reads them: by the last day of each period, and
 * where two periods end on the same day, the more precise first. So "2015" never comes before
 * "August 2015" (it is not known to be earlier), while "2014" comes before "March 2015".
 * Absent dates sort first.
 */
export function compareChronologically(a?: string | null, b?: string | null): number {
  if (!present(a)) return present(b) ? -1 : 0;
  if (!present(b)) return 1;
  const byEnd = lastDay(a).localeCompare(lastDay(b));
  if (byEnd !== 0) return byEnd;
  return b.length - a.length || a.localeCompare(b);
}
