/**
 * View files (client/src/graph/viewFile.ts) exported before valid time was stored still open: their
 * edges get validFrom/validTo derived from the dates they state.
 */
import { describe, expect, it } from 'vitest';
import { parseViewFile, VIEW_FORMAT } from '../../client/src/graph/viewFile.ts';

const oldFile = {
  format: VIEW_FORMAT,
  version: 1,
  view: '',
  nodes: [{ data: { id: 'a', label: 'Faction', name: 'A' } }, { data: { id: 'b', label: 'Faction', name: 'B' } }],
  edges: [
    { data: { id: 'a-b', source: 'a', target: 'b', type: 'MEMBER_OF', from: '2015-10', to: null, sources: ['s'] } },
  ],
};

describe('view files from before valid time', () => {
  it('open, with each edge valid from its stated dates', () => {
    const file = parseViewFile(JSON.stringify(oldFile));
    expect(file.edges[0]?.data).toMatchObject({ validFrom: '2015-10-01', validTo: '9999-12-31' });
  });

  it('keep stored valid time when they have it', () => {
    const edge = { data: { ...oldFile.edges[0]!.data, validFrom: '2016-01-01', validTo: '2016-12-31' } };
    const file = parseViewFile(JSON.stringify({ ...oldFile, edges: [edge] }));
    expect(file.edges[0]?.data).toMatchObject({ validFrom: '2016-01-01', validTo: '2016-12-31' });
  });
});
