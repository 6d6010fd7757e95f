/**
 * Partial dates (contract/partialDate.ts): which strings are dates, how they sort, and the interval
 * rule that decides whether a relationship holds on a given day.
 */
import { describe, expect, it } from 'vitest';
import {
  comparePartialDates,
  fullDate,
  holdsOn,
  isFullDate,
  isPartialDate,
  partialDate,
} from '../../contract/partialDate.ts';

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

describe('holdsOn: whether a relationship holds on a day', () => {
  it('holds always when it has no dates', () => {
    expect(holdsOn({}, '1990-01-01')).toBe(true);
    expect(holdsOn({ from: null, to: null }, '2030-01-01')).toBe(true);
  });

  it('counts a partial `from` from the first day of its period', () => {
    expect(holdsOn({ from: '2015' }, '2014-12-31')).toBe(false);
    expect(holdsOn({ from: '2015' }, '2015-01-01')).toBe(true);
    expect(holdsOn({ from: '2015-10' }, '2015-09-30')).toBe(false);
    expect(holdsOn({ from: '2015-10' }, '2015-10-01')).toBe(true);
    expect(holdsOn({ from: '2017-01-06' }, '2017-01-05')).toBe(false);
    expect(holdsOn({ from: '2017-01-06' }, '2017-01-06')).toBe(true);
  });

  it('counts a partial `to` to the last day of its period: "2015–16" holds on 2016-12-31', () => {
    const years = { from: '2015', to: '2016' };
    expect(holdsOn(years, '2016-12-31')).toBe(true);
    expect(holdsOn(years, '2017-01-01')).toBe(false);
    const months = { from: '2015-08', to: '2015-10' };
    expect(holdsOn(months, '2015-10-31')).toBe(true);
    expect(holdsOn(months, '2015-11-01')).toBe(false);
  });

  it('ends a relationship "until 2018-02-09" on that day, not the next', () => {
    const regiment = { from: '2015-10', to: '2018-02-09' };
    expect(holdsOn(regiment, '2018-02-09')).toBe(true);
    expect(holdsOn(regiment, '2018-02-10')).toBe(false);
    expect(holdsOn(regiment, '2015-09-30')).toBe(false);
    expect(holdsOn(regiment, '2016-06-15')).toBe(true);
  });

  it('leaves an interval with only an end open towards the past', () => {
    expect(holdsOn({ to: '2017-05-22' }, '1999-01-01')).toBe(true);
    expect(holdsOn({ to: '2017-05-22' }, '2017-05-23')).toBe(false);
  });
});

describe('comparePartialDates', () => {
  it('sorts a month before its days and its days before the next month: 2018-02 < 2018-02-09 < 2018-03', () => {
    expect(comparePartialDates('2018-02', '2018-02-09')).toBeLessThan(0);
    expect(comparePartialDates('2018-02-09', '2018-03')).toBeLessThan(0);
    expect(comparePartialDates('2018', '2018-01')).toBeLessThan(0);
    expect(comparePartialDates('2018-03', '2018-02-09')).toBeGreaterThan(0);
    expect(comparePartialDates('2018-02-09', '2018-02-09')).toBe(0);
  });

  it('sorts absent dates first', () => {
    expect(comparePartialDates(undefined, '1990')).toBeLessThan(0);
    expect(comparePartialDates('1990', null)).toBeGreaterThan(0);
    expect(comparePartialDates(null, undefined)).toBe(0);
    // (Array#sort always puts undefined last by itself, so the absent date here is null.)
    expect(['2018-03', null, '2018-02-09', '2018-02', '2017'].sort(comparePartialDates)).toEqual([
      null,
      '2017',
      '2018-02',
      '2018-02-09',
      '2018-03',
    ]);
  });
});
