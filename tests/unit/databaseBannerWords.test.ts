/**
 * What the database banner says (client/src/panels/databaseWords.ts) for each state GET /api/health
 * can report, in the analyst's words, and how often it asks again while the database is away.
 */
import { describe, expect, it } from 'vitest';
import type { DatabaseStatus } from '../../contract/api.ts';
import { type Away, awayWords, causeDetail, pollDelayMs } from '../../client/src/panels/databaseWords.ts';

const since = '2025-03-01T10:00:00.000Z';
const database = (status: Omit<DatabaseStatus, 'since'>): Away => ({ kind: 'database', status: { since, ...status } });

describe('the banner’s words', () => {
  it('says the database is not answering and that the view is kept', () => {
    expect(awayWords(database({ state: 'unresponsive', restarts: 0, message: 'Connection refused' }))).toBe(
      'The database is not answering — your view is kept; actions will work again when it is back.',
    );
  });

  it('says which restart attempt is under way, as the supervisor counts them, and none when it does not say', () => {
    const attempt = database({
      state: 'restarting',
      restarts: 7,
      message: 'Neo4j exited with code 137; restart attempt 2 of 5',
    });
    expect(awayWords(attempt)).toBe(
      'The database is restarting (attempt 2 of 5) — your view is kept; actions will work again when it is back.',
    );
    const hung = database({ state: 'restarting', restarts: 0, message: 'Neo4j stopped answering for 20 s' });
    expect(awayWords(hung)).toBe(
      'The database is restarting — your view is kept; actions will work again when it is back.',
    );
  });

  it('names the cause of a failed restart in one sentence and who should look, the log lines apart', () => {
    const failed = database({
      state: 'failed',
      restarts: 5,
      message:
        "Neo4j exited with code 1, and 5 restarts in a row did not keep it up. Neo4j's last log lines:\n" +
        'ERROR Store lock held\nERROR Shutting down',
    });
    expect(awayWords(failed)).toBe(
      'The database could not be restarted: Neo4j exited with code 1, and 5 restarts in a row did not keep it up. ' +
        'Ask whoever runs Faction Atlas to look at it.',
    );
    expect(causeDetail(failed)).toEqual({
      title: "Neo4j's last log lines",
      lines: 'ERROR Store lock held\nERROR Shutting down',
    });
  });

  it('says a server it does not run cannot be reached, rather than that a restart failed', () => {
    const given = database({ state: 'failed', restarts: 0, message: 'bolt://db.example:7687 refused the connection.' });
    expect(awayWords(given)).toBe(
      'The database cannot be reached: bolt://db.example:7687 refused the connection. ' +
        'Ask whoever runs Faction Atlas to look at it.',
    );
    expect(causeDetail(given)).toBeNull();
    expect(awayWords(database({ state: 'failed', restarts: 1 }))).toContain(
      'could not be restarted: no cause was given.',
    );
  });

  it('tells the server itself being gone apart from the database', () => {
    expect(awayWords({ kind: 'server' })).toBe(
      'The Faction Atlas server is not answering — your view is kept; actions will work again when it is back.',
    );
    expect(causeDetail({ kind: 'server' })).toBeNull();
  });
});

describe('how often the banner asks again', () => {
  const away = database({ state: 'unresponsive', restarts: 0 });

  it('asks every 2 s at first, then less often the longer the database stays away', () => {
    const delays = [0, 29_000, 30_000, 119_000, 120_000, 3_600_000].map((ms) => pollDelayMs(ms, away));
    expect(delays).toEqual([2_000, 2_000, 5_000, 5_000, 15_000, 15_000]);
  });

  it('asks about a failed database, which needs a person, only every 15 s', () => {
    expect(pollDelayMs(0, database({ state: 'failed', restarts: 3 }))).toBe(15_000);
    expect(pollDelayMs(0, { kind: 'server' })).toBe(2_000);
  });
});
