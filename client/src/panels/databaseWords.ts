/**
 * What the database banner (databaseBanner.ts) says, and how often it asks again: pure functions of
 * what the client knows about the database (a DatabaseStatus from GET /api/health, contract/api.ts)
 * or of the server not answering at all. Kept apart from the DOM so the wording is unit-tested.
 */
import type { DatabaseStatus } from '../../../contract/api.ts';

/**
 * Why the API cannot be used right now: the database is not up (as /api/health, or a request's 503
 * DATABASE_UNAVAILABLE, says), or the Faction Atlas server itself does not answer (network error,
 * a proxy's 502/504, a health check that timed out).
 */
export type Away = { kind: 'database'; status: DatabaseStatus } | { kind: 'server' };

/** What stays true whatever the cause: nothing drawn is lost, and nothing needs redoing by hand. */
export const KEPT = 'your view is kept; actions will work again when it is back.';

/**
 * The banner's sentence for `away`, in the analyst's words (no Bolt, no JVM):
 * - unresponsive: "The database is not answering — your view is kept; …"
 * - restarting: "The database is restarting (attempt 2 of 5) — your view is kept; …", the attempt as
 *   the supervisor's message states it ("…; restart attempt 2 of 5", server/neo4j/supervisor.ts; the
 *   status's `restarts` counts every restart since the app started, not this run of them), left out
 *   when the message does not say
 * - failed after restarts: "The database could not be restarted: <cause>. Ask whoever runs Faction
 *   Atlas to look at it."; failed with no restart tried (a server the app is given, which it does not
 *   run): "The database cannot be reached: <cause>. …"
 * - the server itself away: "The Faction Atlas server is not answering — your view is kept; …"
 * The cause is the message's first line, without the words that introduce the lines after it
 * (Neo4j's log, which causeDetail() gives apart).
 */
export function awayWords(away: Away): string {
  if (away.kind === 'server') return `The Faction Atlas server is not answering — ${KEPT}`;
  const { state, restarts, message } = away.status;
  switch (state) {
    case 'restarting': {
      const attempt = /attempt (\d+(?: of \d+)?)/.exec(message ?? '')?.[1];
      return `The database is restarting${attempt ? ` (attempt ${attempt})` : ''} — ${KEPT}`;
    }
    case 'failed': {
      const cause = splitMessage(message).cause ?? 'no cause was given';
      const what = restarts > 0 ? 'could not be restarted' : 'cannot be reached';
      return `The database ${what}: ${cause}. Ask whoever runs Faction Atlas to look at it.`;
    }
    default:
      // 'unresponsive', and 'up' should a caller ever ask (the banner does not show then).
      return `The database is not answering — ${KEPT}`;
  }
}

/**
 * The lines of a failed database's message after its first (Neo4j's last log lines), under the
 * words that introduce them ("Neo4j's last log lines"), or null when there are none.
 */
export function causeDetail(away: Away): { title: string; lines: string } | null {
  if (away.kind !== 'database' || away.status.state !== 'failed') return null;
  const { title, lines } = splitMessage(away.status.message);
  return lines ? { title: title ?? 'Details', lines } : null;
}

/** What the banner says for a moment once the database answers again. */
export const BACK_WORDS = 'The database is back.';

/**
 * Milliseconds until the next health check while the API is away for `awayForMs`: every 2 s during
 * the first 30 s (a restart of the local Neo4j takes about 10–20 s, so the banner goes soon after
 * it is back), then every 5 s up to 2 min, then every 15 s, so a page left open on a database that is
 * gone for good does not ask twice a second for hours. A `failed` database needs a person, so it is
 * asked about every 15 s from the start.
 */
export function pollDelayMs(awayForMs: number, away?: Away): number {
  if (away?.kind === 'database' && away.status.state === 'failed') return 15_000;
  if (awayForMs < 30_000) return 2_000;
  if (awayForMs < 120_000) return 5_000;
  return 15_000;
}

/**
 * How often the banner asks while the database is up, so an outage shows before the next click: 15 s
 * left an idle page silent 12 s after Neo4j died; a health check costs the server one cheap query.
 */
export const UP_CHECK_MS = 5_000;

/**
 * "Cause. Intro:\nline 1\nline 2" → cause "Cause", title "Intro", lines "line 1\nline 2"; a message
 * of one line is all cause. The cause loses its closing full stop (the sentence adds its own).
 */
function splitMessage(message: string | undefined): {
  cause: string | null;
  title: string | null;
  lines: string | null;
} {
  const [first = '', ...rest] = (message ?? '').split('\n');
  const lines = rest.join('\n').trim() || null;
  let cause = first.trim();
  let title: string | null = null;
  const intro = lines ? /^(.*?)[.;]\s+([^.;]+):$/.exec(cause) : null;
  if (intro) {
    cause = intro[1]!;
    title = intro[2]!;
  }
  cause = cause.replace(/[.:\s]+$/, '');
  return { cause: cause || null, title, lines };
}
