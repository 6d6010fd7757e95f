/**
 * The dated changes of a lineage, in the order the top-down drawing needs them (contract/validTime.ts's
 * chronological order of partial dates), and the end of a membership read as absorption when the member
 * merged into a faction then.
 */
import { intervalBounds } from '../../contract/validTime.ts';
import { describe, expect, it } from 'vitest';
import type { EdgeData, NodeData } from '../../contract/api.ts';
import { lineageEvents } from '../../server/services/lineage.ts';

const faction = (id: string, extra: Record<string, unknown> = {}): NodeData => ({
  id,
  label: 'Faction',
  name: id,
  ...extra,
});
const edge = (
  id: string,
  type: EdgeData['type'],
  source: string,
  from: string | null,
  to: string | null,
): EdgeData => ({
  id,
  type,
  source,
  target: 'root',
  from,
  to,
  ...intervalBounds(from, to),
  sources: ['ref-1'],
});

describe('lineageEvents', () => {
  it('turns mergers, joins and departures into dated changes in chronological order: "February 2018" after its 9th, "2018" last', () => {
    const events = lineageEvents(
      [faction('root', { founded: '2015-08' }), faction('a'), faction('b')],
      [
        edge('a-merged', 'MERGED_INTO', 'a', '2015-10', '2018-02-09'),
        edge('b-joined', 'MEMBER_OF', 'b', '2018-02', '2018'),
      ],
    );
    expect(events.map((e) => `${e.date} ${e.kind} ${e.node}`)).toEqual([
      '2015-08 founded root',
      '2015-10 merged a',
      '2018-02-09 split a',
      '2018-02 joined b',
      '2018 left b',
    ]);
    expect(events.find((e) => e.kind === 'split')?.edge).toBe('a-merged');
  });

  it('reads the end of a membership at the same time as the member merged as absorbed, at the precision given', () => {
    const events = lineageEvents(
      [faction('room'), faction('m'), faction('n'), faction('o')],
      [
        edge('m-in-room', 'MEMBER_OF', 'm', '2015-08', '2015-10'),
        edge('m-merged', 'MERGED_INTO', 'm', '2015-10', null),
        edge('n-in-room', 'MEMBER_OF', 'n', '2015-08', '2015-10-28'),
        edge('n-merged', 'MERGED_INTO', 'n', '2015-10', null),
        edge('o-in-room', 'MEMBER_OF', 'o', '2015-08', '2015-11'),
        edge('o-merged', 'MERGED_INTO', 'o', '2015-10', null),
      ],
    );
    const endOf = (id: string) => events.find((e) => e.edge === id && e.kind !== 'joined')?.kind;
    expect(endOf('m-in-room')).toBe('absorbed');
    expect(endOf('n-in-room')).toBe('absorbed'); // 28 October 2015 lies in October 2015
    expect(endOf('o-in-room')).toBe('left'); // November is not October
  });

  it('needs a merger of the same member; one into a faction outside the lineage counts (memberMergers)', () => {
    const edges = [
      edge('m-in-room', 'MEMBER_OF', 'm', '2016', '2017-03-15'),
      edge('x-merged', 'MERGED_INTO', 'x', '2017-03', null),
    ];
    expect(lineageEvents([], edges).find((e) => e.edge === 'm-in-room' && e.date === '2017-03-15')?.kind).toBe('left');
    const absorbed = lineageEvents([], edges, [{ node: 'm', from: '2017-03' }]);
    expect(absorbed.find((e) => e.edge === 'm-in-room' && e.date === '2017-03-15')?.kind).toBe('absorbed');
  });

  it('on one date, puts a founding before a join and a departure before a dissolution', () => {
    const events = lineageEvents(
      [faction('a', { founded: '2015-08', dissolved: '2019' }), faction('b')],
      [edge('a-in-b', 'MEMBER_OF', 'a', '2015-08', '2019')],
    );
    expect(events.map((e) => `${e.date} ${e.kind} ${e.node}`)).toEqual([
      '2015-08 founded a',
      '2015-08 joined a',
      '2019 left a',
      '2019 dissolved a',
    ]);
  });

  it('lists nothing for links without dates', () => {
    expect(lineageEvents([faction('root')], [edge('x', 'MEMBER_OF', 'a', null, null)])).toEqual([]);
  });
});
