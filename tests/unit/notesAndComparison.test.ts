/**
 * The pure parts of notes and of comparing two dates: the notes panel's order (canvas notes first),
 * what a note is on and when, badge counts per element; the compare panel's date check (both days,
 * A not after B), the comparison's groups with what came and went in between, and the legend's words.
 */
import { describe, expect, it } from 'vitest';
import type { EdgeData, NodeData } from '../../contract/api.ts';
import type { Annotation } from '../../contract/investigation.ts';
import { cameAndWent, compareResult } from '../../client/src/graph/compareLook.ts';
import { noteCounts } from '../../client/src/graph/noteBadges.ts';
import { checkDates, countWords, legendRows } from '../../client/src/panels/compareWords.ts';
import { noteTargetName, noteWhen, orderedNotes } from '../../client/src/panels/notesText.ts';

const note = (id: string, target: Annotation['target'], createdAt: string, updatedAt = createdAt): Annotation => ({
  id,
  target,
  text: id,
  createdAt,
  updatedAt,
});

describe('notes', () => {
  const list = [
    note('n1', { kind: 'node', id: 'a' }, '2026-01-01T10:00:00Z'),
    note('n2', { kind: 'canvas' }, '2026-01-02T10:00:00Z'),
    note('n3', { kind: 'edge', id: 'e' }, '2026-01-01T09:00:00Z'),
    note('n4', { kind: 'node', id: 'a' }, '2026-01-03T10:00:00Z', '2026-01-04T10:00:00Z'),
  ];

  it('lists canvas notes first, then the others oldest first', () => {
    expect(orderedNotes(list).map((n) => n.id)).toEqual(['n2', 'n3', 'n1', 'n4']);
  });

  it('names what a note is on, and says when it was written or edited', () => {
    const names = { node: (id: string) => (id === 'a' ? 'Jaysh al-Nasr' : null), edge: () => null };
    expect(noteTargetName(list[0]!, names)).toBe('Jaysh al-Nasr');
    expect(noteTargetName(list[1]!, names)).toBe('The canvas');
    expect(noteTargetName(list[2]!, names)).toBe('e (not on the canvas)');
    expect(noteWhen(list[0]!, (at) => at.slice(0, 10))).toBe('written 2026-01-01');
    expect(noteWhen(list[3]!, (at) => at.slice(0, 10))).toBe('edited 2026-01-04');
  });

  it('counts the notes of each element for its badge, the canvas under ""', () => {
    expect(noteCounts(list)).toEqual(
      new Map([
        ['a', 2],
        ['', 1],
        ['e', 1],
      ]),
    );
  });
});

describe('comparing two dates', () => {
  it('refuses a missing day, a partial date and A after B, with a message naming them', () => {
    expect(checkDates('', '2016-12-31')).toEqual({ error: 'Choose both dates, A and B.' });
    expect(checkDates('2014', '2016-12-31')).toEqual({ error: 'Date A must be a day (YYYY-MM-DD), not "2014".' });
    expect(checkDates('2016-12-31', '2014-01-01')).toEqual({
      error: 'Date A (31 December 2016) must not be after date B (1 January 2014).',
    });
    expect(checkDates('2014-01-01', '2014-01-01')).toEqual({ compare: { a: '2014-01-01', b: '2014-01-01' } });
  });

  const edge = (id: string, validFrom: string, validTo: string) =>
    ({ id, source: 's', target: 't', type: 'MEMBER_OF', validFrom, validTo, sources: [] }) as unknown as EdgeData;
  const node = (id: string, extra: Record<string, unknown> = {}) =>
    ({ id, label: 'Faction', name: id, ...extra }) as NodeData;

  it('groups links and nodes into added, ended, held, and came and went in between', () => {
    const r = compareResult(
      {
        nodes: [node('always'), node('new', { founded: '2015-08' }), node('gone', { dissolved: '2015' })],
        edges: [
          edge('added', '2015-08-01', '9999-12-31'),
          edge('ended', '0000-01-01', '2015-10-31'),
          edge('held', '0000-01-01', '9999-12-31'),
          edge('between', '2015-08-01', '2015-10-31'),
          edge('before', '2010-01-01', '2012-12-31'),
          edge('contradictory', '2016-01-01', '2015-01-01'),
        ],
      },
      '2014-01-01',
      '2016-12-31',
    );
    expect(r.edges).toEqual({ added: ['added'], ended: ['ended'], held: ['held'] });
    expect(r.nodes).toEqual({ added: ['new'], ended: ['gone'], held: ['always'] });
    expect(r.between).toEqual({ nodes: [], edges: ['between'] });
    expect(legendRows(r).map((row) => [row.key, row.links, row.nodes])).toEqual([
      ['added', 1, 1],
      ['ended', 1, 1],
      ['held', 1, 1],
      ['between', 1, 0],
    ]);
  });

  it('counts only what held on neither day but between them as came and went (A and B themselves excluded)', () => {
    const time = (validFrom: string, validTo: string) => ({ validFrom, validTo });
    expect(cameAndWent(time('2015-01-01', '2015-01-01'), '2014-01-01', '2016-12-31')).toBe(true);
    expect(cameAndWent(time('2014-01-01', '2015-01-01'), '2014-01-01', '2016-12-31')).toBe(false);
    expect(cameAndWent(time('2015-01-01', '2016-12-31'), '2014-01-01', '2016-12-31')).toBe(false);
    expect(cameAndWent(time('2015-06-01', '2015-01-01'), '2014-01-01', '2016-12-31')).toBe(false);
  });

  it('says counts in words', () => {
    expect(countWords(0, 0)).toBe('none');
    expect(countWords(1, 0)).toBe('1 link');
    expect(countWords(3, 1)).toBe('3 links, 1 node');
    expect(countWords(0, 2)).toBe('2 nodes');
  });
});
