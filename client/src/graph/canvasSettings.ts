/**
 * The view's settings (part of graph/canvas.ts, split from canvasCommands.ts): the filters by label,
 * type and grade, the page size, and the two times, "as of" a day (valid time) and "as known on" a day
 * or instant (transaction time, contract/knownTime.ts). Each changes the view model's recipe.
 */
import type { Credibility, Reliability } from '../../../contract/grades.ts';
import type { GraphLabel, RelationshipType } from '../../../contract/model.ts';
import { seedIds } from '../state/viewState.ts';
import { CanvasSaved } from './canvasSaved.ts';
import { mergeInto } from './canvasParts.ts';
import { emptySet, withoutRemoved } from './loader.ts';
import { currentSet, holdingOn } from './scene.ts';

export abstract class CanvasSettings extends CanvasSaved {
  /**
   * Sets the time `which` to `value`, as an undo step unless `record` is false. False, and nothing
   * changed, when it is already `value` or the view is read-only.
   */
  private setTime(which: 'asOf' | 'knownOn', value: string | null, record: boolean): boolean {
    if (value === this.state[which] || this.refusedReadOnly()) return false;
    if (record) this.record();
    this.model.changeRecipe(
      (s) => {
        s[which] = value;
      },
      { record: false },
    );
    return true;
  }

  setFilters(hiddenLabels: GraphLabel[], hiddenTypes: RelationshipType[]): Promise<void> {
    return this.commit((s) => {
      s.hiddenLabels = hiddenLabels;
      s.hiddenTypes = hiddenTypes;
    }, 'none');
  }

  setPageSize(size: number): void {
    this.model.changeRecipe(
      (s) => {
        s.pageSize = size;
      },
      { record: false },
    );
  }

  /**
   * The network as of a day (null: all time). Links that no longer hold go at once (the contract's
   * interval rule, on what the canvas knows); then the server is asked and its answer drawn.
   */
  async setAsOf(day: string | null, record = true): Promise<void> {
    if (!this.setTime('asOf', day, record)) return;
    mergeInto(this.known, currentSet(this.cy));
    const instant = holdingOn(this.known, this.drawState.asOf, seedIds(this.state));
    withoutRemoved(instant, new Set(this.state.removed));
    ++this.generation; // an older answer must not overwrite this
    await this.draw(instant, 'none');
    await this.reload('incremental');
  }

  /**
   * The graph as it stood on a day or just before an instant (null: now; contract/knownTime.ts). What
   * was known then may hold other claims (a retracted one, an earlier version), so nothing drawn stands
   * in for it: the view is asked afresh, keeping the places of the nodes that stay.
   */
  async setKnownOn(when: string | null, record = true): Promise<void> {
    if (!this.setTime('knownOn', when, record)) return;
    this.known = emptySet();
    await this.reload('incremental');
  }

  /** The grade filter (contract/grades.ts GradeBar): claims below it are hidden like a filtered type. */
  setGradeBar(minReliability: Reliability | null, minCredibility: Credibility | null): Promise<void> {
    return this.commit((s) => {
      s.minReliability = minReliability;
      s.minCredibility = minCredibility;
    }, 'none');
  }
}
