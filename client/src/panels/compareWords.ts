/**
 * The compare panel's pure parts (panels/compare.ts): checking the two dates the analyst typed, and
 * the legend's counts in words.
 */
import type { Comparison } from '../../../contract/investigation.ts';
import { isFullDate } from '../../../contract/partialDate.ts';
import type { CompareResult } from '../graph/compareLook.ts';
import { describeDate } from '../graph/claimWords.ts';

/** The two dates as a comparison, or a message saying what is wrong with them. */
export function checkDates(a: string, b: string): { compare: Comparison } | { error: string } {
  if (!a || !b) return { error: 'Choose both dates, A and B.' };
  if (!isFullDate(a)) return { error: `Date A must be a day (YYYY-MM-DD), not "${a}".` };
  if (!isFullDate(b)) return { error: `Date B must be a day (YYYY-MM-DD), not "${b}".` };
  if (a > b) return { error: `Date A (${describeDate(a)}) must not be after date B (${describeDate(b)}).` };
  return { compare: { a, b } };
}

export type LegendKey = 'added' | 'ended' | 'held' | 'between';

/** Each legend row: its key, its words and how many links and nodes it counts. */
export function legendRows(r: CompareResult): { key: LegendKey; words: string; links: number; nodes: number }[] {
  return [
    { key: 'added', words: 'Added', links: r.edges.added.length, nodes: r.nodes.added.length },
    { key: 'ended', words: 'Ended', links: r.edges.ended.length, nodes: r.nodes.ended.length },
    { key: 'held', words: 'Held', links: r.edges.held.length, nodes: r.nodes.held.length },
    {
      key: 'between',
      words: 'Came and went between A and B (faded)',
      links: r.between.edges.length,
      nodes: r.between.nodes.length,
    },
  ];
}

/** "3 links, 1 node" (either left out when zero; "none" when both are). */
export function countWords(links: number, nodes: number): string {
  const parts = [
    links > 0 ? `${links} link${links === 1 ? '' : 's'}` : '',
    nodes > 0 ? `${nodes} node${nodes === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'none';
}
