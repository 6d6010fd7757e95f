/**
 * Which filters hide a chosen search result (client/src/panels/searchNotes.ts): its label, or every
 * one of its links; never a Source, which the canvas does not draw. And the words for a source's draw.
 */
import { describe, expect, it } from 'vitest';
import { drawnText, hiddenBy } from '../../client/src/panels/searchNotes.ts';

const none = { hiddenLabels: [], hiddenTypes: [] } as const;

describe('hiddenBy', () => {
  it('names the label filter that hides a node', () => {
    const result = { label: 'Person', types: ['LED_BY'] } as const;
    expect(hiddenBy(result, { ...none, hiddenLabels: ['Person'] })).toEqual({ labels: ['Person'], types: [] });
  });

  it('names the link filters when they hide every link of a node, and nothing when one link shows', () => {
    const result = { label: 'Place', types: ['BASED_IN'] } as const;
    expect(hiddenBy(result, { ...none, hiddenTypes: ['BASED_IN', 'FOUGHT'] })).toEqual({
      labels: [],
      types: ['BASED_IN'],
    });
    const twoKinds = { label: 'Faction', types: ['MEMBER_OF', 'LED_BY'] } as const;
    expect(hiddenBy(twoKinds, { ...none, hiddenTypes: ['MEMBER_OF'] })).toBeNull();
  });

  it('finds nothing hidden without filters, for a node without links, or for a Source', () => {
    expect(hiddenBy({ label: 'Faction', types: ['MEMBER_OF'] }, none)).toBeNull();
    expect(hiddenBy({ label: 'Event', types: [] }, { ...none, hiddenTypes: ['FOUGHT'] })).toBeNull();
    expect(hiddenBy({ label: 'Source', types: [] }, { hiddenLabels: ['Person'], hiddenTypes: ['FOUGHT'] })).toBeNull();
  });
});

describe('drawnText', () => {
  it('counts what was drawn, says when the answer was cut, and when nothing cites the source', () => {
    expect(drawnText(5, 8, false)).toBe('Drew 5 nodes and 8 links that cite it.');
    expect(drawnText(1, 1, true)).toBe('Drew 1 node and 1 link that cite it (the first ones; more cite it).');
    expect(drawnText(0, 0, false)).toBe('Nothing in the database cites this source.');
  });
});
