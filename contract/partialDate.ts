/**
 * Partial ISO dates: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, because the article often knows only a year or
 * a month. Stored as strings, they compare correctly as strings: a shorter date is a prefix of the
 * longer ones inside it, so 2018-02 < 2018-02-09 < 2018-03.
 *
 * Interval rule (mirrored by the Cypher in cypher/neighbourhood.cypher and friends):
 * a relationship holds on day D when
 *   - `from` is absent, or `from` <= D  (a partial `from` counts from the first day of its period), and
 *   - `to` is absent, or D <= `to`, or D lies inside `to`'s period (a partial `to` counts to its last day).
 * "2015–16" thus holds on 2016-12-31, and "until 2018-02-09" no longer holds on 2018-02-10.
 */
import { z } from 'zod';

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isPartialDate(value: string): boolean {
  const m = PARTIAL_DATE.exec(value);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

export function isFullDate(value: string): boolean {
  return value.length === 10 && isPartialDate(value);
}

export const partialDate = z.string().refine(isPartialDate, { message: 'must be a date YYYY, YYYY-MM or YYYY-MM-DD' });

export const fullDate = z.string().refine(isFullDate, { message: 'must be a date YYYY-MM-DD' });

/** Whether an interval [from, to] (partial dates, either may be absent) holds on the full date `day`. */
export function holdsOn(interval: { from?: string | null; to?: string | null }, day: string): boolean {
  const { from, to } = interval;
  if (from != null && from > day) return false;
  if (to != null && day > to && !day.startsWith(to)) return false;
  return true;
}

/** Ascending comparison for sorting partial dates; absent dates sort first. */
export function comparePartialDates(a?: string | null, b?: string | null): number {
  if (a == null) return b == null ? 0 : -1;
  if (b == null) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
