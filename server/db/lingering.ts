/**
 * Console runs that were stopped (timeout, Cancel, client gone) but that the database has not ended
 * yet. Neo4j's termination is cooperative: TERMINATE TRANSACTIONS only marks a transaction, and a query
 * whose work is one expression (reduce() building a string, a list comprehension over a long range)
 * never looks at the mark, so it keeps a CPU busy until it is done — measured on 5.26, a quadratic
 * string builder ran 26 s after its 2 s timeout and its TERMINATE. The console cannot end such a
 * query; it can know that it still runs and refuse to add more work (consoleAdmission.ts).
 *
 * Every `intervalMs` while any run lingers, one SHOW TRANSACTIONS (cypher/consoleRunsOnServer.cypher)
 * lists those still on the server, found by the tag in their metadata. A run no longer listed is
 * over: its `gone` callback is called. A listed one not yet marked terminated (its first TERMINATE
 * never reached the server) is terminated again (cypher/terminateTransactions.cypher); one already
 * marked is left alone, since a second mark changes nothing. A check that cannot reach the database
 * keeps every run (a database that restarts loses them; the next check that answers says so).
 */
import type { Driver } from 'neo4j-driver';
import { cypher } from './cypher.ts';

/** How long one check may take before it is given up on (the next tick tries again). */
const CHECK_PATIENCE_MS = 3_000;

export class LingeringRuns {
  /** Tag in the transaction's metadata → what to call once it is gone. */
  private readonly runs = new Map<string, () => void>();
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;
  private checkedAt = 0;
  /** Why the last check failed; undefined when it reached the database. */
  private failure: unknown;

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly intervalMs = 1_000,
  ) {}

  /** Watches the run tagged `tag` until the server no longer lists it, then calls `gone` (once). */
  watch(tag: string, gone: () => void): void {
    this.runs.set(tag, gone);
    if (!this.timer) {
      this.timer = setInterval(() => void this.refresh(), this.intervalMs);
      this.timer.unref(); // the watch never keeps the process alive on its own
    }
    void this.refresh();
  }

  /** How many runs are being watched. */
  get size(): number {
    return this.runs.size;
  }

  /** The last check could not reach the database (its error), or undefined. */
  get lastFailure(): unknown {
    return this.failure;
  }

  /**
   * Brings the watch up to date: joins the check under way, or starts one unless the last ended less
   * than `maxAgeMs` ago. Never rejects (a failed check is kept in `lastFailure`).
   */
  refresh(maxAgeMs = 0): Promise<void> {
    if (this.checking) return this.checking;
    if (this.runs.size === 0 || Date.now() - this.checkedAt < maxAgeMs) return Promise.resolve();
    this.checking = this.check().finally(() => {
      this.checking = undefined;
      this.checkedAt = Date.now();
    });
    return this.checking;
  }

  /** Stops watching: no more checks, and no `gone` calls. */
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.runs.clear();
  }

  private async check(): Promise<void> {
    const tags = [...this.runs.keys()];
    const session = this.driver.session({ database: this.database });
    try {
      const listed = await withPatience(session.run(cypher('consoleRunsOnServer'), { tags }));
      const present = new Set(listed.records.map((r) => r.get('tag') as string));
      for (const tag of tags) {
        if (present.has(tag)) continue;
        const gone = this.runs.get(tag);
        this.runs.delete(tag);
        gone?.();
      }
      const unmarked = listed.records
        .filter((r) => !String(r.get('status')).startsWith('Terminated'))
        .map((r) => r.get('transactionId') as string);
      if (unmarked.length > 0) await withPatience(session.run(cypher('terminateTransactions'), { ids: unmarked }));
      this.failure = undefined;
    } catch (error) {
      this.failure = error;
      // A closed driver (the app is stopping) will never answer again: nothing is left to watch with.
      if (error instanceof Error && /pool is closed/i.test(error.message)) this.stop();
    } finally {
      void session.close().catch(() => {});
    }
    if (this.runs.size === 0) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }
}

function withPatience<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`The database did not list its transactions within ${CHECK_PATIENCE_MS / 1000} s`)),
      CHECK_PATIENCE_MS,
    );
  });
  work.catch(() => {}); // answered after the patience ran out: nobody waits for it any more
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
