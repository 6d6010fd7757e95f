/**
 * The time panel's stops (client/src/graph/timeStops.ts): month ends plus every day a fact starts or
 * ends, so a one-day event is reached on its day by the slider, the `,`/`.` keys and Play.
 */
import { describe, expect, it } from 'vitest';
import { playCourse, stepDay, stopIndex, timeStops } from '../../client/src/graph/timeStops.ts';
import { VALID_TIME_MAX, VALID_TIME_MIN } from '../../contract/validTime.ts';

const instant = (day: string) => ({ validFrom: day, validTo: day });

describe('time stops', () => {
  const stops = timeStops([
    { validFrom: '2015-08-01', validTo: VALID_TIME_MAX }, // formed August 2015, still there
    instant('2017-02-07'),
    instant('2017-02-14'),
    { validFrom: '2015-08-01', validTo: '2018-02-09' },
    { validFrom: VALID_TIME_MIN, validTo: VALID_TIME_MAX }, // undated: no stop
    { validFrom: '2019-01-06', validTo: '2018-01-01' }, // contradictory: holds on no day
  ]);

  it('starts at most a month before the first dated fact and ends after the last', () => {
    expect(stops[0]).toBe('2015-07-31');
    expect(stops.at(-1)).toBe('2018-03-31');
    expect(stops).not.toContain('2014-12-31');
  });

  it('stops on every month end and every day a fact starts or ends, in order, once', () => {
    expect(stops).toEqual([...new Set(stops)].sort());
    for (const day of ['2015-08-01', '2017-02-07', '2017-02-14', '2018-02-09', '2016-02-29', '2017-02-28'])
      expect(stops).toContain(day);
    expect(stops.filter((d) => d.startsWith('2017-02'))).toEqual(['2017-02-07', '2017-02-14', '2017-02-28']);
  });

  it('ends a whole month after the last dated fact', () => {
    expect(timeStops([instant('2018-05-31')]).slice(-2)).toEqual(['2018-05-31', '2018-06-30']);
    expect(timeStops([instant('2018-05-28')]).slice(-3)).toEqual(['2018-05-28', '2018-05-31', '2018-06-30']);
  });

  it('spans 2015–2020 by month ends when nothing is dated', () => {
    const none = timeStops([]);
    expect(none[0]).toBe('2015-01-31');
    expect(none.at(-1)).toBe('2020-12-31');
    expect(none).toHaveLength(72);
  });

  it('stepping with . from January 2017 lands on each one-day event, then the month end', () => {
    const seen: (string | null)[] = [];
    let day: string | null = '2017-01-31';
    for (let i = 0; i < 3; i++) {
      day = stepDay(stops, day, 1);
      seen.push(day);
    }
    expect(seen).toEqual(['2017-02-07', '2017-02-14', '2017-02-28']);
    expect(stepDay(stops, '2017-02-14', -1)).toBe('2017-02-07');
  });

  it('a day between stops steps to its neighbours; all dates lies past the last stop', () => {
    expect(stepDay(stops, '2017-02-10', 1)).toBe('2017-02-14');
    expect(stepDay(stops, '2017-02-10', -1)).toBe('2017-02-07');
    expect(stepDay(stops, null, 1)).toBe(stops[0]);
    expect(stepDay(stops, null, -1)).toBe(stops.at(-1));
    expect(stepDay(stops, stops.at(-1) as string, 1)).toBeNull();
    expect(stepDay(stops, stops[0] as string, -5)).toBe(stops[0]);
  });

  it('the slider stands on the last stop on or before the day, and past them all for all dates', () => {
    expect(stops[stopIndex(stops, '2017-02-14')]).toBe('2017-02-14');
    expect(stops[stopIndex(stops, '2017-02-20')]).toBe('2017-02-14');
    expect(stopIndex(stops, '2000-01-01')).toBe(0);
    expect(stopIndex(stops, null)).toBe(stops.length);
  });

  it('play goes on from the chosen day to the last stop, or from the start', () => {
    expect(playCourse(stops, '2018-01-31')).toEqual(['2018-02-09', '2018-02-28', '2018-03-31']);
    expect(playCourse(stops, null)).toEqual(stops);
    expect(playCourse(stops, '2018-03-31')).toEqual(stops);
  });
});
