/**
 * The client's pure parts: a view survives the trip through the URL (and nonsense in a link is
 * dropped), month arithmetic for the time slider, when nodes exist, and the direction filter the API
 * leaves to the client.
 */
import { intervalBounds } from '../../contract/validTime.ts';
import { describe, expect, it } from 'vitest';
import type { Elements } from '../../contract/api.ts';
import { keepDirection } from '../../client/src/graph/loader.ts';
import { addMonths, describeInterval, existsOn, lastDayOf, monthRange } from '../../client/src/graph/timeRules.ts';
import { viewStateFromQuery, viewStateToQuery } from '../../client/src/state/url.ts';
import { emptyViewState, type ViewState } from '../../client/src/state/viewState.ts';

describe('view state in the URL', () => {
  it('round-trips everything a view holds, ids with separators included', () => {
    const state: ViewState = {
      ...emptyViewState(),
      added: ['jaysh-al-nasr', 'odd*id%with:parts'],
      expansions: [
        { id: 'jaysh-al-nasr', depth: 2, direction: 'both', types: null, limit: 25 },
        { id: 'odd*id%with:parts', depth: 1, direction: 'in', types: ['MEMBER_OF', 'MERGED_INTO'], limit: null },
      ],
      paths: [{ from: '111th-regiment', to: 'sham-legion', maxLength: 3 }],
      lineage: 'jaysh-al-nasr',
      removed: ['turkey'],
      hidden: ['syrian-arab-army'],
      pinned: ['falcons-of-al-ghab'],
      asOf: '2018-06-30',
      hiddenLabels: ['Person', 'Event'],
      hiddenTypes: ['FOUGHT'],
      layout: 'concentric',
      focus: '111th-regiment',
      pageSize: 10,
    };
    expect(viewStateFromQuery(viewStateToQuery(state))).toEqual(state);
  });

  it('writes nothing for an empty view, and defaults are left out', () => {
    expect(viewStateToQuery(emptyViewState())).toBe('');
    expect(viewStateToQuery({ ...emptyViewState(), added: ['a'] })).toBe('?n=a');
  });

  it('drops what it does not understand', () => {
    const state = viewStateFromQuery(
      '?n=ok&x=bad&x=a*9*both*all*25&x=b*1*sideways*all*25&x=c*1*out*NOT_A_TYPE*25&x=d*1*out*LED_BY*5' +
        '&p=a*b&asOf=2018-02-30&layout=spiral&hl=Person&hl=Secret&ht=FOUGHT&ht=DROP&page=0',
    );
    expect(state.added).toEqual(['ok']);
    expect(state.expansions).toEqual([{ id: 'd', depth: 1, direction: 'out', types: ['LED_BY'], limit: 5 }]);
    expect(state.paths).toEqual([]);
    expect(state.asOf).toBeNull();
    expect(state.layout).toBe('fcose');
    expect(state.hiddenLabels).toEqual(['Person']);
    expect(state.hiddenTypes).toEqual(['FOUGHT']);
    expect(state.pageSize).toBe(emptyViewState().pageSize);
  });
});

describe('time on the client', () => {
  it('does month arithmetic across years and knows the last day of a month', () => {
    expect(addMonths('2017-11', 3)).toBe('2018-02');
    expect(addMonths('2018-01', -1)).toBe('2017-12');
    expect(lastDayOf('2018-06')).toBe('2018-06-30');
    expect(lastDayOf('2016-02')).toBe('2016-02-29');
  });

  it('spans the data with a month either side, and 2015–2020 when there is none', () => {
    expect(monthRange(['2015-10', '2018-02-09', '2016'])).toEqual({ first: '2015-09', last: '2018-03' });
    expect(monthRange([])).toEqual({ first: '2015-01', last: '2020-12' });
  });

  it('says a faction exists from its founding, an event from its date', () => {
    expect(existsOn({ label: 'Faction', founded: '2018-05' }, '2018-04-30')).toBe(false);
    expect(existsOn({ label: 'Faction', founded: '2018-05' }, '2018-05-01')).toBe(true);
    expect(existsOn({ label: 'Event', date: '2018-02-09' }, '2018-02-08')).toBe(false);
    expect(existsOn({ label: 'Person' }, '1900-01-01')).toBe(true);
    expect(describeInterval('2015-10', '2018-02-09')).toBe('from October 2015 to 9 February 2018');
  });
});

describe('expanding in one direction', () => {
  const edge = (id: string, source: string, target: string) => ({
    data: { id, source, target, type: 'MEMBER_OF' as const, from: null, to: null, sources: [], ...intervalBounds() },
  });
  const node = (id: string) => ({ data: { id, label: 'Faction' as const, name: id } });
  const around: Elements = {
    nodes: ['a', 'b', 'c', 'd'].map(node),
    edges: [edge('a-b', 'a', 'b'), edge('c-a', 'c', 'a'), edge('b-d', 'b', 'd'), edge('d-c', 'd', 'c')],
    truncated: false,
  };

  it('keeps the links that leave the expanded node, step by step', () => {
    const out = keepDirection(around, { id: 'a', depth: 2, direction: 'out', types: null, limit: 25 });
    expect(out.edges.map((e) => e.data.id).sort()).toEqual(['a-b', 'b-d']);
    expect(out.nodes.map((n) => n.data.id).sort()).toEqual(['a', 'b', 'd']);
  });

  it('keeps the links that reach it', () => {
    const into = keepDirection(around, { id: 'a', depth: 1, direction: 'in', types: null, limit: 25 });
    expect(into.edges.map((e) => e.data.id)).toEqual(['c-a']);
    expect(into.nodes.map((n) => n.data.id).sort()).toEqual(['a', 'c']);
  });
});
