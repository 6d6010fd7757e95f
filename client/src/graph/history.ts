/**
 * Undo and redo of canvas changes as a stack of snapshots: before each change the canvas records how it
 * was (the recipe and the drawn elements with their positions), so undo is exact and needs no server.
 */
export class History<T> {
  private readonly past: T[] = [];
  private future: T[] = [];

  constructor(private readonly limit = 60) {}

  /** Call before a change, with the state it is leaving. */
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
