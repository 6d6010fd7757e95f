/**
 * Compare two dates: given what is known (nodes and relationships) and two days A ≤ B, what was added,
 * what ended and what held between them. A pure rule, for the comparison view (contract/investigation.ts
 * `comparison`) and its tests; it draws nothing.
 *
 * Semantics, per element, with "holds on D" being THE as-of predicate of contract/validTime.ts
 * (`holdsOn`: validFrom <= D <= validTo, both ends inclusive, open ends stored as sentinels):
 *   - `added`: does not hold on A, holds on B (its first day is after A and on or before B);
 *   - `ended`: holds on A, does not hold on B (its last day is on or after A and before B);
 *   - `held`:  holds on A and on B, hence on every day between (a valid time is one interval);
 *   - neither (absent from the result): holds on neither day. This includes a fact that began after A
 *     and ended before B: it came and went in between, and belongs to neither picture.
 * Relationships are judged by their stored valid time (`validFrom`/`validTo` on EdgeData, already the
 * stated interval clipped to both ends' lifetimes); nodes by their lifetime (`lifetimeOf`: a faction
 * from founded to dissolved, an event on its date, anything undated always). Partial dates were widened
 * to whole periods at import: "from 2017-02" holds from 1 February, "to 2018" through 31 December.
 * A relationship whose sources contradict each other (validFrom > validTo) holds on no day: neither.
 * With A = B nothing can be added or ended: everything holding on that day is `held`.
 */
import type { EdgeData, NodeData } from '../../../contract/api.ts';
import { isFullDate } from '../../../contract/partialDate.ts';
import { holdsOn, lifetimeOf, type ValidTime } from '../../../contract/validTime.ts';

export type DateChange = 'added' | 'ended' | 'held';

/** Element id → its change between A and B; elements holding on neither day are absent. */
export interface DateComparison {
  a: string;
  b: string;
  nodes: Map<string, DateChange>;
  edges: Map<string, DateChange>;
}

/**
 * How one valid time changes between full dates `a` and `b` (a ≤ b): see the module's comment.
 * Throws RangeError when either is not a full date YYYY-MM-DD or `a` is after `b`.
 */
export function changeBetween(time: ValidTime, a: string, b: string): DateChange | null {
  checkDays(a, b);
  return classify(time, a, b);
}

/**
 * Every node (by its lifetime) and relationship (by its stored valid time) of `elements`, classified
 * between `a` and `b`. Throws RangeError as changeBetween does.
 */
export function compareDates(
  elements: { nodes: readonly NodeData[]; edges: readonly EdgeData[] },
  a: string,
  b: string,
): DateComparison {
  checkDays(a, b);
  const nodes = new Map<string, DateChange>();
  const edges = new Map<string, DateChange>();
  for (const node of elements.nodes) {
    const change = classify(lifetimeOf(node), a, b);
    if (change) nodes.set(node.id, change);
  }
  for (const edge of elements.edges) {
    const change = classify(edge, a, b);
    if (change) edges.set(edge.id, change);
  }
  return { a, b, nodes, edges };
}

/** The ids of a comparison's elements with this change, nodes and edges together (for highlighting). */
export function idsWith(comparison: DateComparison, change: DateChange): string[] {
  const pick = (m: Map<string, DateChange>) => [...m].filter(([, c]) => c === change).map(([id]) => id);
  return [...pick(comparison.nodes), ...pick(comparison.edges)];
}

function classify(time: ValidTime, a: string, b: string): DateChange | null {
  const onA = holdsOn(time, a);
  const onB = holdsOn(time, b);
  if (onA && onB) return 'held';
  if (onA) return 'ended';
  if (onB) return 'added';
  return null;
}

function checkDays(a: string, b: string): void {
  if (!isFullDate(a)) throw new RangeError(`Date A must be a date YYYY-MM-DD, not "${a}"`);
  if (!isFullDate(b)) throw new RangeError(`Date B must be a date YYYY-MM-DD, not "${b}"`);
  if (a > b) throw new RangeError(`Date A (${a}) must not be after date B (${b})`);
}
