/**
 * The entity table's "Drawn" rows (client/src/panels/entityTableRows.ts): drawn nodes as the server's
 * rows (stated dates with qualifiers, lifetime as valid time, drawn links counted once per link), the
 * name filter, and the server's sort rules (unknowns last both ways, ties by name).
 */
import { describe, expect, it } from 'vitest';
import type { EdgeData, NodeData } from '../../contract/api.ts';
import { VALID_TIME_MAX, VALID_TIME_MIN } from '../../contract/validTime.ts';
import { drawnRows, filterRows, sortRows } from '../../client/src/panels/entityTableRows.ts';

const nodes: NodeData[] = [
  { id: 'nasr', label: 'Faction', name: 'Jaysh al-Nasr', kind: 'armed group', founded: '2015-08' },
  { id: 'izza', label: 'Faction', name: 'Jaish al-Izza', kind: 'armed group' },
  { id: 'legion', label: 'Faction', name: 'sham Legion' },
  {
    id: 'shelling',
    label: 'Event',
    name: 'Shelling',
    kind: 'shelling',
    date: '2016-05-05',
    dateQualifier: 'by',
  },
  { id: 'ref-1', label: 'Source', name: '[1] A source' },
];
const link = (id: string, source: string, target: string): EdgeData => ({
  id,
  source,
  target,
  type: 'FOUGHT',
  from: null,
  to: null,
  validFrom: VALID_TIME_MIN,
  validTo: VALID_TIME_MAX,
  sources: [],
});
const edges = [link('a', 'nasr', 'izza'), link('b', 'nasr', 'shelling'), link('c', 'nasr', 'izza')];

describe('drawn nodes as rows', () => {
  const rows = drawnRows({ nodes, edges });

  it('reads kind, stated dates with qualifiers, lifetime and drawn links; sources are left out', () => {
    expect(rows.map((r) => r.id)).toEqual(['nasr', 'izza', 'legion', 'shelling']);
    expect(rows[0]).toMatchObject({
      kind: 'armed group',
      from: '2015-08',
      to: null,
      validFrom: '2015-08-01',
      links: 3,
    });
    expect(rows[3]).toMatchObject({
      from: '2016-05-05',
      fromQualifier: 'by',
      // "By 5 May 2016": it happened no later than that, from an unknown day.
      validFrom: VALID_TIME_MIN,
      validTo: '2016-05-05',
      links: 1,
    });
    expect(rows[2]).toMatchObject({ kind: null, links: 0, validFrom: VALID_TIME_MIN });
  });

  it('filters by part of a name in any case, and by label', () => {
    expect(filterRows(rows, 'JAI', null).map((r) => r.id)).toEqual(['izza']);
    expect(filterRows(rows, 'al-', 'Faction').map((r) => r.id)).toEqual(['nasr', 'izza']);
    expect(filterRows(rows, '', 'Event').map((r) => r.id)).toEqual(['shelling']);
  });

  it('sorts as the server does: case-insensitive names, unknowns last both ways, ties by name', () => {
    expect(sortRows(rows, 'name', 'asc').map((r) => r.id)).toEqual(['izza', 'nasr', 'legion', 'shelling']);
    expect(sortRows(rows, 'name', 'desc').map((r) => r.id)).toEqual(['shelling', 'legion', 'nasr', 'izza']);
    expect(sortRows(rows, 'kind', 'asc').map((r) => r.id)).toEqual(['izza', 'nasr', 'shelling', 'legion']);
    expect(sortRows(rows, 'kind', 'desc').map((r) => r.id)).toEqual(['shelling', 'izza', 'nasr', 'legion']);
    expect(sortRows(rows, 'validFrom', 'desc').map((r) => r.id)).toEqual(['nasr', 'izza', 'legion', 'shelling']);
    expect(sortRows(rows, 'validTo', 'asc').map((r) => r.id)).toEqual(['shelling', 'izza', 'nasr', 'legion']);
    expect(sortRows(rows, 'links', 'desc').map((r) => r.id)).toEqual(['nasr', 'izza', 'shelling', 'legion']);
  });
});
