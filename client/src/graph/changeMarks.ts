/**
 * What changed in the database since an investigation's snapshot, marked on the canvas (part of
 * graph/canvas.ts, `canvas.changeMarks`): classes `changed-removed` (no longer in the database) and
 * `changed-edited` (a property differs, or a Source it cites changed or went) on the snapshot's drawn
 * elements; graph/style.ts draws them. Links added since are not in the snapshot's picture, so they are
 * not drawn here (the notice lists them; refreshing draws them). Marks are put back after every draw
 * until cleared.
 */
import type { Core } from 'cytoscape';

export const CHANGE_CLASSES = ['changed-removed', 'changed-edited'] as const;

/** Ids of what changed, by element or by cited Source. */
export interface ChangeMarksInput {
  removed: readonly string[];
  edited: readonly string[];
  /** Sources edited or removed: the elements citing them count as edited. */
  sources: readonly string[];
}

export class ChangeMarks {
  private marks: ChangeMarksInput | null = null;

  constructor(private readonly cy: () => Core) {}

  /** Marks these (replacing earlier marks). */
  set(marks: ChangeMarksInput): void {
    this.marks = { removed: [...marks.removed], edited: [...marks.edited], sources: [...marks.sources] };
    this.apply();
  }

  clear(): void {
    this.marks = null;
    this.cy().elements().removeClass(CHANGE_CLASSES.join(' '));
  }

  /** Puts the marks back on what is drawn now (after a draw replaced elements). */
  apply(): void {
    const cy = this.cy();
    cy.batch(() => {
      cy.elements().removeClass(CHANGE_CLASSES.join(' '));
      if (!this.marks) return;
      const sources = new Set(this.marks.sources);
      for (const id of this.marks.removed) cy.getElementById(id).addClass('changed-removed');
      for (const id of this.marks.edited) cy.getElementById(id).addClass('changed-edited');
      if (sources.size > 0)
        cy.elements()
          .filter((e) => ((e.data('sources') as string[] | undefined) ?? []).some((s) => sources.has(s)))
          .addClass('changed-edited');
    });
  }
}
