/**
 * How a claim's Admiralty grade reads (contract/grades.ts): the two characters ("B2") for each distinct
 * reliability among the sources it cites, with the claim's own credibility ("F–" when it states none);
 * the doctrine's words for a tooltip; and whether a claim passes the canvas's grade filter. Pure: the
 * sources' reliabilities come from a lookup (grades/sourceGrades.ts holds them for the client).
 */
import {
  CREDIBILITY_WORDS,
  credibilityOf,
  type GradeBar,
  gradeOf,
  meetsGrade,
  RELIABILITY_WORDS,
  type Reliability,
  reliabilityOf,
} from '../../../contract/grades.ts';

/** A source's reliability as the client holds it: undefined/null while unknown (shown as F, never invented). */
export type ReliabilityLookup = (sourceId: string) => Reliability | null | undefined;

/** What a claim carries for its grade: the ids of its sources and its credibility (edge data has both). */
export interface Graded {
  sources?: unknown;
  credibility?: unknown;
  [field: string]: unknown;
}

/** At most this many grades are written out; the rest are counted ("A1 B1 C1 +2"). */
const MAX_SHOWN = 3;

function sourceIds(claim: Graded): string[] {
  return Array.isArray(claim.sources) ? claim.sources.filter((s): s is string => typeof s === 'string') : [];
}

/** The distinct reliabilities of a claim's sources, best first; F alone when it cites none known. */
export function reliabilitiesOf(claim: Graded, lookup: ReliabilityLookup): Reliability[] {
  const found = [...new Set(sourceIds(claim).map((id) => reliabilityOf(lookup(id))))].sort();
  return found.length > 0 ? found : ['F'];
}

/** The distinct two-character grades of one claim, best first: ["B2", "F2"]. */
export function claimGrades(claim: Graded, lookup: ReliabilityLookup): string[] {
  return reliabilitiesOf(claim, lookup).map((r) => gradeOf(r, claim.credibility));
}

/** Distinct grades written short: "B2 F2", "A1 B1 C1 +2". */
export function shortGrades(grades: readonly string[]): string {
  const distinct = [...new Set(grades)].sort();
  const more = distinct.length - MAX_SHOWN;
  return `${distinct.slice(0, MAX_SHOWN).join(' ')}${more > 0 ? ` +${more}` : ''}`;
}

/** One claim's grade as shown beside it: "B2", or "B2 F2" when its sources differ. */
export function gradeText(claim: Graded, lookup: ReliabilityLookup): string {
  return shortGrades(claimGrades(claim, lookup));
}

/** The grades of several claims (a bundle of parallel links), distinct, short. */
export function gradesText(claims: readonly Graded[], lookup: ReliabilityLookup): string {
  return shortGrades(claims.flatMap((c) => claimGrades(c, lookup)));
}

/**
 * The grade in the doctrine's words, for a title: "Source B: usually reliable. Information 2: probably
 * true." Several sources: each distinct reliability is named. No stated credibility is said as such.
 */
export function gradeTitle(claim: Graded, lookup: ReliabilityLookup): string {
  const sources = reliabilitiesOf(claim, lookup).map((r) => `Source ${r}: ${RELIABILITY_WORDS[r]}.`);
  const c = credibilityOf(claim.credibility);
  const info = c === null ? 'Information: credibility not stated.' : `Information ${c}: ${CREDIBILITY_WORDS[c]}.`;
  return [...sources, info].join(' ');
}

/** A caption with the grade at the end of its first line: "member of · F–\nsince 2017". */
export function withGrade(caption: string, grade: string): string {
  if (grade === '') return caption;
  const cut = caption.indexOf('\n');
  return cut < 0 ? `${caption} · ${grade}` : `${caption.slice(0, cut)} · ${grade}${caption.slice(cut)}`;
}

/** The grade filter of a view ({minReliability, minCredibility}) as a GradeBar, or null when it has none. */
export function gradeBarOf(view: {
  minReliability: Reliability | null;
  minCredibility: number | null;
}): GradeBar | null {
  const credibility = credibilityOf(view.minCredibility);
  if (view.minReliability === null && credibility === null) return null;
  return {
    ...(view.minReliability ? { reliability: view.minReliability } : {}),
    ...(credibility !== null ? { credibility } : {}),
  };
}

/**
 * Whether a claim passes `bar` (null: every claim does): its best source reaches the reliability and its
 * credibility reaches the credibility (contract/grades.ts meetsGrade; an unknown source counts as F).
 */
export function passesGradeBar(claim: Graded, lookup: ReliabilityLookup, bar: GradeBar | null): boolean {
  if (bar === null) return true;
  return meetsGrade(
    sourceIds(claim).map((id) => lookup(id) ?? 'F'),
    claim.credibility,
    bar,
  );
}

/** The words of the filter's bar: "source B or better, credibility 3 or better". */
export function gradeBarWords(bar: GradeBar | null): string {
  if (bar === null) return 'every grade';
  const parts: string[] = [];
  if (bar.reliability) parts.push(`source ${bar.reliability} or better`);
  if (bar.credibility) parts.push(`credibility ${bar.credibility} or better`);
  return parts.join(', ');
}
