/**
 * Grades in the console's results: the claims a row holds (relationship cells, the steps of a path,
 * relationships inside lists) and whether any of them falls below the view's grade filter. The console
 * greys such rows rather than hiding them: a query's answer keeps every row it returned (and its CSV
 * export), while the analyst sees at once which rest on claims below the bar. Pure.
 */
import type { GradeBar } from '../../../contract/grades.ts';
import { isPath, isRelationship } from '../console/cellKinds.ts';
import { passesGradeBar, type Graded, type ReliabilityLookup } from './gradeWords.ts';

/** The claims (relationship data) a cell holds, however deep in a list or path. */
export function claimsIn(value: unknown): Graded[] {
  if (isRelationship(value)) return [value.data];
  if (isPath(value)) return value.edges.map((e) => e.data);
  if (Array.isArray(value)) return value.flatMap(claimsIn);
  return [];
}

/** Whether any claim in the row is below `bar` (false when there is no bar or no claim). */
export function rowBelowBar(row: readonly unknown[], lookup: ReliabilityLookup, bar: GradeBar | null): boolean {
  if (bar === null) return false;
  return row.some((cell) => claimsIn(cell).some((claim) => !passesGradeBar(claim, lookup, bar)));
}

/** The source ids cited by the claims in a result's rows, to ask their grades. */
export function sourcesInRows(rows: readonly (readonly unknown[])[]): string[] {
  const ids = new Set<string>();
  for (const row of rows)
    for (const cell of row)
      for (const claim of claimsIn(cell))
        if (Array.isArray(claim.sources)) for (const s of claim.sources) if (typeof s === 'string') ids.add(s);
  return [...ids];
}
