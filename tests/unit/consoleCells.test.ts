/**
 * How the console shows and sorts result cells (client/src/console/cells.ts, cellKinds.ts): graph
 * values as an analyst reads them, every value as its Cypher kind (1.0 a float, a date a date, also
 * inside lists and maps), numbers sorted by exact value (64-bit integers too), dates in time order,
 * text by the locale, empty cells last either way.
 */
import { describe, expect, it } from 'vitest';
import { kindOf } from '../../client/src/console/cellKinds.ts';
import { cellText, isNode, isPath, isRelationship, sortRows } from '../../client/src/console/cells.ts';

const node = (id: string, name: string) => ({ data: { id, label: 'Faction', name, kind: 'armed group' } });
const rel = (id: string, source: string, target: string, type: string) => ({
  data: { id, source, target, type, from: null, to: null, sources: [] },
});

describe('cellText', () => {
  it('names a node by its name and a relationship by its type', () => {
    expect(cellText(node('a', 'Falcons of al-Ghab'))).toBe('Falcons of al-Ghab');
    expect(cellText(rel('r', 'a', 'b', 'MERGED_INTO'))).toBe('MERGED_INTO');
  });

  it('adds a relationship’s dates when it has them', () => {
    const dated = { data: { ...rel('r', 'a', 'b', 'MEMBER_OF').data, from: '2015-10', to: '2018-02-09' } };
    expect(cellText(dated)).toBe('MEMBER_OF (2015-10 – 2018-02-09)');
    expect(cellText({ data: { ...dated.data, to: null } })).toBe('MEMBER_OF (from 2015-10)');
    expect(cellText({ data: { ...dated.data, from: null } })).toBe('MEMBER_OF (until 2018-02-09)');
  });

  it('writes a path step by step, each arrow in its relationship’s direction', () => {
    const path = {
      nodes: [node('a', 'A'), node('b', 'B'), node('c', 'C')],
      edges: [rel('r1', 'a', 'b', 'MERGED_INTO'), rel('r2', 'c', 'b', 'MEMBER_OF')],
    };
    expect(isPath(path)).toBe(true);
    expect(cellText(path)).toBe('A -[MERGED_INTO]-> B <-[MEMBER_OF]- C');
  });

  it('writes scalars as they are, and lists and maps as Cypher literals, graph values inside them by name', () => {
    expect(cellText('text')).toBe('text');
    expect(cellText(42)).toBe('42');
    expect(cellText(false)).toBe('false');
    expect(cellText(null)).toBe('');
    expect(cellText(['ref-1', 2])).toBe('["ref-1", 2]');
    expect(cellText({ who: node('a', 'A'), n: 1, 'odd key': null })).toBe('{who: "A", n: 1, `odd key`: null}');
  });

  it('does not take a map that merely has a data key for a node', () => {
    const map = { data: { id: 'x', name: 'n', label: 'L' }, other: 1 };
    expect(isNode(map)).toBe(false);
    expect(isRelationship(map)).toBe(false);
    expect(cellText(map)).toBe('{data: {id: "x", name: "n", label: "L"}, other: 1}');
  });

  it('unwraps a map that travels as {"$map"} and shows it as the map it is', () => {
    const wrapped = { $map: { data: { id: 'x', label: 'Faction', name: 'X' } } };
    expect(kindOf(wrapped)).toBe('map');
    expect(isNode(wrapped)).toBe(false);
    expect(cellText(wrapped)).toBe('{data: {id: "x", label: "Faction", name: "X"}}');
    expect(cellText({ $map: { $integer: '12' } })).toBe('{`$integer`: "12"}');
  });
});

