/**
 * Partial dates (contract/partialDate.ts): which strings are dates, how they sort, and the interval
 * rule that decides whether a relationship holds on a given day.
 */
import { describe, expect, it } from 'vitest';
import { fullDate, isFullDate, isPartialDate, partialDate } from '../../contract/partialDate.ts';

describe('isPartialDate', () => {
  it('accepts a year, a month and a day', () => {
    for (const date of ['2015', '2015-08', '2015-08-05', '2018-12-31']) expect(isPartialDate(date), date).toBe(true);
  });

  it('knows leap years: 29 February exists in 2020 and 2000, not in 2019 or 1900', () => {
    expect(isPartialDate('2020-02-29')).toBe(true);
    expect(isPartialDate('2000-02-29')).toBe(true);
    expect(isPartialDate('2019-02-29')).toBe(false);
    expect(isPartialDate('1900-02-29')).toBe(false);
  });

  it('refuses days and months that do not exist', () => {
    for (const date of ['2018-13', '2018-00', '2018-13-01', '2018-02-30', '2018-04-31', '2018-01-00', '2018-01-32']) {
      expect(isPartialDate(date), date).toBe(false);
    }
  });

  it('refuses anything that is not YYYY, YYYY-MM or YYYY-MM-DD', () => {
    for (const text of [
      '',
      'June',
      '18',
      '2018-2',
      '2018-02-9',
      '2018/02/09',
      '09-02-2018',
      '2018-02-09T00:00',
      ' 2018',
      '2018-02-09 ',
      '20180209',
    ]) {
      expect(isPartialDate(text), JSON.stringify(text)).toBe(false);
    }
  });

  it('calls only YYYY-MM-DD a full date, as asOf needs', () => {
    expect(isFullDate('2018-06-01')).toBe(true);
    expect(isFullDate('2018-06')).toBe(false);
    expect(isFullDate('2018')).toBe(false);
    expect(fullDate.safeParse('2018-02-30').success).toBe(false);
    expect(partialDate.safeParse('2018-02').success).toBe(true);
    expect(partialDate.safeParse('2018-02-30').error?.issues[0]?.message).toMatch(/YYYY/);
  });
});
