/**
 * Valid time (contract/validTime.ts): the bounds derived once at import from partial dates and the
 * lifetimes of a relationship's ends, the one as-of predicate on them, and chronological order.
 */
import { describe, expect, it } from 'vitest';
import {
  compareChronologically,
  firstDay,
  holdsOn,
  intervalBounds,
  lastDay,
  lifetimeOf,
  relationshipValidTime,
  VALID_TIME_MAX,
  VALID_TIME_MIN,
} from '../../contract/validTime.ts';

const holds = (stated: { from?: string; to?: string }, day: string) =>
  holdsOn(intervalBounds(stated.from, stated.to), day);

describe('firstDay and lastDay of a partial date', () => {
  it('widen a year and a month to their periods, and know February in leap years', () => {
    expect([firstDay('2015'), lastDay('2015')]).toEqual(['2015-01-01', '2015-12-31']);
    expect([firstDay('2016-02'), lastDay('2016-02')]).toEqual(['2016-02-01', '2016-02-29']);
    expect(lastDay('2017-02')).toBe('2017-02-28');
    expect([firstDay('2018-02-09'), lastDay('2018-02-09')]).toEqual(['2018-02-09', '2018-02-09']);
  });
});

describe('holdsOn: the as-of predicate on stored bounds', () => {
  it('holds always when nothing is dated (open bounds are the sentinels)', () => {
    expect(intervalBounds()).toEqual({ validFrom: VALID_TIME_MIN, validTo: VALID_TIME_MAX });
    expect(holds({}, '1990-01-01')).toBe(true);
  });

  it('counts a partial `from` from the first day of its period', () => {
    expect(holds({ from: '2015' }, '2014-12-31')).toBe(false);
    expect(holds({ from: '2015' }, '2015-01-01')).toBe(true);
    expect(holds({ from: '2015-10' }, '2015-09-30')).toBe(false);
    expect(holds({ from: '2015-10' }, '2015-10-01')).toBe(true);
  });

  it('counts a partial `to` to the last day of its period: "2015–16" holds on 2016-12-31', () => {
    expect(holds({ from: '2015', to: '2016' }, '2016-12-31')).toBe(true);
    expect(holds({ from: '2015', to: '2016' }, '2017-01-01')).toBe(false);
    expect(holds({ from: '2015-08', to: '2015-10' }, '2015-10-31')).toBe(true);
    expect(holds({ from: '2015-08', to: '2015-10' }, '2015-11-01')).toBe(false);
  });

  it('ends a relationship "until 2018-02-09" on that day, not the next', () => {
    expect(holds({ from: '2015-10', to: '2018-02-09' }, '2018-02-09')).toBe(true);
    expect(holds({ from: '2015-10', to: '2018-02-09' }, '2018-02-10')).toBe(false);
  });
});

describe('relationshipValidTime: a link holds only while both its ends exist', () => {
  const jaysh = lifetimeOf({ label: 'Faction', founded: '2015-08' });
  const person = lifetimeOf({ label: 'Person' });

  it('an undated membership of a faction founded in August 2015 does not hold in 2014', () => {
    const time = relationshipValidTime({}, person, jaysh);
    expect(holdsOn(time, '2014-06-30')).toBe(false);
    expect(holdsOn(time, '2015-08-01')).toBe(true);
  });

  it('a link to a one-day event is an instant on that day', () => {
    const killing = lifetimeOf({ label: 'Event', date: '2017-02-14' });
    const time = relationshipValidTime({ from: '2017-02-14' }, jaysh, killing);
    expect(time).toEqual({ validFrom: '2017-02-14', validTo: '2017-02-14' });
    expect(holdsOn(time, '2018-06-30')).toBe(false);
  });

  it('a link to an event with an end date holds over its span; a month-dated event over its month', () => {
    const battle = lifetimeOf({ label: 'Event', date: '2016-03-02', endDate: '2016-03-20' });
    expect(relationshipValidTime({}, jaysh, battle)).toEqual({ validFrom: '2016-03-02', validTo: '2016-03-20' });
    const offensive = lifetimeOf({ label: 'Event', date: '2017-03' });
    expect(relationshipValidTime({}, jaysh, offensive)).toEqual({ validFrom: '2017-03-01', validTo: '2017-03-31' });
  });

  it('ends with a dissolved end, and a contradiction holds on no day', () => {
    const dissolved = lifetimeOf({ label: 'Faction', founded: '2014', dissolved: '2016-05' });
    expect(relationshipValidTime({ from: '2015' }, dissolved, jaysh)).toEqual({
      validFrom: '2015-08-01',
      validTo: '2016-05-31',
    });
    const never = relationshipValidTime({ from: '2017' }, dissolved, jaysh);
    expect(never.validFrom > never.validTo).toBe(true);
  });
});

describe('compareChronologically', () => {
  it('never puts a year before a month inside it, but does put an earlier year first', () => {
    expect(compareChronologically('2015', '2015-08')).toBeGreaterThan(0);
    expect(compareChronologically('2015-08', '2015')).toBeLessThan(0);
    expect(compareChronologically('2014', '2015-03')).toBeLessThan(0);
    expect(compareChronologically('2015-12-31', '2015')).toBeLessThan(0);
  });

  it('sorts a mixed list as an analyst reads it, absent dates first', () => {
    const dates = ['2018-03', null, '2015', '2015-08', '2018-02-09', '2018-02', '2014'];
    expect(dates.sort(compareChronologically)).toEqual([
      null,
      '2014',
      '2015-08',
      '2015',
      '2018-02-09',
      '2018-02',
      '2018-03',
    ]);
  });
});

describe('a lifetime date given only as a bound never hides a stated link', () => {
  it('"founded by 2016" leaves the start open, so a 2015 membership still holds in 2015', () => {
    const byFounded = lifetimeOf({ label: 'Faction', founded: '2016', foundedQualifier: 'by' });
    expect(byFounded.validFrom).toBe(VALID_TIME_MIN);
    const time = relationshipValidTime({ from: '2015-06', to: '2015-09' }, byFounded, lifetimeOf({ label: 'Person' }));
    expect(time).toEqual({ validFrom: '2015-06-01', validTo: '2015-09-30' });
  });

  it('"dissolved after 2016" leaves the end open; "dissolved 2016" without a qualifier ends it', () => {
    expect(lifetimeOf({ label: 'Faction', dissolved: '2016', dissolvedQualifier: 'after' }).validTo).toBe(
      VALID_TIME_MAX,
    );
    expect(lifetimeOf({ label: 'Faction', dissolved: '2016' }).validTo).toBe('2016-12-31');
  });

  it('an event dated "by" a day happened no later than that day, from an unknown one', () => {
    expect(lifetimeOf({ label: 'Event', date: '2016-05-05', dateQualifier: 'by' })).toEqual({
      validFrom: VALID_TIME_MIN,
      validTo: '2016-05-05',
    });
  });
});
