/**
 * The comparison of two dates on the canvas (part of graph/canvas.ts's scene): every drawn node and
 * link is classified by graph/compareDates.ts between the model's `compare.a` and `compare.b`, and
 * gets one class that graph/style.ts draws: `cmp-added`, `cmp-ended`, `cmp-held`, or `cmp-neither`
 * (held on neither day: faded, so the canvas reads as the union of what held on A or B). While
 * comparing, the scene draws the recipe at all dates (canvasCore.ts `drawState`), so a date set on
 * the time panel does not leave out what held on A or B.
 *
 * The result (ids by change, plus the links and nodes that "came and went" between A and B) is kept
 * for the compare panel and the legend (panels/compare*.ts), which listen through `onResult`.
 */
import type { Core } from 'cytoscape';
import type { EdgeData, NodeData } from '../../../contract/api.ts';
import { lifetimeOf, type ValidTime } from '../../../contract/validTime.ts';
import type { ViewModel } from '../model/viewModel.ts';
import { compareDates, type DateChange } from './compareDates.ts';

/** The classes this module sets; nothing else sets or reads them but style.ts. */
export const COMPARE_CLASSES = ['cmp-added', 'cmp-ended', 'cmp-held', 'cmp-neither'] as const;

/** What a comparison found among the drawn elements: ids by change, in drawing order. */
export interface CompareResult {
  a: string;
  b: string;
  nodes: Record<DateChange, string[]>;
  edges: Record<DateChange, string[]>;
  /** Held neither on A nor on B but on some day between: started after A and ended before B. */
  between: { nodes: string[]; edges: string[] };
}

/** Whether a valid time lies strictly between days `a` and `b` (it came and went in between). */
export function cameAndWent(time: ValidTime, a: string, b: string): boolean {
  return time.validFrom <= time.validTo && time.validFrom > a && time.validTo < b;
}

/**
 * Classifies plain node and link data between full dates `a` ≤ `b` (compareDates.ts's rule), with the
 * elements that came and went in between listed apart. Throws RangeError as compareDates does.
 */
export function compareResult(
  elements: { nodes: readonly NodeData[]; edges: readonly EdgeData[] },
  a: string,
  b: string,
): CompareResult {
  const found = compareDates(elements, a, b);
  const empty = (): Record<DateChange, string[]> => ({ added: [], ended: [], held: [] });
  const result: CompareResult = { a, b, nodes: empty(), edges: empty(), between: { nodes: [], edges: [] } };
  for (const n of elements.nodes) {
    const change = found.nodes.get(n.id);
    if (change) result.nodes[change].push(n.id);
    else if (cameAndWent(lifetimeOf(n), a, b)) result.between.nodes.push(n.id);
  }
  for (const e of elements.edges) {
    const change = found.edges.get(e.id);
    if (change) result.edges[change].push(e.id);
    else if (cameAndWent(e, a, b)) result.between.edges.push(e.id);
  }
  return result;
}

/** Applies the model's comparison to whichever Cytoscape instance the scene has now. */
export class CompareLook {
  private last: CompareResult | null = null;
  private readonly listeners = new Set<(result: CompareResult | null) => void>();

  constructor(
    private readonly cy: () => Core,
    private readonly model: ViewModel,
    /** Draws the recipe again (the scene's reload): a comparison changes what is fetched when a date is set. */
    redraw: () => Promise<void>,
  ) {
    model.on('compare', () => this.apply());
    model.on('change', (kind) => {
      // Only the analyst's own change refetches (the scene then draws again and calls apply): undo and
      // a reopened view bring their scene with them.
      if (kind === 'compare' && model.recipe.asOf !== null) void redraw();
    });
  }

  /** The last comparison drawn, or null when not comparing. */
  get result(): CompareResult | null {
    return this.last;
  }

  /** Calls `fn` with each new result (null: the comparison was cleared); returns the unsubscriber. */
  onResult(fn: (result: CompareResult | null) => void): () => void {
    this.listeners.add(fn);
    return () => void this.listeners.delete(fn);
  }

  /** Classes every drawn element afresh (after each draw, and when the comparison changes). */
  apply(): void {
    const cy = this.cy();
    const compare = this.model.compare;
    const all = COMPARE_CLASSES.join(' ');
    if (!compare) {
      cy.elements(`.${COMPARE_CLASSES.join(', .')}`).removeClass(all);
      if (this.last !== null) this.announce(null);
      return;
    }
    const result = compareResult(
      {
        nodes: cy.nodes().map((n) => n.data() as NodeData),
        edges: cy.edges().map((e) => e.data() as EdgeData),
      },
      compare.a,
      compare.b,
    );
    const classOf = new Map<string, string>();
    for (const kind of ['nodes', 'edges'] as const)
      for (const change of ['added', 'ended', 'held'] as const)
        for (const id of result[kind][change]) classOf.set(id, `cmp-${change}`);
    cy.batch(() => {
      cy.elements().forEach((ele) => {
        const wanted = classOf.get(ele.id()) ?? 'cmp-neither';
        if (ele.hasClass(wanted) && ele.classes().filter((c) => c.startsWith('cmp-')).length === 1) return;
        ele.removeClass(all);
        ele.addClass(wanted);
      });
    });
    this.announce(result);
  }

  private announce(result: CompareResult | null): void {
    this.last = result;
    for (const fn of this.listeners) fn(result);
  }
}
