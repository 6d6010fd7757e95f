/**
 * Which console queries may start, decided before the database is asked anything; a refusal is 429
 * with Retry-After.
 *
 * - Caps: at most `maxRunning` at once for all analysts together, at most `maxRunningPerAnalyst` for
 *   one (CONSOLE_BUSY). A run holds its place from admission until the database has ended it — not
 *   until it answered: a stopped query that keeps a CPU busy still counts.
 * - An analyst whose earlier query still runs in the database after it was stopped (lingering.ts)
 *   starts nothing until it has ended (PREVIOUS_QUERY_STILL_RUNNING).
 * - Recovery: after a console query ran the database's heap out (OutOfMemoryError: seconds of
 *   garbage collection that stall every query) or kept running after it was stopped (a CPU taken from
 *   everyone), the console starts nothing for `recoveryFactor` times as long as that query ran, at most
 *   MAX_RECOVERY_MS (CONSOLE_PAUSED); then one query at a time, whatever the caps, until PROBATION_MS
 *   pass without another such query. Caps alone do not protect other users on our 2-core machine
 *   (bench/consoleHogs.ts): one such query at a time back to back cut other users' reads to 17% (heap)
 *   and 52% (CPU) of their rate, two heap-filling ones at once stalled the database past the liveness
 *   probe (503 for everyone). The pause bounds the share of time the database spends on them; the
 *   probation keeps attackers from sending a wave of them at once each time the pause ends.
 * No queue: a waiting request would hold a connection and a promise per attempt, an attacker could
 * fill it, and the answer after the wait could still be a 408. The console shows the 429's message
 * and the analyst runs again; an ordinary query takes milliseconds, so a place is soon free.
 *
 * The analyst is, for now, the client's address (server/routes/console.ts); once there are users
 * (issue 10) it becomes the user's id, with no change here.
 */
import { AppError } from '../errors.ts';
import { isUnreachable, type StopReason, unavailable } from './consoleErrors.ts';
import type { LingeringRuns } from './lingering.ts';

export interface AdmissionLimits {
  /** Console queries running at once, for all analysts together (CONSOLE_MAX_RUNNING). */
  maxRunning: number;
  /** Console queries one analyst may have running at once (CONSOLE_MAX_RUNNING_PER_CLIENT). */
  maxRunningPerAnalyst: number;
  /** The pause after a query that ran the heap out or could not be stopped, per ms it ran; 0: none. */
  recoveryFactor: number;
}

export const DEFAULT_ADMISSION_LIMITS: AdmissionLimits = { maxRunning: 4, maxRunningPerAnalyst: 2, recoveryFactor: 4 };

/** The longest recovery pause: long enough for a query that ran minutes, not for ever after one query. */
export const MAX_RECOVERY_MS = 10 * 60_000;
/** After a pause, one query at a time until this long passes without another costly query. */
export const PROBATION_MS = 10 * 60_000;

/** A run's place, from admission until the database has ended it. */
export interface Ticket {
  /** The run is over on the server: its place is free. Once; later calls do nothing. */
  release(): void;
  /** The run was stopped but its query still runs: keep the place until the watch sees it gone. */
  linger(tag: string, why: StopReason, timeoutMs: number): void;
  /** The run ran the database's heap out: the console pauses for the others' sake (call before release). */
  ranOutOfHeap(): void;
}

interface Hold {
  analyst: string;
  startedAt: number;
  /** When its timeout (plus the console's grace) stops it, in ms since the epoch. */
  stopsBy: number;
  recoveryFactor: number;
  lingering?: { since: number; why: StopReason; timeoutMs: number };
}

/** What a lingering analyst is told to wait: the query may end any moment, or in minutes. */
const LINGERING_RETRY_AFTER_S = 5;
/** A refusal because of a lingering run first re-checks the server, unless a check is this fresh. */
const FRESH_CHECK_MS = 250;

const tooBusy = (message: string, retryAfterS: number, code = 'CONSOLE_BUSY') =>
  new AppError(429, code, message, { headers: { 'Retry-After': String(retryAfterS) } });

export class ConsoleAdmission {
  private readonly holds = new Set<Hold>();
  /**
   * No run starts before `until` (ms since the epoch), and one at a time before `calmAfter`; `why`
   * says what the last costly query did.
   */
  private recovery = { until: 0, calmAfter: 0, why: '' };

  /**
   * @param graceMs how long after its timeout a run is stopped at the latest (console.ts), for the
   *   Retry-After of a full console
   */
  constructor(
    private readonly lingering: LingeringRuns,
    private readonly graceMs: number,
  ) {}

