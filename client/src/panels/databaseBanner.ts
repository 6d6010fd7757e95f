/**
 * The database banner under the top bar: says, in the analyst's words (databaseWords.ts), that the
 * database is not answering, is restarting, or could not be restarted, or that the server itself is
 * gone; that the view is kept; and goes again ("The database is back.", for a moment) once GET
 * /api/health says `up`. Nothing else on the page waits for it: the canvas, the drawn view and the
 * panels stay usable, and requests made meanwhile fail with their usual message (the server answers
 * 503 DATABASE_UNAVAILABLE within seconds).
 *
 * It learns of trouble three ways: any request that fails as unavailable (api.ts onUnavailable: a 503
 * DATABASE_UNAVAILABLE, a network error, a proxy's 502/504) shows it at once; a health check at start
 * and every UP_CHECK_MS while the page is visible; and, while away, health checks every 2 s, backing
 * off when it lasts (pollDelayMs). One check at a time, each given HEALTH_TIMEOUT_MS.
 */
import { html, nothing, render } from 'lit';
import { ApiError, type Api, isUnavailable, onUnavailable } from '../api.ts';
import { type Away, awayWords, BACK_WORDS, causeDetail, pollDelayMs, UP_CHECK_MS } from './databaseWords.ts';

/** A health check that takes longer than this counts as the server not answering. */
const HEALTH_TIMEOUT_MS = 10_000;
/** How long "The database is back." stays. */
const BACK_SHOWN_MS = 4_000;

export interface DatabaseBanner {
  /** Asks /api/health now (the "Try now" button); settles when the banner shows the answer. */
  check(): Promise<void>;
}

/**
 * Mounts the banner in `host` (a live region: role="status" in index.html) and starts checking.
 * `listen` is api.ts's onUnavailable; passed in so the banner owns no global state of its own.
 */
export function mountDatabaseBanner(
  host: HTMLElement,
  api: Pick<Api, 'health'>,
  listen: typeof onUnavailable = onUnavailable,
): DatabaseBanner {
  let away: Away | null = null;
  /** When this client first saw the present outage (ms since the epoch), for the back-off. */
  let awaySince = 0;
  let back = false;
  let backTimer: ReturnType<typeof setTimeout> | undefined;
  let nextTimer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | null = null;

  function draw(): void {
    if (away) {
      const state = away.kind === 'server' ? 'server' : away.status.state;
      const detail = causeDetail(away);
      const since = sinceText(away.kind === 'database' ? away.status.since : new Date(awaySince).toISOString());
      render(
        html`<div class="database-banner-body ${state}" data-testid="database-banner" data-state=${state}>
          <span class="words">${awayWords(away)}</span>
          ${since ? html`<span class="muted">since ${since}</span>` : nothing}
          ${detail ? html`<details><summary>${detail.title}</summary><pre>${detail.lines}</pre></details>` : nothing}
          <button type="button" ?disabled=${inFlight !== null} @click=${() => void check()}>Try now</button>
        </div>`,
        host,
      );
    } else if (back) {
      render(
        html`<div class="database-banner-body back" data-testid="database-banner" data-state="back">${BACK_WORDS}</div>`,
        host,
      );
    } else render(nothing, host);
  }

  function becomeAway(next: Away): void {
    if (!away) awaySince = Date.now();
    away = next;
    back = false;
    clearTimeout(backTimer);
    draw();
  }

  function becomeUp(): void {
    if (!away) return;
    away = null;
    back = true;
    clearTimeout(backTimer);
    backTimer = setTimeout(() => {
      back = false;
      draw();
    }, BACK_SHOWN_MS);
    draw();
  }

  function schedule(): void {
    clearTimeout(nextTimer);
    const delay = away ? pollDelayMs(Date.now() - awaySince, away) : UP_CHECK_MS;
    nextTimer = setTimeout(() => {
      // While all is well a hidden tab need not ask; it asks again when shown (visibilitychange).
      if (!away && document.visibilityState === 'hidden') schedule();
      else void check();
    }, delay);
  }

  function check(): Promise<void> {
    if (inFlight) return inFlight;
    clearTimeout(nextTimer);
    inFlight = api
      .health(AbortSignal.timeout(HEALTH_TIMEOUT_MS))
      .then(
        (status) => (status.state === 'up' ? becomeUp() : becomeAway({ kind: 'database', status })),
        (err: unknown) => {
          // No answer, or not in time: the server is away. Any other failure (an answer that does not
          // match the contract) says nothing about the database: keep what is shown, ask again later.
          if (err instanceof ApiError && (err.code === 'ABORTED' || isUnavailable(err))) {
            becomeAway({ kind: 'server' });
          } else console.warn(err);
        },
      )
      .finally(() => {
        inFlight = null;
        draw();
        schedule();
      });
    draw();
    return inFlight;
  }

  // A request that failed as unavailable shows the banner at once; the health check that follows says more.
  listen((err) => {
    if (!away) {
      becomeAway(
        err.code === 'DATABASE_UNAVAILABLE'
          ? {
              kind: 'database',
              status: { state: 'unresponsive', since: new Date().toISOString(), restarts: 0, message: err.message },
            }
          : { kind: 'server' },
      );
    }
    void check();
  });

  // The banner already says it: an unavailable request nobody awaited is not a page error as well.
  window.addEventListener('unhandledrejection', (event) => {
    if (event.reason instanceof ApiError && isUnavailable(event.reason)) event.preventDefault();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && !away) void check();
  });
  window.addEventListener('online', () => void check());

  void check();
  return { check };
}

/** "14:02" for an ISO instant (the browser's locale and time zone), or null when it is not a date. */
function sinceText(iso: string): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}
