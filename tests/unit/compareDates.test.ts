/**
 * The date comparison rule (client/src/graph/compareDates.ts): between days A ≤ B, a relationship or
 * node is added, ended, held or neither, by the same as-of predicate as everywhere (inclusive ends),
 * with open ends, partial dates widened to their periods, lifetimes of nodes, and bad days refused.
 */
import { describe, expect, it } from 'vitest';
import type { EdgeData, NodeData } from '../../contract/api.ts';
import { intervalBounds, lifetimeOf, relationshipValidTime } from '../../contract/validTime.ts';
import { changeBetween, compareDates, idsWith } from '../../client/src/graph/compareDates.ts';

/** A relationship as the server sends it: stated partial dates, valid time derived as the importer does. */
function edge(id: string, from: string | null, to: string | null, ends = { start: {}, end: {} }): EdgeData {
  const time = relationshipValidTime(
    { from, to },
    lifetimeOf(ends.start as Record<string, unknown>),
    lifetimeOf(ends.end as Record<string, unknown>),
  );
  return { id, source: 's', target: 't', type: 'MEMBER_OF', from, to, ...time, sources: ['ref-1'] };
}

const change = (from: string | null, to: string | null, a: string, b: string) =>
  changeBetween(intervalBounds(from, to), a, b);

describe('a relationship between two days', () => {
  it('is added when it begins after A and holds on B', () => {
    expect(change('2017-03-01', null, '2017-01-01', '2017-06-01')).toBe('added');
    // Its first day is B itself: it holds on B.
    expect(change('2017-06-01', null, '2017-01-01', '2017-06-01')).toBe('added');
  });

  it('is ended when it holds on A but no longer on B', () => {
    expect(change('2015-10', '2017-02-09', '2017-01-01', '2017-06-01')).toBe('ended');
    // Its last day is A itself: it holds on A, and ends are inclusive.
    expect(change('2015-10', '2017-01-01', '2017-01-01', '2017-06-01')).toBe('ended');
    // Its last day is the day before B.
    expect(change('2015-10', '2017-05-31', '2017-01-01', '2017-06-01')).toBe('ended');
  });

  it('is held when it holds on both days, also when it ends on B itself', () => {
    expect(change('2015', '2018', '2016-01-01', '2017-12-31')).toBe('held');
    expect(change('2015', '2017-06-01', '2016-01-01', '2017-06-01')).toBe('held');
  });

  it('is neither when it holds on neither day: before A, after B, or come and gone in between', () => {
    expect(change('2014', '2015', '2016-01-01', '2017-01-01')).toBeNull();
    expect(change('2018', null, '2016-01-01', '2017-01-01')).toBeNull();
    expect(change('2016-03', '2016-05', '2016-01-01', '2017-01-01')).toBeNull();
    // It ends the day before A.
    expect(change('2015', '2015-12-31', '2016-01-01', '2017-01-01')).toBeNull();
    // It begins the day after B.
    expect(change('2017-01-02', null, '2016-01-01', '2017-01-01')).toBeNull();
  });

  it('counts open ends as holding since always and for ever', () => {
    expect(change(null, null, '0001-01-01', '9998-12-31')).toBe('held');
    expect(change(null, '2016-06', '2016-06-30', '2016-07-01')).toBe('ended');
    expect(change('2016-07', null, '2016-06-30', '2016-07-01')).toBe('added');
  });

  it('widens partial dates to their whole periods: a year to its last day, a month from its first', () => {
    // "until 2016" holds through 31 December 2016.
    expect(change('2015', '2016', '2016-06-01', '2016-12-31')).toBe('held');
    expect(change('2015', '2016', '2016-06-01', '2017-01-01')).toBe('ended');
    // "from February 2016" holds from 1 February, leap year's February to its 29th.
    expect(change('2016-02', '2016-02', '2016-01-31', '2016-02-01')).toBe('added');
    expect(change('2016-02', '2016-02', '2016-02-29', '2016-03-01')).toBe('ended');
  });

  it('uses the stored valid time, clipped to the lifetimes of both ends', () => {
    // A membership stated without dates, of a faction founded in August 2015 and dissolved in 2018.
    const clipped = edge('m', null, null, {
      start: { label: 'Faction', founded: '2015-08', dissolved: '2018-05' },
      end: {},
    });
    expect(changeBetween(clipped, '2015-07-31', '2015-08-01')).toBe('added');
    expect(changeBetween(clipped, '2018-05-31', '2018-06-01')).toBe('ended');
    // A link to a one-day event is an instant: it holds on that day only.
    const atEvent = edge('p', null, null, { start: {}, end: { label: 'Event', date: '2017-02-14' } });
    expect(changeBetween(atEvent, '2017-02-14', '2017-02-14')).toBe('held');
    expect(changeBetween(atEvent, '2017-02-13', '2017-02-14')).toBe('added');
    expect(changeBetween(atEvent, '2017-02-14', '2017-02-15')).toBe('ended');
    expect(changeBetween(atEvent, '2017-02-13', '2017-02-15')).toBeNull();
  });

  it('finds a contradictory relationship (valid from after valid to) on no day', () => {
    expect(changeBetween({ validFrom: '2018-01-01', validTo: '2017-01-01' }, '2017-01-01', '2018-01-01')).toBeNull();
  });
});