  /**
   * A place for one run of `analyst`, or a 429 (CONSOLE_BUSY, PREVIOUS_QUERY_STILL_RUNNING,
   * CONSOLE_PAUSED) with Retry-After; a 503 when the analyst's lingering run cannot be checked because
   * the database is away. A refusal that a lingering run explains is re-checked against the server
   * first, so a query that has just ended never refuses the next one.
   */
  async admit(analyst: string, limits: AdmissionLimits, timeoutMs: number): Promise<Ticket> {
    let refusal = this.refusal(analyst, limits);
    if (refusal && [...this.holds].some((h) => h.lingering)) {
      await this.lingering.refresh(FRESH_CHECK_MS);
      refusal = this.refusal(analyst, limits);
    }
    if (refusal) throw refusal;
    // Decided and taken in one turn of the event loop: no other request can slip in between.
    const now = Date.now();
    const hold: Hold = {
      analyst,
      startedAt: now,
      stopsBy: now + timeoutMs + this.graceMs,
      recoveryFactor: limits.recoveryFactor,
    };
    this.holds.add(hold);
    return {
      release: () => {
        this.holds.delete(hold);
      },
      linger: (tag, why, runTimeoutMs) => {
        if (!this.holds.has(hold)) return;
        hold.lingering = { since: Date.now(), why, timeoutMs: runTimeoutMs };
        this.lingering.watch(tag, () => {
          this.holds.delete(hold);
          const after = seconds(Date.now() - (hold.lingering?.since ?? Date.now()));
          this.pause(hold, `kept running in the database for ${after} after it was stopped`);
        });
      },
      ranOutOfHeap: () => this.pause(hold, 'ran the database out of memory'),
    };
  }

  /** Runs holding a place now: running, or stopped but still running in the database. */
  counts(analyst?: string): { running: number; lingering: number } {
    let running = 0;
    let lingering = 0;
    for (const hold of this.holds) {
      if (analyst !== undefined && hold.analyst !== analyst) continue;
      if (hold.lingering) lingering++;
      else running++;
    }
    return { running, lingering };
  }

  /** Starts (or lengthens) the recovery pause after `hold`'s run, which `did` something costly. */
  private pause(hold: Hold, did: string): void {
    const now = Date.now();
    const ms = Math.min(MAX_RECOVERY_MS, hold.recoveryFactor * (now - hold.startedAt));
    if (ms <= 0) return;
    const until = Math.min(now + MAX_RECOVERY_MS, Math.max(this.recovery.until, now + ms));
    this.recovery = { until, calmAfter: until + PROBATION_MS, why: did };
  }

  private refusal(analyst: string, limits: AdmissionLimits): AppError | null {
    const own = [...this.holds].filter((h) => h.analyst === analyst);
    const stuck = own.find((h) => h.lingering);
    if (stuck?.lingering) {
      // The watch could not reach the database: it is away, and that is what the analyst should hear
      // (a check that was merely slow, as under load, is no reason for a 503).
      if (isUnreachable(this.lingering.lastFailure)) return unavailable(this.lingering.lastFailure);
      const { since, why, timeoutMs } = stuck.lingering;
      const stopped = why === 'timeout' ? `was stopped at its time limit (${timeoutMs / 1000} s)` : 'was cancelled';
      return tooBusy(
        `Your previous query ${stopped} ${seconds(Date.now() - since)} ago but is still running in the database: ` +
          'the database ends a query only when the query next checks, and some (reduce() or a list ' +
          'comprehension over a long range) never do. The console runs no new query of yours until it has ' +
          `ended, so that the database stays responsive for everyone. Try again in ${LINGERING_RETRY_AFTER_S} s.`,
        LINGERING_RETRY_AFTER_S,
        'PREVIOUS_QUERY_STILL_RUNNING',
      );
    }
    const pausedMs = this.recovery.until - Date.now();
    if (pausedMs > 0) {
      const wait = Math.ceil(pausedMs / 1000);
      return tooBusy(
        `A console query just ${this.recovery.why}, which slows the database for everyone; the console ` +
          `takes no query for ${wait} s while it recovers. Try again in ${wait} s.`,
        wait,
        'CONSOLE_PAUSED',
      );
    }
    if (own.length >= limits.maxRunningPerAnalyst) {
      const wait = this.retryAfterS(own);
      const queries = own.length === 1 ? 'query' : 'queries';
      return tooBusy(
        `You already have ${own.length} console ${queries} running, as many as one person may at once ` +
          `(${limits.maxRunningPerAnalyst}). Wait for one to finish or cancel it, and try again in ${wait} s.`,
        wait,
      );
    }
    if (this.holds.size >= limits.maxRunning) {
      const wait = this.retryAfterS([...this.holds]);
      return tooBusy(
        `The console is running as many queries as it may at once for all analysts together ` +
          `(${limits.maxRunning}), so that the database stays responsive for everyone. Try again in ${wait} s.`,
        wait,
      );
    }
    if (this.holds.size >= 1 && Date.now() < this.recovery.calmAfter) {
      const wait = this.retryAfterS([...this.holds]);
      return tooBusy(
        `A console query recently ${this.recovery.why}, which slowed the database for everyone; for a while ` +
          `the console runs one query at a time. Try again in ${wait} s.`,
        wait,
      );
    }
    return null;
  }

  /** Seconds until the first of these runs is over at the latest: its timeout, or a lingering guess. */
  private retryAfterS(holds: Hold[]): number {
    const running = holds.filter((h) => !h.lingering).map((h) => h.stopsBy);
    if (running.length === 0) return LINGERING_RETRY_AFTER_S;
    return Math.max(1, Math.ceil((Math.min(...running) - Date.now()) / 1000));
  }
}

const seconds = (ms: number) => `${Math.max(1, Math.round(ms / 1000))} s`;