describe('cellText and kindOf keep each value’s Cypher kind', () => {
  it.each([
    [{ $integer: '-9223372036854775808' }, 'integer', '-9223372036854775808'],
    [9007199254740991, 'integer', '9007199254740991'],
    [{ $float: '1.0' }, 'float', '1.0'],
    [2.5, 'float', '2.5'],
    [{ $float: 'NaN' }, 'float', 'NaN'],
    [{ $float: '-Infinity' }, 'float', '-Infinity'],
    [{ $date: '2018-02-09' }, 'date', '2018-02-09'],
    [{ $datetime: '2018-05-28T00:00:00+03:00[Asia/Damascus]' }, 'datetime', '2018-05-28T00:00:00+03:00[Asia/Damascus]'],
    [{ $localtime: '10:11:00' }, 'localtime', '10:11:00'],
    [{ $duration: 'P1Y2M3D' }, 'duration', 'P1Y2M3D'],
    [{ $point: { srid: 4326, x: 36.2, y: 33.5 } }, 'point', 'point({srid: 4326, x: 36.2, y: 33.5})'],
    [{ $bytes: [0, 7, 255] }, 'bytes', '0x0007ff'],
    ['2018-02-09', 'string', '2018-02-09'],
  ])('%j is a %s shown as %s', (value, kind, text) => {
    expect(kindOf(value)).toBe(kind);
    expect(cellText(value)).toBe(text);
  });

  it('keeps the kinds inside lists and maps: strings quoted, floats with their point, dates named', () => {
    expect(cellText([1, { $float: '1.0' }, 2.5, { $date: '2015-10-01' }, { $integer: '9007199254740993' }, 'x'])).toBe(
      '[1, 1.0, 2.5, date("2015-10-01"), 9007199254740993, "x"]',
    );
    expect(cellText({ count: 3, when: { $date: '2015-10-01' }, took: { $duration: 'P1D' } })).toBe(
      '{count: 3, when: date("2015-10-01"), took: duration("P1D")}',
    );
  });
});

describe('sortRows', () => {
  const rows = [
    ['Uwais', 10, null],
    ['111th', 9, 'x'],
    ['falcons', 100, 'y'],
    ['Liwa', null, 'z'],
  ];

  it('keeps the query’s order when no column is chosen', () => {
    expect(sortRows(rows, null)).toEqual([0, 1, 2, 3]);
  });

  it('sorts numbers by value, not as text, with empty cells last', () => {
    expect(sortRows(rows, { column: 1, descending: false })).toEqual([1, 0, 2, 3]);
    expect(sortRows(rows, { column: 1, descending: true })).toEqual([2, 0, 1, 3]);
  });

  it('sorts text by the locale, ignoring case, digits as numbers', () => {
    expect(sortRows(rows, { column: 0, descending: false }).map((i) => rows[i]![0])).toEqual([
      '111th',
      'falcons',
      'Liwa',
      'Uwais',
    ]);
    expect(sortRows([['item 10'], ['item 9']], { column: 0, descending: false })).toEqual([1, 0]);
  });

  it('sorts 64-bit integers by exact value, among the other numbers, whichever way they travel', () => {
    const big = [[2], [{ $integer: '-9223372036854775808' }], [{ $integer: '9223372036854775807' }], [-5]];
    expect(sortRows(big, { column: 0, descending: false })).toEqual([1, 3, 0, 2]);
    expect(sortRows(big, { column: 0, descending: true })).toEqual([2, 0, 3, 1]);
    // Two integers a float cannot tell apart still sort apart.
    const close = [[{ $integer: '9007199254740993' }], [{ $integer: '9007199254740992' }], [9007199254740991]];
    expect(sortRows(close, { column: 0, descending: false })).toEqual([2, 1, 0]);
  });

  it('sorts floats with integers by value, NaN after every number and text after numbers', () => {
    const mixed = [[{ $float: 'NaN' }], [{ $float: '1.0' }], [0.5], ['text'], [{ $float: '-Infinity' }], [1]];
    expect(sortRows(mixed, { column: 0, descending: false })).toEqual([4, 2, 1, 5, 0, 3]);
  });

  it('sorts dates and datetimes in time order, datetimes by the instant whatever their offset', () => {
    const dates = [[{ $date: '2018-02-09' }], [{ $date: '2015-10-01' }], [{ $date: '2017-01-06' }]];
    expect(sortRows(dates, { column: 0, descending: false })).toEqual([1, 2, 0]);
    const instants = [
      [{ $datetime: '2018-02-09T10:00:00+03:00' }], // 07:00 UTC
      [{ $datetime: '2018-02-09T08:00:00Z' }],
      [{ $datetime: '2018-02-09T06:30:00-01:00[Atlantic/Azores]' }], // 07:30 UTC
    ];
    expect(sortRows(instants, { column: 0, descending: false })).toEqual([0, 2, 1]);
  });

  it('sorts nodes by their names', () => {
    const named = [[node('b', 'Sham Legion')], [node('a', 'Jaysh al-Nasr')]];
    expect(sortRows(named, { column: 0, descending: false })).toEqual([1, 0]);
  });
});