describe('compareDates over elements', () => {
  const nodes: NodeData[] = [
    { id: 'nasr', label: 'Faction', name: 'Jaysh al-Nasr', founded: '2015-08' },
    { id: 'nfl', label: 'Faction', name: 'National Front for Liberation', founded: '2018-05' },
    { id: 'gone', label: 'Faction', name: 'Gone', founded: '2014', dissolved: '2016-06' },
    { id: 'by', label: 'Faction', name: 'Founded by 2016', founded: '2016', foundedQualifier: 'by' },
    { id: 'killing', label: 'Event', name: 'Killing', date: '2017-02-14' },
    { id: 'person', label: 'Person', name: 'Someone' },
  ];
  const edges: EdgeData[] = [
    edge('joined', '2016-01', null),
    edge('left', '2015', '2017-02-09'),
    edge('always', null, null),
    edge('between', '2016-03', '2016-04'),
  ];

  it('classifies nodes by their lifetime and relationships by their valid time; neither is left out', () => {
    const result = compareDates({ nodes, edges }, '2015-12-31', '2018-05-01');
    expect(Object.fromEntries(result.nodes)).toEqual({
      nasr: 'held',
      nfl: 'added',
      gone: 'ended',
      // "Founded by 2016" does not say it was not there before: its start stays open.
      by: 'held',
      person: 'held',
    });
    expect(Object.fromEntries(result.edges)).toEqual({ joined: 'added', left: 'ended', always: 'held' });
    expect(idsWith(result, 'added').sort()).toEqual(['joined', 'nfl']);
    expect(idsWith(result, 'ended').sort()).toEqual(['gone', 'left']);
    expect(result).toMatchObject({ a: '2015-12-31', b: '2018-05-01' });
  });

  it('has nothing added or ended when A and B are the same day', () => {
    const result = compareDates({ nodes, edges }, '2017-02-14', '2017-02-14');
    expect(idsWith(result, 'added')).toEqual([]);
    expect(idsWith(result, 'ended')).toEqual([]);
    expect(idsWith(result, 'held').sort()).toEqual(['always', 'by', 'joined', 'killing', 'nasr', 'person']);
  });

  it('refuses partial days, days that are no dates, and A after B', () => {
    const none = { nodes: [], edges: [] };
    expect(() => compareDates(none, '2017', '2018-01-01')).toThrow(RangeError);
    expect(() => compareDates(none, '2017-01-01', '2017-02-30')).toThrow(/Date B/);
    expect(() => compareDates(none, '2018-01-01', '2017-01-01')).toThrow(/must not be after/);
    expect(() => changeBetween(intervalBounds(null, null), '2017-01-01', 'tomorrow')).toThrow(RangeError);
  });
});
