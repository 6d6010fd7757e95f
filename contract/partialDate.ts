/**
 * Partial ISO dates: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, because the article often knows only a year or
 * a month. Stored as strings, they compare correctly as strings: a shorter date is a prefix of the
 * longer ones inside it, so 2018-02 < 2018-02-09 < 2018-03.
 *
 * When a fact held (valid time) is derived from these dates once, at import: contract/validTime.ts.
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
