/**
 * A small typed event emitter for the view model (client/src/model/viewModel.ts): listeners are
 * called synchronously, in the order they subscribed, so a panel sees a change before the next one.
 */
export class Emitter<Events extends object> {
  private readonly listeners = new Map<keyof Events, Set<(value: never) => void>>();

  /** Calls `fn` on every `event`; returns the function that unsubscribes it. */
  on<K extends keyof Events>(event: K, fn: (value: Events[K]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(fn as (value: never) => void);
    return () => void set.delete(fn as (value: never) => void);
  }

  /** Tells every listener of `event`. A listener that throws does not stop the others (it is rethrown later). */
  emit<K extends keyof Events>(event: K, value: Events[K]): void {
    for (const fn of [...(this.listeners.get(event) ?? [])]) {
      try {
        (fn as (v: Events[K]) => void)(value);
      } catch (err) {
        // One broken panel must not leave the others out of step with the model.
        queueMicrotask(() => {
          throw err;
        });
      }
    }
  }
}
