/** The dated changes of a lineage, in the order the top-down drawing needs them. */
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
  it('turns mergers, joins and departures into dated changes, oldest first, partial dates in place', () => {
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
      '2018 left b',
      '2018-02 joined b',
      '2018-02-09 split a',
    ]);
    expect(events.find((e) => e.kind === 'split')?.edge).toBe('a-merged');
  });

  it('lists nothing for links without dates', () => {
    expect(lineageEvents([faction('root')], [edge('x', 'MEMBER_OF', 'a', null, null)])).toEqual([]);
  });
});
