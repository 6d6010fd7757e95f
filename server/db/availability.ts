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

  get status(): DatabaseStatus {
    return { ...this.current };
  }

  get isUp(): boolean {
    return this.current.state === 'up';
  }

  /** Enters `state` (its `since` only moves when the state changes); listeners hear every change. */
  set(state: DatabaseState, message?: string): void {
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
        if (status.state === 'up' || grace) return;
        grace = setTimeout(() => reject(this.unavailableError()), graceMs);
      });
    });
    try {
      return await Promise.race([work(), away]);
    } finally {
      clearTimeout(grace);
      stopListening();
    }
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
