/**
 * Claims in words, exactly as their sources state them: dates at their own precision and with their
 * qualifiers ("by 9 February 2018", "from about 2015 to 9 February 2018", "on 14 February 2017"),
 * figures with their bounds ("at least 80", "up to 160"), and hedged or attributed claims ("reportedly",
 * "according to Moussa al-Omar"). Pure: the canvas labels, the details and lineage panels and the
 * tooltips all read claims through this one module, so a claim reads the same everywhere.
 * Month names come from Intl.DateTimeFormat (en-GB, UTC), never from a hand-written table.
 */
import {
  CLAIM_QUALIFIERS,
  DATE_QUALIFIERS,
  FIGURE_BOUNDS,
  type ClaimQualifier,
  type DateQualifier,
  type FigureBound,
} from '../../../contract/model.ts';
import { firstDay, lastDay } from '../../../contract/validTime.ts';

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function oneOf<T extends string>(list: readonly T[], v: unknown): T | null {
  return typeof v === 'string' && (list as readonly string[]).includes(v) ? (v as T) : null;
}

/** A date qualifier from data of unknown shape (a property), or null when absent or not one. */
export const asDateQualifier = (v: unknown): DateQualifier | null => oneOf(DATE_QUALIFIERS, v);
/** A claim qualifier from data of unknown shape, or null. */
export const asClaimQualifier = (v: unknown): ClaimQualifier | null => oneOf(CLAIM_QUALIFIERS, v);
/** A figure bound from data of unknown shape, or null. */
export const asFigureBound = (v: unknown): FigureBound | null => oneOf(FIGURE_BOUNDS, v);

/** A partial date in words at its own precision: "2018", "June 2018", "9 February 2018". */
export function describeDate(date: string): string {
  const m = PARTIAL_DATE.exec(date);
  if (!m) return date;
  const [, year, month, day] = m;
  if (!month) return year!;
  const when = new Date(0);
  when.setUTCFullYear(Number(year), Number(month) - 1, day ? Number(day) : 1);
  return (day ? DAY : MONTH).format(when);
}

const isDay = (date: string) => date.length === 10;

/** A date with its qualifier, standing alone: "by 9 February 2018", "about 2015", "on 14 February 2017". */
export function describeQualifiedDate(date: string, qualifier?: DateQualifier | null): string {
  const words = describeDate(date);
  if (qualifier === 'by') return `by ${words}`;
  if (qualifier === 'after') return `after ${words}`;
  if (qualifier === 'about') return `about ${words}`;
  return `${isDay(date) ? 'on' : 'in'} ${words}`;
}

/** One end of an interval inside "from … to …": "about 2015", "no later than June 2016". */
function bound(date: string, qualifier: DateQualifier | null): string {
  const words = describeDate(date);
  if (qualifier === 'by') return `no later than ${words}`;
  if (qualifier === 'after') return `no earlier than ${words}`;
  if (qualifier === 'about') return `about ${words}`;
  return words;
}

export interface DateQualifiers {
  fromQualifier?: unknown;
  toQualifier?: unknown;
}

/**
 * An interval in words, each end at its precision and with its qualifier: "from about 2015 to
 * 9 February 2018", "since October 2015", "until 2016", "on 14 February 2017" when it starts and ends
 * the same day, "undated" with no dates. A start known only as a bound always reads as a start, never
 * as an end: "since no later than 23 February 2017" (held from some unknown date up to then, and on),
 * and one bounded by its own end, "until 22 May 2017 (start unknown)". "by 5 May 2016" only for an
 * instant dated "by" at both ends.
 */
export function describeInterval(
  from: string | null | undefined,
  to: string | null | undefined,
  qualifiers: DateQualifiers = {},
): string {
  const fq = asDateQualifier(qualifiers.fromQualifier);
  const tq = asDateQualifier(qualifiers.toQualifier);
  if (from && to && from === to && fq === tq) return describeQualifiedDate(from, fq);
  // Started no later than the day it ended: the bound says nothing the end does not.
  if (from && to && from === to && fq === 'by') return `until ${bound(to, tq)} (start unknown)`;
  if (from && to) return `from ${bound(from, fq)} to ${bound(to, tq)}`;
  if (from) return `since ${bound(from, fq)}`;
  if (to) return `until ${bound(to, tq)}`;
  return 'undated';
}

/** A node's own time in words: an event's date (or span), a faction's founding and dissolution. */
export function describeNodeTime(node: Record<string, unknown>): string | null {
  const str = (k: string) => (typeof node[k] === 'string' && node[k] !== '' ? (node[k] as string) : null);
  if (node.label === 'Event') {
    const date = str('date');
    if (!date) return null;
    const end = str('endDate');
    return describeInterval(date, end ?? date, {
      fromQualifier: node.dateQualifier,
      toQualifier: end ? null : node.dateQualifier,
    });
  }
  if (!str('founded') && !str('dissolved')) return null;
  return describeInterval(str('founded'), str('dissolved'), {
    fromQualifier: node.foundedQualifier,
    toQualifier: node.dissolvedQualifier,
  });
}

