/**
 * contract/knownTime.ts knownUntil at the edge days: the last day of year 9999 (whose next day would be
 * written '+010000-…' and sort before every stored time), the first day of year 1, and a leap day.
 */
import { describe, expect, it } from 'vitest';
import { knownOnDay, knownUntil, LAST_INSTANT } from '../../contract/knownTime.ts';

describe('knownUntil', () => {
  it('caps 9999-12-31 at the last instant with a 4-digit year, so facts stay known', () => {
    expect(knownUntil('9999-12-31')).toBe(LAST_INSTANT);
    expect(LAST_INSTANT).toBe('9999-12-31T23:59:59.999Z');
    expect(knownOnDay({ recordedAt: '2026-12-01T10:00:00.000Z' }, '9999-12-31')).toBe(true);
    expect(knownUntil('9999-12-30')).toBe('9999-12-31T00:00:00.000Z');
  });

  it('gives the next day for 0001-01-01 (a 4-digit year, before every recorded time)', () => {
    expect(knownUntil('0001-01-01')).toBe('0001-01-02T00:00:00.000Z');
    expect(knownOnDay({ recordedAt: '2026-12-01T10:00:00.000Z' }, '0001-01-01')).toBe(false);
    expect(knownOnDay({}, '0001-01-01')).toBe(true);
  });

  it('steps over a leap day and a non-leap February end', () => {
    expect(knownUntil('2024-02-28')).toBe('2024-02-29T00:00:00.000Z');
    expect(knownUntil('2024-02-29')).toBe('2024-03-01T00:00:00.000Z');
    expect(knownUntil('2023-02-28')).toBe('2023-03-01T00:00:00.000Z');
  });

  it('takes an instant as itself, milliseconds written', () => {
    expect(knownUntil('2026-12-01T10:15:00Z')).toBe('2026-12-01T10:15:00.000Z');
  });
});
