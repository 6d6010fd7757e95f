/**
 * What the app knows of its database's state (contract/api.ts DatabaseStatus): `up`, `unresponsive`
 * (the liveness probe got no answer), `restarting` (the supervisor is starting the local Neo4j again) or
 * `failed` (the supervisor gave up). One per Database; the liveness probe (liveness.ts) and the
 * supervisor (server/neo4j/supervisor.ts) write it, requests read it to fail fast while it is not up,
 * and GET /api/health reports it.
 */
import type { DatabaseState, DatabaseStatus } from '../../contract/api.ts';
import { AppError } from '../errors.ts';

type Listener = (status: DatabaseStatus) => void;

export class Availability {
  private current: DatabaseStatus = { state: 'up', since: new Date().toISOString(), restarts: 0 };
  private readonly listeners = new Set<Listener>();
  /** Guarded work whose own promise has not settled yet (what a drain waits for). */
  private inHand = 0;
  private readonly settleListeners = new Set<() => void>();
  /** During a drain, work in hand is let finish rather than failed with the 503. */
  private draining = false;
  /** During a planned restart nothing calls the server up (the old one answers while it drains and stops). */
  private planned = false;

  get status(): DatabaseStatus {
    return { ...this.current };
  }

  get isUp(): boolean {
    return this.current.state === 'up';
  }

  /** Enters `state` (its `since` only moves when the state changes); listeners hear every change. */
  set(state: DatabaseState, message?: string): void {
    if (state === 'up' && this.planned) return;
    const changed = state !== this.current.state;
    if (!changed && message === this.current.message) return;
    this.current = {
      state,
      since: changed ? new Date().toISOString() : this.current.since,
      restarts: this.current.restarts,
      ...(message === undefined ? {} : { message }),
    };
    for (const listener of this.listeners) listener(this.status);
  }

  /** One more restart of the local Neo4j. */
  countRestart(): void {
    this.current = { ...this.current, restarts: this.current.restarts + 1 };
  }

  /** Calls `listener` at every change until the returned function is called. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The 503 a request gets while the database is not up. */
  unavailableError(): AppError {
    return new AppError(503, 'DATABASE_UNAVAILABLE', describe(this.current));
  }

  /**
   * Runs `work` unless the database is known to be away (then fails at once), and fails it with the
   * 503 as soon as the database goes away while it runs (or `graceMs` later): a request on a frozen
   * server's connection would otherwise wait for the server's own timeouts. The work itself is left to
   * settle on its own.
   */
  async guard<T>(work: () => Promise<T>, { graceMs = 0 } = {}): Promise<T> {
    if (!this.isUp) throw this.unavailableError();
    let stopListening = () => {};
    let grace: NodeJS.Timeout | undefined;
    const away = new Promise<never>((_, reject) => {
      stopListening = this.onChange((status) => {
        if (status.state === 'up' || grace || this.draining) return;
        grace = setTimeout(() => reject(this.unavailableError()), graceMs);
      });
    });
    try {
      return await Promise.race([this.inHandWhile(work()), away]);
    } finally {
      clearTimeout(grace);
      stopListening();
    }
  }

  /**
   * Begins a planned restart (the supervisor's `replace`): `restarting` with `message` at once, so new
   * work is refused with the 503, while work in hand is let finish for up to `limitMs` (ms) rather than
   * failed: the console query that ran the heap out, and set the restart off, still gets its own answer.
   * Until `release` is called nothing calls the server up, not even the probe it answers while it stops.
   * Resolves once no work is in hand (`drained`) or the limit has passed (not `drained`); from then on
   * work still in hand is failed with the 503 at the next change of state, as when the database goes away.
   */
  async drain(message: string, limitMs: number): Promise<{ drained: boolean; release: () => void }> {
    this.planned = true;
    this.draining = true;
    this.set('restarting', message);
    let timer: NodeJS.Timeout | undefined;
    let onSettled = () => {};
    const drained = await new Promise<boolean>((resolve) => {
      onSettled = () => {
        if (this.inHand === 0) resolve(true);
      };
      this.settleListeners.add(onSettled);
      timer = setTimeout(resolve, limitMs, false);
      onSettled();
    });
    clearTimeout(timer);
    this.settleListeners.delete(onSettled);
    this.draining = false;
    return {
      drained,
      release: () => {
        this.planned = false;
      },
    };
  }

  /** `running`, counted as in hand until it settles (whoever waits for it, or not). */
  private inHandWhile<T>(running: Promise<T>): Promise<T> {
    this.inHand += 1;
    const settled = () => {
      this.inHand -= 1;
      for (const listener of this.settleListeners) listener();
    };
    running.then(settled, settled);
    return running;
  }
}

/** The state in an analyst's words. */
export function describe(status: DatabaseStatus): string {
  switch (status.state) {
    case 'up':
      return 'The database answers.';
    case 'unresponsive':
      return 'The database is not answering; try again shortly.';
    case 'restarting':
      return 'The database stopped and is being restarted; try again shortly.';
    case 'failed':
      return `The database could not be restarted${status.message ? `: ${status.message}` : ''}. Whoever runs Faction Atlas has to look at it.`;
  }
}