/**
 * A dated node's date as a heading or tooltip says it: "14 February 2017", "about 2017",
 * "from January 2017 to March 2017"; its own time (describeNodeTime) when it has none.
 */
export function dateInWords(node: Record<string, unknown>): string {
  const date = typeof node.date === 'string' ? node.date : '';
  const q = asDateQualifier(node.dateQualifier);
  if (date && !node.endDate) return q ? describeQualifiedDate(date, q) : describeDate(date);
  return describeNodeTime(node) ?? '';
}

/** A figure with its bound, in words: "at least 80", "up to 160", "70". */
export function describeFigure(figure: number, bound?: FigureBound | null): string {
  return bound ? `${bound} ${figure}` : String(figure);
}

const SHORT_BOUNDS: Record<FigureBound, (n: string) => string> = {
  'at least': (n) => `${n}+`,
  'more than': (n) => `>${n}`,
  'up to': (n) => `≤${n}`,
  'fewer than': (n) => `<${n}`,
  about: (n) => `~${n}`,
};

/** A figure with its bound in a few characters, for labels that list several: "80+", "≤160", "~70". */
export function shortFigure(figure: number, bound?: FigureBound | null): string {
  return bound ? SHORT_BOUNDS[bound](String(figure)) : String(figure);
}

const CLAIM_WORDS: Record<ClaimQualifier, string> = {
  reported: 'reportedly',
  claimed: 'claimed',
  alleged: 'allegedly',
  unconfirmed: 'unconfirmed',
  largely: 'largely',
  partly: 'partly',
};

/**
 * How a source states a claim, in words, or null when it states it as fact: "reportedly",
 * "according to Moussa al-Omar" (a claim by a named party), "allegedly, according to …", "largely".
 */
export function describeClaim(qualifier: unknown, claimedBy: unknown): string | null {
  const q = asClaimQualifier(qualifier);
  const who = typeof claimedBy === 'string' && claimedBy.trim() !== '' ? claimedBy.trim() : null;
  if (who) return q && q !== 'claimed' ? `${CLAIM_WORDS[q]}, according to ${who}` : `according to ${who}`;
  return q ? CLAIM_WORDS[q] : null;
}

/** The parts of a relationship that make a claim, as they arrive in its data. */
export interface ClaimData {
  from?: string | null;
  to?: string | null;
  fromQualifier?: unknown;
  toQualifier?: unknown;
  casualties?: unknown;
  casualtiesBound?: unknown;
  /** What the figure counts, in the source's words ("Jaysh al-Nasr fighters captured"). */
  casualtiesCounted?: unknown;
  qualifier?: unknown;
  claimedBy?: unknown;
  /** Stored valid time (contract/validTime.ts), when known. */
  validFrom?: unknown;
  validTo?: unknown;
  [key: string]: unknown;
}

/** What a relationship's figure counts, in its source's own terms, or null when the source does not say. */
export function countedOf(data: ClaimData): string | null {
  const c = data.casualtiesCounted;
  return typeof c === 'string' && c.trim() !== '' ? c.trim() : null;
}

/**
 * The noun after a figure: what the source counts ("Jaysh al-Nasr fighters captured"); "casualties",
 * the figure's meaning in the data model, only when the source does not say what it counts.
 */
export const figureNoun = (data: ClaimData): string => countedOf(data) ?? 'casualties';

/** A relationship's figure, if it carries one. */
export function figureOf(data: ClaimData): { figure: number; bound: FigureBound | null } | null {
  return typeof data.casualties === 'number'
    ? { figure: data.casualties, bound: asFigureBound(data.casualtiesBound) }
    : null;
}

/**
 * A relationship's interval in words, with its qualifiers; null when undated. A link stated only from
 * a date whose valid time is that date's own period (a part in a dated event: an instant) reads as
 * that date, "on 14 February 2017", not "since".
 */
export function claimInterval(data: ClaimData): string | null {
  if (!data.from && !data.to) return null;
  if (data.from && !data.to && data.validFrom === firstDay(data.from) && data.validTo === lastDay(data.from)) {
    return describeInterval(data.from, data.from, {
      fromQualifier: data.fromQualifier,
      toQualifier: data.fromQualifier,
    });
  }
  return describeInterval(data.from, data.to, data);
}

/**
 * The label of one link on the canvas: what it is with its figure and what the figure counts, when,
 * and how it is stated: "fought · more than 250 Jaysh al-Nasr fighters captured", "on 14 February
 * 2017", "reportedly" (one per line).
 */
export function edgeCaption(words: string, data: ClaimData): string {
  const figure = figureOf(data);
  const lines = [figure ? `${words} · ${describeFigure(figure.figure, figure.bound)} ${figureNoun(data)}` : words];
  const when = claimInterval(data);
  if (when) lines.push(when);
  const how = describeClaim(data.qualifier, data.claimedBy);
  if (how) lines.push(how);
  return lines.join('\n');
}
