/**
 * Time on the client: whether a link holds and a node exists on a day (the contract's interval rule,
 * so the canvas can react instantly before the server answers), the date range of what is drawn, and
 * month arithmetic for the time slider.
 */
import type { EdgeData, NodeData } from '../../../contract/api.ts';
import { holdsOn, lastDay, lifetimeOf } from '../../../contract/validTime.ts';

export { holdsOn };
// Dates and intervals in words live with the rest of a claim's words (qualifiers, figures).
export { describeDate, describeInterval } from './claimWords.ts';

const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : null);

/**
 * A node exists on a day unless it was founded (or, for an event, happened) after it, or dissolved
 * before it. Events that have not happened yet are not part of the network "as of" that day.
 */
export function existsOn(node: Record<string, unknown>, day: string): boolean {
  return holdsOn(lifetimeOf(node), day);
}

/** Every date a node or edge carries, as partial dates. */
export function datesOf(data: NodeData | EdgeData | Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of ['from', 'to', 'founded', 'dissolved', 'date']) {
    const v = str(data[key]);
    if (v && /^\d{4}(-\d{2}){0,2}$/.test(v)) out.push(v);
  }
  return out;
}

export interface MonthRange {
  /** First and last month, YYYY-MM. */
  first: string;
  last: string;
}

export const DEFAULT_RANGE: MonthRange = { first: '2015-01', last: '2020-12' };

/** The months the data spans, padded by one month either side; the default range when there are none. */
export function monthRange(dates: Iterable<string>): MonthRange {
  let min: string | null = null;
  let max: string | null = null;
  for (const d of dates) {
    const month = d.length === 4 ? `${d}-01` : d.slice(0, 7);
    const end = d.length === 4 ? `${d}-12` : d.slice(0, 7);
    if (min === null || month < min) min = month;
    if (max === null || end > max) max = end;
  }
  if (min === null || max === null) return DEFAULT_RANGE;
  return { first: addMonths(min, -1), last: addMonths(max, 1) };
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + n;
  return `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}`;
}

export function monthsBetween(first: string, last: string): number {
  const [y1, m1] = first.split('-').map(Number) as [number, number];
  const [y2, m2] = last.split('-').map(Number) as [number, number];
  return (y2 - y1) * 12 + (m2 - m1);
}

/** "As of June 2018" means by the end of June: the month's last day (contract/validTime.ts lastDay). */
export const lastDayOf = (month: string): string => lastDay(month);
