/**
 * What a view is, as a recipe the client can replay: which nodes were added, which neighbourhoods and
 * paths were fetched, what the analyst removed, hid or pinned, the date, the filters and the layout.
 * The URL (state/url.ts), the undo stack and JSON exports all carry this, never the drawn elements
 * alone, so a shared link rebuilds the same view from the database.
 */
import type { Credibility, Reliability } from '../../../contract/grades.ts';
import type { GraphLabel, RelationshipType } from '../../../contract/model.ts';
import { DEFAULT_PAGE_SIZE, emptyRecipe } from '../../../contract/investigation.ts';

export type Direction = 'both' | 'out' | 'in';

export interface Expansion {
  id: string;
  depth: number;
  direction: Direction;
  /** Only these relationship types; null for all. */
  types: RelationshipType[] | null;
  /** At most this many neighbours; null once the analyst fetched the rest ("N more"). */
  limit: number | null;
}

export interface PathSpec {
  from: string;
  to: string;
  maxLength: number;
}

export const LAYOUTS = ['fcose', 'concentric', 'hierarchical', 'grid'] as const;
export type LayoutName = (typeof LAYOUTS)[number];

export interface ViewState {
  added: string[];
  expansions: Expansion[];
  paths: PathSpec[];
  /** A faction whose lineage replaces the network while it is open. */
  lineage: string | null;
  removed: string[];
  hidden: string[];
  pinned: string[];
  /** The network as of this day (YYYY-MM-DD); null for all time. */
  asOf: string | null;
  hiddenLabels: GraphLabel[];
  hiddenTypes: RelationshipType[];
  layout: LayoutName;
  /** The selected node or edge, centred when the view opens. */
  focus: string | null;
  /** How many neighbours one expansion adds before saying "N more". */
  pageSize: number;
  /**
   * "As known on": what the graph said on this day (YYYY-MM-DD) or just before this instant
   * (contract/knownTime.ts); null for now. Independent of `asOf` (when facts held in the world).
   */
  knownOn: string | null;
  /** The grade filter (contract/grades.ts GradeBar): the least source reliability shown; null for any. */
  minReliability: Reliability | null;
  /** The least claim credibility shown; null for any. */
  minCredibility: Credibility | null;
}

export { DEFAULT_PAGE_SIZE };

/** An empty view (the contract's emptyRecipe, so the server's new investigations start the same way). */
export function emptyViewState(): ViewState {
  return emptyRecipe();
}

export function cloneViewState(state: ViewState): ViewState {
  return structuredClone(state);
}

export function sameExpansion(a: Expansion, b: Expansion): boolean {
  return (
    a.id === b.id &&
    a.depth === b.depth &&
    a.direction === b.direction &&
    (a.types ?? []).join(',') === (b.types ?? []).join(',')
  );
}

/** The nodes the analyst asked for by name: kept on the canvas even when no link of theirs holds. */
export function seedIds(state: ViewState): Set<string> {
  const ids = new Set(state.added);
  for (const e of state.expansions) ids.add(e.id);
  for (const p of state.paths) {
    ids.add(p.from);
    ids.add(p.to);
  }
  if (state.lineage) ids.add(state.lineage);
  return ids;
}
