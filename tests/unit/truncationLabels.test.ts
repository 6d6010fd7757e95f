/**
 * "N more" on an expanded node (client/src/graph/scene.ts truncationLabels): said once per node, by its
 * deepest truncated expansion, never "3 more, 3 more".
 */
import { describe, expect, it } from 'vitest';
import type { Truncation } from '../../client/src/graph/loader.ts';
import { truncationLabels } from '../../client/src/graph/scene.ts';

const truncation = (id: string, depth: number, more: number, overflow = false): Truncation => ({
  expansion: { id, depth, direction: 'both', types: null, limit: 25 },
  more,
  overflow,
});

describe('truncationLabels', () => {
  it('says a node expanded one step and then two "N more" once, with the deeper count', () => {
    const labels = truncationLabels([truncation('hub', 1, 3), truncation('hub', 2, 40)]);
    expect(labels.get('hub')).toBe('40 more');
    expect(truncationLabels([truncation('hub', 2, 40), truncation('hub', 1, 3)]).get('hub')).toBe('40 more');
  });

  it('says the same truncation twice as once, and marks an overflow with +', () => {
    expect(truncationLabels([truncation('hub', 1, 3), truncation('hub', 1, 3)]).get('hub')).toBe('3 more');
    expect(truncationLabels([truncation('a', 1, 0, true)]).get('a')).toBe('0+ more');
  });

  it('keeps each node its own count', () => {
    const labels = truncationLabels([truncation('a', 1, 2), truncation('b', 1, 5)]);
    expect([...labels]).toEqual([
      ['a', '2 more'],
      ['b', '5 more'],
    ]);
  });
});
