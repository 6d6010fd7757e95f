/**
 * The liveness probe: asks the database `RETURN 1` every second on a driver of its own (so a pool full
 * of long queries cannot make it look away), and keeps `Availability` true to what it finds. No answer
 * within PROBE_DEADLINE_MS marks the database unresponsive; the next answer marks it up.
 *
 * Why a probe: a database that freezes (a stopped JVM, a network that drops packets) keeps its sockets
 * open, so a request on a pooled connection waits for the server's receive timeout (120 s on 5.26)
 * unless something notices. With the probe, requests in flight fail with 503 once it misses, and new
 * ones fail at once until it answers again: a frozen database fails requests in 2–5 s.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import type { Availability } from './availability.ts';

export const PROBE_INTERVAL_MS = 1_000;
/** Long enough for a GC pause of a busy server (1.4 s seen on a 512 MB heap), short enough to fail fast. */
export const PROBE_DEADLINE_MS = 2_500;

export interface LivenessOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
}

export class Liveness {
  private readonly driver: Driver;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** When the probe first missed in the current run of misses. */
  private missingSince: number | undefined;
  private readonly hangListeners = new Set<(ms: number) => void>();

  constructor(
    private readonly options: LivenessOptions,
    private readonly availability: Availability,
  ) {
    this.driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      maxConnectionPoolSize: 2,
      connectionTimeout: 2_000,
      connectionAcquisitionTimeout: PROBE_DEADLINE_MS,
      userAgent: 'faction-atlas-liveness',
    });
  }

  /** Probes until `stop`. */
  start(): void {
    if (this.timer || this.stopped) return;
    const loop = async () => {
      await this.probe();
      if (!this.stopped) this.timer = setTimeout(loop, PROBE_INTERVAL_MS).unref();
    };
    this.timer = setTimeout(loop, 0).unref();
  }

  /**
   * Calls `listener` with how long (ms) the database has not answered, after every missed probe; the
   * supervisor restarts a local server that stays silent too long.
   */
  onSilence(listener: (ms: number) => void): () => void {
    this.hangListeners.add(listener);
    return () => this.hangListeners.delete(listener);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.driver.close();
  }

  /** One probe: up on an answer, unresponsive on none (unless the supervisor already says more). */
  async probe(): Promise<boolean> {
    const answered = await this.ask();
    if (this.stopped) return answered;
    if (answered) {
      this.missingSince = undefined;
      this.availability.set('up');
      return true;
    }
    this.missingSince ??= Date.now();
    if (this.availability.isUp) this.availability.set('unresponsive');
    const silentMs = Date.now() - this.missingSince;
    for (const listener of this.hangListeners) listener(silentMs);
    return false;
  }

  private async ask(): Promise<boolean> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ });
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<false>((done) => {
      timer = setTimeout(done, PROBE_DEADLINE_MS, false);
    });
    const query = session
      .run('RETURN 1', {}, { timeout: PROBE_DEADLINE_MS, metadata: { app: 'faction-atlas', type: 'liveness' } })
      .then(
        () => true,
        // A refusal (wrong password, no such database) is an answer: the server is there.
        (error: unknown) => error instanceof neo4j.Neo4jError && error.code.startsWith('Neo.ClientError.'),
      );
    try {
      return await Promise.race([query, deadline]);
    } finally {
      clearTimeout(timer);
      // A frozen server never answers the close either; don't wait for it.
      void query.then(() => session.close().catch(() => {}));
    }
  }
}
