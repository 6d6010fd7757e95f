/**
 * The Admiralty (NATO) grading system: a source's reliability, A to F, and a piece of information's
 * credibility, 1 to 6, written together as a two-character grade ("B2"). Source: NATO AJP-2.1,
 * Allied Joint Doctrine for Intelligence Procedures, annex on the evaluation of information; the
 * same scale as US Army FM 2-22.3, appendix B.
 *
 * F and 6 mean "cannot be judged": they are a grade an analyst gives, not an absence of one. A source
 * with no stated reliability is shown as F (the seed's sources are graded F, never invented); a claim
 * with no stated credibility shows "–" in the credibility place ("F–"), so that nothing reads as
 * judged that was not.
 */
import { z } from 'zod';

export const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITY)[number];

/** The doctrine's words for each reliability grade. */
export const RELIABILITY_WORDS: Record<Reliability, string> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
};

export const CREDIBILITY = [1, 2, 3, 4, 5, 6] as const;
export type Credibility = (typeof CREDIBILITY)[number];

/** The doctrine's words for each credibility grade. */
export const CREDIBILITY_WORDS: Record<Credibility, string> = {
  1: 'confirmed by other sources',
  2: 'probably true',
  3: 'possibly true',
  4: 'doubtful',
  5: 'improbable',
  6: 'truth cannot be judged',
};

export const reliability = z.enum(RELIABILITY);
export const credibility = z.union([
  z.literal(1),
  z.literal(2),
  z.literal(3),
  z.literal(4),
  z.literal(5),
  z.literal(6),
]);

/** The reliability a source is shown with: its own, or F ("cannot be judged") when none was stated. */
export function reliabilityOf(value: unknown): Reliability {
  return typeof value === 'string' && (RELIABILITY as readonly string[]).includes(value) ? (value as Reliability) : 'F';
}

/** A credibility read from stored data, or null when the claim states none. */
export function credibilityOf(value: unknown): Credibility | null {
  const n = typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : Number.NaN;
  return (CREDIBILITY as readonly number[]).includes(n) ? (n as Credibility) : null;
}

/** The two-character grade: "B2"; "F–" when the claim states no credibility. */
export function gradeOf(sourceReliability: unknown, claimCredibility: unknown): string {
  return `${reliabilityOf(sourceReliability)}${credibilityOf(claimCredibility) ?? '–'}`;
}

/**
 * The least grade a claim must reach to be shown: `reliability` "B" keeps A and B sources; `credibility`
 * 3 keeps 1, 2 and 3. Either may be absent (no bar on that half). A claim without a credibility counts
 * as 6 ("cannot be judged"), as a source without a reliability counts as F: it passes only the bar 6.
 */
export interface GradeBar {
  reliability?: Reliability;
  credibility?: Credibility;
}

/**
 * Whether a claim citing sources of `reliabilities` with `claimCredibility` passes `bar`: its best
 * source reaches the reliability bar (a claim is as strong as the best source that states it) and its
 * credibility reaches the credibility bar.
 */
export function meetsGrade(reliabilities: readonly unknown[], claimCredibility: unknown, bar: GradeBar): boolean {
  if (bar.reliability !== undefined) {
    const best = reliabilities.map(reliabilityOf).sort()[0] ?? 'F';
    if (best > bar.reliability) return false;
  }
  if (bar.credibility !== undefined) {
    const c = credibilityOf(claimCredibility) ?? 6;
    if (c > bar.credibility) return false;
  }
  return true;
}
