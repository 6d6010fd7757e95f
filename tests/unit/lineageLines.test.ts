/**
 * The lineage list's lines (client/src/panels/lineage.ts): a membership that ended when its member
 * merged (`absorbed`) is said in that merger's line, not repeated on a line of its own; without its
 * merger in the list it keeps its own line.
 */
import { describe, expect, it } from 'vitest';
import { lineageLines } from '../../client/src/panels/lineage.ts';

const ev = (kind: 'merged' | 'absorbed' | 'joined', node: string, date: string, edge: string) => ({
  kind,
  node,
  date,
  edge,
});

describe('lineage lines', () => {
  it('folds an absorbed membership into the merger of the same member at the same time', () => {
    const merged = ev('merged', '111th', '2015-10', '111th-merged');
    const absorbed = ev('absorbed', '111th', '2015-10-28', '111th-in-room');
    const other = ev('merged', 'falcons', '2015-10', 'falcons-merged');
    const lines = lineageLines([merged, absorbed, other]);
    expect(lines).toEqual([
      { ev: merged, ended: [absorbed] },
      { ev: other, ended: [] },
    ]);
  });

  it('keeps an absorbed membership on its own line when its merger is not listed, or is of another time', () => {
    const absorbed = ev('absorbed', '111th', '2015-10', '111th-in-room');
    const later = ev('merged', '111th', '2016-03', '111th-merged');
    expect(lineageLines([absorbed, later]).map((l) => l.ev)).toEqual([absorbed, later]);
    expect(lineageLines([absorbed])).toEqual([{ ev: absorbed, ended: [] }]);
  });
});
