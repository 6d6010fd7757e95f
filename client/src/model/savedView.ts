/**
 * The view model's saved fields and their form on the wire (contract/investigation.ts
 * `investigationView`): turning one into the other, and the checks the contract makes that the model
 * must make first (a comparison's dates in order), so what the model holds always saves.
 */
import type { Annotation, Comparison, InvestigationView } from '../../../contract/investigation.ts';
import { isFullDate } from '../../../contract/partialDate.ts';
import type { ViewState } from '../state/viewState.ts';
import type { ElementLists, ElementMaps, Point, Viewport } from './modelTypes.ts';
import type { Provenance } from './provenance.ts';

/** What undo brings back: every saved part of the model but the viewport, the selection and the queries. */
export interface SavedFields {
  recipe: ViewState;
  positions: Map<string, Point>;
  /** Elements drawn from outside the recipe, with their data. */
  base: ElementMaps;
  /** Base ids loaded without data (their snapshot lacked them): kept so a save does not lose them. */
  baseMissing: { nodes: string[]; edges: string[] };
  provenance: Provenance;
  annotations: readonly Annotation[];
  compare: Comparison | null;
}

/** Throws RangeError unless both dates are YYYY-MM-DD and `a` ≤ `b`. */
export function checkComparison(c: Comparison): void {
  if (!isFullDate(c.a) || !isFullDate(c.b)) throw new RangeError('Compare two dates YYYY-MM-DD');
  if (c.a > c.b) throw new RangeError('The first date of a comparison must not be after the second');
}

/** The saved form: plain JSON that shares nothing with the model. */
export function viewOf(f: SavedFields, viewport: Viewport, selection: readonly string[]): InvestigationView {
  return {
    recipe: structuredClone(f.recipe),
    positions: Object.fromEntries([...f.positions].map(([id, p]) => [id, { x: p.x, y: p.y }])),
    viewport: { zoom: viewport.zoom, pan: { x: viewport.pan.x, y: viewport.pan.y } },
    selection: [...selection],
    compare: f.compare ? { a: f.compare.a, b: f.compare.b } : null,
    base: {
      nodes: [...f.base.nodes.keys(), ...f.baseMissing.nodes],
      edges: [...f.base.edges.keys(), ...f.baseMissing.edges],
    },
    steps: structuredClone([...f.provenance.steps]),
    provenance: f.provenance.toRecord(),
  };
}

/** The base of a saved view: each id with its data from `snapshot`, or among the missing ones. */
export function baseFromSaved(
  saved: InvestigationView['base'],
  snapshot: ElementLists | undefined,
): { base: ElementMaps; baseMissing: SavedFields['baseMissing'] } {
  const nodeData = new Map((snapshot?.nodes ?? []).map((n) => [n.id, n]));
  const edgeData = new Map((snapshot?.edges ?? []).map((e) => [e.id, e]));
  const base: ElementMaps = { nodes: new Map(), edges: new Map() };
  const baseMissing: SavedFields['baseMissing'] = { nodes: [], edges: [] };
  for (const id of saved.nodes) {
    const d = nodeData.get(id);
    if (d) base.nodes.set(id, structuredClone(d));
    else baseMissing.nodes.push(id);
  }
  for (const id of saved.edges) {
    const d = edgeData.get(id);
    if (d) base.edges.set(id, structuredClone(d));
    else baseMissing.edges.push(id);
  }
  return { base, baseMissing };
}
