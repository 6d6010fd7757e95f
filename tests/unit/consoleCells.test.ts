/**
 * How the console shows and sorts result cells (client/src/console/cells.ts): graph values as an
 * analyst reads them, numbers sorted by value, text by the locale, empty cells last either way.
 */
import { describe, expect, it } from 'vitest';
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

  it('writes scalars as they are and other values as JSON, graph values inside them by name', () => {
    expect(cellText('text')).toBe('text');
    expect(cellText(42)).toBe('42');
    expect(cellText(false)).toBe('false');
    expect(cellText(null)).toBe('');
    expect(cellText(['ref-1', 2])).toBe('["ref-1",2]');
    expect(cellText({ who: node('a', 'A'), n: 1 })).toBe('{"who":"A","n":1}');
  });

  it('does not take a map that merely has a data key for a node', () => {
    const map = { data: { id: 'x', name: 'n', label: 'L' }, other: 1 };
    expect(isNode(map)).toBe(false);
    expect(isRelationship(map)).toBe(false);
    expect(cellText(map)).toBe(JSON.stringify(map));
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

  it('sorts nodes by their names', () => {
    const named = [[node('b', 'Sham Legion')], [node('a', 'Jaysh al-Nasr')]];
    expect(sortRows(named, { column: 0, descending: false })).toEqual([1, 0]);
  });
});
