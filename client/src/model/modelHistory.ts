/**
 * Undo and redo as a stack of snapshots: before each change the view model records how it was, so
 * undo is exact and needs no server. Generic over what a snapshot holds (client/src/model/viewModel.ts
 * keeps the model's saved fields and whatever the scene attaches, see `UndoCompanion`).
 */
export class History<T> {
  private readonly past: T[] = [];
  private future: T[] = [];

  /** `limit`: how many steps back undo goes (the oldest is dropped beyond it). */
  constructor(private readonly limit = 60) {}

  /** Call before a change, with the state it is leaving. Forgets what redo could bring back. */
  record(before: T): void {
    this.past.push(before);
    if (this.past.length > this.limit) this.past.shift();
    this.future = [];
  }

  /** The state to go back to, given the current one (kept for redo); null when there is none. */
  undo(current: T): T | null {
    const previous = this.past.pop();
    if (previous === undefined) return null;
    this.future.push(current);
    return previous;
  }

  /** The state undo left, given the current one (kept for undo); null when there is none. */
  redo(current: T): T | null {
    const next = this.future.pop();
    if (next === undefined) return null;
    this.past.push(current);
    return next;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  clear(): void {
    this.past.length = 0;
    this.future = [];
  }
}
