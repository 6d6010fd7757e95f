/**
 * The generated network's calendar: whole months from January 2011 (month 0) to December 2024
 * (month 167), the span of a long civil war. Structure is planned in month numbers; dates are written
 * out as the import format's partial dates (contract/partialDate.ts) at the precision a source would
 * give: a year, a month, or a day.
 */

export const FIRST_YEAR = 2011;
/** Months in the calendar; the last month is MONTHS - 1. */
export const MONTHS = 14 * 12;
export const LAST_MONTH = MONTHS - 1;

export const yearOf = (month: number) => FIRST_YEAR + Math.floor(month / 12);
export const januaryOf = (month: number) => month - (month % 12);
export const decemberOf = (month: number) => januaryOf(month) + 11;

/** `YYYY` of a month number. */
export const yearText = (month: number) => String(yearOf(month));
/** `YYYY-MM` of a month number. */
export const monthText = (month: number) => `${yearOf(month)}-${String((month % 12) + 1).padStart(2, '0')}`;
/** `YYYY-MM-DD` of a month number and a day 1–28 (every month has those). */
export const dayText = (month: number, day: number) => `${monthText(month)}-${String(day).padStart(2, '0')}`;

/** A span of whole months, both ends included. */
export interface Span {
  from: number;
  to: number;
}

/** The months two spans share, or null when they share none. */
export function overlap(a: Span, b: Span): Span | null {
  const from = Math.max(a.from, b.from);
  const to = Math.min(a.to, b.to);
  return from <= to ? { from, to } : null;
}
