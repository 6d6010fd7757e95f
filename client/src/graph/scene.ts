/**
 * What is on the canvas, for graph/canvas.ts: bringing the drawn elements in line with a loaded element
 * set (placed nodes keep their positions), and the display rules derived from the view state: filters,
 * hidden and pinned nodes, the date, labels with "N more", sizes by degree. Also snapshots for undo.
 */
import type { Core, ElementDefinition, NodeCollection, Position, SingularElementArgument } from 'cytoscape';
import type { EdgeData, NodeData } from '../../../contract/api.ts';
import type { ElementSet, Truncation } from './loader.ts';
import { bundleParallelEdges } from './bundles.ts';
import { edgeCaption } from './claimWords.ts';
import { edgeLook, nodeLook, TYPE_WORDS } from './style.ts';
import { existsOn, holdsOn } from './timeRules.ts';
import { seedIds, type ViewState } from '../state/viewState.ts';
import { gradeBarOf, gradeText, passesGradeBar, withGrade } from '../grades/gradeWords.ts';
import { sourceGrades } from '../grades/sourceGrades.ts';

/**
 * A link's own label: its type, figure, interval and how it is stated, in words (graph/claimWords.ts),
 * with its Admiralty grade at the end of the first line ("member of · F–").
 */
export function edgeDisplay(e: EdgeData): string {
  return withGrade(edgeCaption(TYPE_WORDS[e.type] ?? e.type, e), gradeText(e, sourceGrades.lookup));
}

export function nodeDefinition(data: NodeData): ElementDefinition {
  return { group: 'nodes', data: { ...data, ...nodeLook(data), display: data.name, degree: 0 } };
}

export function edgeDefinition(data: EdgeData): ElementDefinition {
  return { group: 'edges', data: { ...data, ...edgeLook(data.type), display: edgeDisplay(data) } };
}

/**
 * Makes the canvas hold exactly `set`: removes what is not in it, adds what is new (where `placeOf`
 * remembers it, if it does), refreshes the data of what stays (it keeps its position). Returns the
 * added nodes that have no place yet.
 */
export function applyElementSet(
  cy: Core,
  set: ElementSet,
  placeOf: (id: string) => Position | undefined,
): NodeCollection {
  let unplaced: NodeCollection = cy.collection().nodes();
  cy.batch(() => {
    cy.elements().forEach((ele) => {
      const id = ele.id();
      const keep = ele.isNode() ? set.nodes.has(id) : set.edges.has(id);
      if (!keep) cy.remove(ele);
    });
    const fresh: ElementDefinition[] = [];
    for (const [id, data] of set.nodes) {
      const ele = cy.getElementById(id);
      if (ele.nonempty()) ele.data({ ...data, ...nodeLook(data), display: ele.data('display') as string });
      else {
        const def = nodeDefinition(data);
        const position = placeOf(id);
        fresh.push(position ? { ...def, position: { ...position } } : def);
      }
    }
    for (const [id, data] of set.edges) {
      const ele = cy.getElementById(id);
      if (ele.nonempty()) ele.data({ ...data, ...edgeLook(data.type), display: edgeDisplay(data) });
      else if (set.nodes.has(data.source) && set.nodes.has(data.target)) fresh.push(edgeDefinition(data));
    }
    unplaced = cy
      .add(fresh)
      .nodes()
      .filter((n) => placeOf(n.id()) === undefined);
  });
  return unplaced;
}

/**
 * The "N more" each expanded node says, once: a node expanded one step and then two has two truncated
 * expansions, and the deeper one's count (which includes the shallower one's) is the one to say.
 */
export function truncationLabels(truncations: readonly Truncation[]): Map<string, string> {
  const kept = new Map<string, Truncation>();
  for (const t of truncations) {
    const held = kept.get(t.expansion.id);
    const deeper = !held || t.expansion.depth > held.expansion.depth;
    const sameDepthMore = held && t.expansion.depth === held.expansion.depth && t.more > held.more;
    if (deeper || sameDepthMore) kept.set(t.expansion.id, t);
  }
  return new Map([...kept].map(([id, t]) => [id, `${t.more}${t.overflow ? '+' : ''} more`]));
}

/**
 * Gives or takes one class, touching the element only when that changes anything: Cytoscape's
 * toggleClass(name, bool) restyles (and emits 'class' for) the element even when it had it already,
 * so a redraw decorating 100,000 elements five classes each restyled all of them every time.
 */
function setClass(ele: SingularElementArgument, cls: string, on: boolean): void {
  if (ele.hasClass(cls) !== on) ele.toggleClass(cls, on);
}

