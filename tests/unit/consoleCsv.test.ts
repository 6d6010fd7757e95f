/**
 * The console's CSV export (client/src/console/csv.ts): RFC 4180 quoting, CRLF lines, cells as the
 * table shows them, and text that a spreadsheet would run as a formula defused.
 */
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../client/src/console/csv.ts';

const node = (id: string, name: string, label = 'Faction') => ({ data: { id, label, name } });

describe('toCsv', () => {
  it('writes the header row, then one line per row, each ended by CRLF', () => {
    expect(
      toCsv(
        ['name', 'links'],
        [
          ['Jaysh al-Nasr', 12],
          ['Sham Legion', 3],
        ],
      ),
    ).toBe('name,links\r\nJaysh al-Nasr,12\r\nSham Legion,3\r\n');
  });

  it('quotes fields holding a comma, a quote or a line break, doubling the quotes', () => {
    const csv = toCsv(['text'], [['a, b'], ['say "no"'], ['two\nlines'], ['plain']]);
    expect(csv.split('\r\n')).toEqual(['text', '"a, b"', '"say ""no"""', '"two\nlines"', 'plain', '']);
  });

  it('writes nodes by name, relationships by type and dates, null as an empty field, lists as Cypher does', () => {
    const rel = {
      data: { id: 'r1', source: 'a', target: 'b', type: 'MERGED_INTO', from: '2015-10', to: null, sources: [] },
    };
    const csv = toCsv(
      ['f', 'r', 'nothing', 'sources'],
      [[node('a', 'Falcons of al-Ghab'), rel, null, ['ref-4', 'ref-23']]],
    );
    expect(csv.split('\r\n')[1]).toBe('Falcons of al-Ghab,MERGED_INTO (from 2015-10),,"[""ref-4"", ""ref-23""]"');
  });

  it('keeps Arabic text as it is', () => {
    expect(toCsv(['name'], [['جيش النصر']])).toBe('name\r\nجيش النصر\r\n');
  });

  it('defuses text a spreadsheet would take for a formula, but leaves negative numbers alone', () => {
    const csv = toCsv(['cell'], [['=HYPERLINK("http://x")'], ['+1'], ['@SUM(A1)'], [-5]]);
    expect(csv.split('\r\n')).toEqual(['cell', `"'=HYPERLINK(""http://x"")"`, "'+1", "'@SUM(A1)", '-5', '']);
  });

  it('writes every number as a plain number: 64-bit integers, floats, NaN and the infinities', () => {
    const csv = toCsv(
      ['n'],
      [
        [{ $integer: '-9223372036854775808' }],
        [{ $float: '-1.0' }],
        [-2.5],
        [{ $float: 'NaN' }],
        [{ $float: '-Infinity' }],
        [{ $integer: '9223372036854775807' }],
      ],
    );
    expect(csv.split('\r\n')).toEqual([
      'n',
      '-9223372036854775808',
      '-1.0',
      '-2.5',
      'NaN',
      '-Infinity',
      '9223372036854775807',
      '',
    ]);
  });

  it('writes dates and durations as ISO 8601 text, and still defuses sourced text inside lists and nodes', () => {
    const csv = toCsv(
      ['d', 'list', 'node'],
      [
        [{ $duration: 'P-1D' }, ['=cmd'], node('x', '-1+1')],
        [{ $date: '2018-02-09' }, [], node('y', '@me')],
      ],
    );
    expect(csv.split('\r\n')).toEqual(['d,list,node', 'P-1D,"[""=cmd""]",\'-1+1', "2018-02-09,[],'@me", '']);
  });
});
