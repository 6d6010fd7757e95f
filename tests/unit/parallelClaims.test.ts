/**
 * Parallel claims (client/src/graph/bundles.ts): links of one type between the same two nodes form one
 * bundle whichever way they point, are compared by figure, and share one label listing every figure.
 */
import { describe, expect, it } from 'vitest';
import {
  bundleCaption,
  bundleFigureNoun,
  bundleKey,
  groupParallel,
  sortClaims,
} from '../../client/src/graph/bundles.ts';

const EVENT = 'killing-of-jaysh-al-nasr-prisoners-near-khan-shaykhun';
const claim = (id: string, casualties: number | undefined, more: Record<string, unknown> = {}) => ({
  id,
  type: 'FOUGHT',
  source: 'jund-al-aqsa',
  target: EVENT,
  from: '2017-02-14',
  to: null,
  validFrom: '2017-02-14',
  validTo: '2017-02-14',
  ...(casualties === undefined ? {} : { casualties }),
  ...more,
});

const FIVE = [
  claim('ref-19-body', 80, { casualtiesBound: 'at least' }),
  claim('ref-19-title', 160, { casualtiesBound: 'up to', qualifier: 'reported' }),
  claim('ref-20', 70, { claimedBy: 'Moussa al-Omar' }),
  claim('ref-21', 70, { claimedBy: 'Moussa al-Omar' }),
  claim('ref-7', 197),
];

describe('grouping parallel links', () => {
  it('puts links of one type between the same two nodes in one bundle, whichever way they point', () => {
    const reverse = { id: 'r', type: 'FOUGHT', source: EVENT, target: 'jund-al-aqsa' };
    expect(bundleKey(FIVE[0]!)).toBe(bundleKey(reverse));
    const other = { id: 'p', type: 'PARTICIPATED_IN', source: 'jund-al-aqsa', target: EVENT };
    const elsewhere = { id: 'x', type: 'FOUGHT', source: 'jund-al-aqsa', target: 'jaysh-al-nasr' };
    const groups = groupParallel([FIVE[0]!, other, FIVE[1]!, elsewhere, reverse]);
    expect(groups.map((g) => g.map((e) => e.id))).toEqual([['ref-19-body', 'ref-19-title', 'r'], ['p'], ['x']]);
  });

  it('compares claims by figure, the unfigured last, ties by id', () => {
    const sorted = sortClaims([...FIVE, claim('no-figure', undefined)]);
    expect(sorted.map((c) => c.id)).toEqual(['ref-20', 'ref-21', 'ref-19-body', 'ref-19-title', 'ref-7', 'no-figure']);
  });
});

describe('the label of a bundle', () => {
  it('lists every figure with its bound, the number of claims and their shared date', () => {
    expect(bundleCaption(FIVE)).toBe('fought — 5 claims\n70 · 70 · 80+ · ≤160 · 197 casualties\non 14 February 2017');
  });

  it('says what the figures count: once when all count the same, never "casualties" for another count', () => {
    const captured = { casualtiesCounted: 'Jaysh al-Nasr fighters captured' };
    const same = [claim('a', 250, { ...captured, casualtiesBound: 'more than' }), claim('b', 300, captured)];
    expect(bundleCaption(same)).toBe(
      'fought — 2 claims\n>250 · 300 Jaysh al-Nasr fighters captured\non 14 February 2017',
    );
    // What counts as the same thing ignores case; a claim without a figure has nothing to count.
    expect(
      bundleCaption([
        ...same,
        claim('c', 280, { casualtiesCounted: 'jaysh al-nasr fighters captured' }),
        claim('d', undefined),
      ]),
    ).toContain('>250 · 280 · 300 Jaysh al-Nasr fighters captured');
    // Claims that count different things: no single noun claims to name them all.
    const differ = [claim('a', 250, captured), claim('b', 70, { casualtiesCounted: 'prisoners executed' })];
    expect(bundleCaption(differ)).toBe('fought — 2 claims\n70 · 250 (counted differently)\non 14 February 2017');
    expect(bundleCaption([claim('a', 250, captured), claim('b', 70)])).toContain('70 · 250 (counted differently)');
    expect(bundleFigureNoun(differ)).toBe('(counted differently)');
    expect(bundleFigureNoun(FIVE)).toBe('casualties');
  });

  it('labels one link with what its figure counts', () => {
    const murak = claim('murak', 250, {
      casualtiesBound: 'more than',
      casualtiesCounted: 'Jaysh al-Nasr fighters captured',
    });
    expect(bundleCaption([murak])).toBe('fought · more than 250 Jaysh al-Nasr fighters captured\non 14 February 2017');
  });

  it('leaves the date out when the claims disagree on it, and the figures when there are none', () => {
    const spells = [
      { id: 'a', type: 'MEMBER_OF', source: 'x', target: 'y', from: '2015', to: '2016' },
      { id: 'b', type: 'MEMBER_OF', source: 'x', target: 'y', from: '2018', to: null },
    ];
    expect(bundleCaption(spells)).toBe('member of — 2 claims');
  });

  it('labels a bundle of one like the link itself', () => {
    expect(bundleCaption([FIVE[1]!])).toBe('fought · up to 160 casualties\non 14 February 2017\nreportedly');
    expect(bundleCaption([])).toBe('');
  });
});