/** Applies the view state's display rules to every element. */
export function decorate(cy: Core, state: ViewState, truncations: readonly Truncation[]): void {
  const seeds = seedIds(state);
  const hidden = new Set(state.hidden);
  const pinned = new Set(state.pinned);
  const hiddenLabels = new Set<string>(state.hiddenLabels);
  const hiddenTypes = new Set<string>(state.hiddenTypes);
  const more = truncationLabels(truncations);
  const day = state.asOf;
  const bar = gradeBarOf(state);
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const id = n.id();
      const name = n.data('name') as string;
      // On a line of its own: appended to a long name, it pushed the label past its width and it vanished.
      const display = more.has(id) ? `${name}\n(${more.get(id)})` : name;
      if (n.data('display') !== display) n.data('display', display);
      const degree = n.degree(false);
      if (n.data('degree') !== degree) n.data('degree', degree);
      setClass(n, 'seed', seeds.has(id));
      setClass(n, 'filtered', hiddenLabels.has(n.data('label') as string));
      setClass(n, 'user-hidden', hidden.has(id));
      setClass(n, 'not-yet', day !== null && !existsOn(n.data() as Record<string, unknown>, day));
      const pin = pinned.has(id);
      setClass(n, 'pinned', pin);
      if (pin && !n.locked()) n.lock();
      if (!pin && n.locked()) n.unlock();
    });
    cy.edges().forEach((e) => {
      const data = e.data() as EdgeData;
      setClass(e, 'ended', day === null && data.to != null);
      // Below the grade filter's bar hides a claim the way a type filter does.
      const belowBar = !passesGradeBar(data, sourceGrades.lookup, bar);
      setClass(e, 'filtered', hiddenTypes.has(data.type) || belowBar);
      setClass(e, 'user-hidden', hidden.has(e.id()));
      setClass(e, 'not-yet', day !== null && !holdsOn(data, day));
    });
  });
  bundleParallelEdges(cy);
}

/**
 * Instant feedback while the server is asked: keeps the links that hold on `day` and the nodes they
 * touch (plus the seeds), from everything the canvas held or knew.
 */
export function holdingOn(known: ElementSet, day: string | null, seeds: Set<string>): ElementSet {
  const out: ElementSet = { nodes: new Map(), edges: new Map() };
  for (const [id, e] of known.edges) {
    if (day !== null && !holdsOn(e, day)) continue;
    const s = known.nodes.get(e.source);
    const t = known.nodes.get(e.target);
    if (!s || !t) continue;
    out.edges.set(id, e);
    out.nodes.set(s.id, s);
    out.nodes.set(t.id, t);
  }
  for (const id of seeds) {
    const n = known.nodes.get(id);
    if (n) out.nodes.set(id, n);
  }
  return out;
}

export function currentSet(cy: Core): ElementSet {
  const set: ElementSet = { nodes: new Map(), edges: new Map() };
  cy.nodes().forEach((n) => void set.nodes.set(n.id(), n.data() as NodeData));
  cy.edges().forEach((e) => void set.edges.set(e.id(), e.data() as EdgeData));
  return set;
}

export interface Stats {
  nodes: number;
  edges: number;
  /** Drawn elements that filters, the analyst or the date hide. */
  hidden: number;
}

/** Classes that hide an element (style.ts draws them display: none). */
const HIDING = ['filtered', 'user-hidden', 'not-yet'];
const hides = (ele: { hasClass(c: string): boolean }) => HIDING.some((c) => ele.hasClass(c));

/** Counted from the display rules, not from the renderer, which applies styles a frame later. */
export function statsOf(cy: Core): Stats {
  let nodes = 0;
  let edges = 0;
  cy.nodes().forEach((n) => void (hides(n) ? 0 : nodes++));
  cy.edges().forEach((e) => void (hides(e) || hides(e.source()) || hides(e.target()) ? 0 : edges++));
  return { nodes, edges, hidden: cy.elements().length - nodes - edges };
}

export interface SceneSnapshot {
  elements: ElementDefinition[];
}

export function snapshot(cy: Core): SceneSnapshot {
  return {
    elements: cy
      .elements()
      .map((ele) =>
        ele.isNode()
          ? { group: 'nodes' as const, data: { ...ele.data() }, position: { ...ele.position() } }
          : { group: 'edges' as const, data: { ...ele.data() } },
      ),
  };
}

export function restoreSnapshot(cy: Core, snap: SceneSnapshot): void {
  cy.batch(() => {
    cy.elements().remove();
    cy.add(snap.elements);
  });
}
