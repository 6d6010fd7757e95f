/**
 * Which console queries may start: at most `maxRunning` at once for all analysts together, at most
 * `maxRunningPerAnalyst` for one, and none for an analyst whose earlier query is still running in the
 * database after it was stopped (lingering.ts). A run holds its place from admission until the
 * database has ended it — not until it answered: a stopped query that keeps a CPU busy still counts.
 * A refusal is 429 with Retry-After, decided before the database is asked anything.
 *
 * No queue: a waiting request would hold a connection and a promise per attempt, an attacker could
 * fill it, and the answer after the wait could still be a 408. The console shows the 429's message
 * and the analyst runs again; an ordinary query takes milliseconds, so a place is soon free.
 *
 * The analyst is, for now, the client's address (server/routes/console.ts); once there are users
 * (issue 10) it becomes the user's id, with no change here.
 */
import { AppError } from '../errors.ts';
import type { StopReason } from './consoleErrors.ts';
import { isUnreachable, unavailable } from './consoleErrors.ts';
import type { LingeringRuns } from './lingering.ts';

export interface AdmissionLimits {
  /** Console queries running at once, for all analysts together (CONSOLE_MAX_RUNNING). */
  maxRunning: number;
  /** Console queries one analyst may have running at once (CONSOLE_MAX_RUNNING_PER_CLIENT). */
  maxRunningPerAnalyst: number;
}

export const DEFAULT_ADMISSION_LIMITS: AdmissionLimits = { maxRunning: 4, maxRunningPerAnalyst: 2 };

/** A run's place, from admission until the database has ended it. */
export interface Ticket {
  /** The run is over on the server: its place is free. Once; later calls do nothing. */
  release(): void;
  /** The run was stopped but its query still runs: keep the place until the watch sees it gone. */
  linger(tag: string, why: StopReason, timeoutMs: number): void;
}

interface Hold {
  analyst: string;
  /** When its timeout (plus the console's grace) stops it, in ms since the epoch. */
  stopsBy: number;
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
   * @param graceMs how long after its timeout a run is stopped at the latest (console.ts), for the
   *   Retry-After of a full console
   */
  constructor(
    private readonly lingering: LingeringRuns,
    private readonly graceMs: number,
  ) {}

  /**
   * A place for one run of `analyst`, or a 429 (CONSOLE_BUSY, PREVIOUS_QUERY_STILL_RUNNING) with
   * Retry-After; a 503 when the analyst's lingering run cannot be checked because the database is away.
   * A refusal that a lingering run explains is re-checked against the server first, so a query that
   * has just ended never refuses the next one.
   */
  async admit(analyst: string, limits: AdmissionLimits, timeoutMs: number): Promise<Ticket> {
    let refusal = this.refusal(analyst, limits);
    if (refusal && [...this.holds].some((h) => h.lingering)) {
      await this.lingering.refresh(FRESH_CHECK_MS);
      refusal = this.refusal(analyst, limits);
    }
    if (refusal) throw refusal;
    // Decided and taken in one turn of the event loop: no other request can slip in between.
    const hold: Hold = { analyst, stopsBy: Date.now() + timeoutMs + this.graceMs };
    this.holds.add(hold);
    return {
      release: () => {
        this.holds.delete(hold);
      },
      linger: (tag, why, runTimeoutMs) => {
        if (!this.holds.has(hold)) return;
        hold.lingering = { since: Date.now(), why, timeoutMs: runTimeoutMs };
        this.lingering.watch(tag, () => this.holds.delete(hold));
      },
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
    if (own.length >= limits.maxRunningPerAnalyst) {
      const wait = this.retryAfterS(own);
      return tooBusy(
        `You already have ${own.length} console ${own.length === 1 ? 'query' : 'queries'} running, as many as one analyst may at once ` +
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
