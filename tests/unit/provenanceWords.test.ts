/**
 * "How did this get here?" in words (client/src/panels/provenanceWords.ts): every kind of provenance
 * step said as an analyst reads it, with its time as "30 Nov 2026 10:42", and which can be replayed.
 */
import { describe, expect, it } from 'vitest';
import type { ProvenanceStep } from '../../contract/investigation.ts';
import { describeStep, firstLine, replayable, stepLine, stepWhen } from '../../client/src/panels/provenanceWords.ts';

const AT = '2026-11-30T10:42:17.000Z';
const names: Record<string, string> = { 'jaysh-al-nasr': 'Jaysh al-Nasr', 'jabhat-al-nusra': 'Jabhat al-Nusra' };
const nameOf = (id: string) => names[id] ?? id;
const step = (s: Record<string, unknown>) => ({ id: 'step-1', at: AT, ...s }) as ProvenanceStep;

describe('provenance steps in words', () => {
  it('says an expansion with its node, depth, link types and direction', () => {
    const expansion = { id: 'jaysh-al-nasr', depth: 1, direction: 'both', types: null, limit: 25 };
    expect(stepLine(step({ kind: 'expansion', expansion }), nameOf, 'UTC')).toBe(
      'Expanded the neighbourhood of Jaysh al-Nasr (depth 1, all links), 30 Nov 2026 10:42',
    );
    const typed = { ...expansion, depth: 2, direction: 'out', types: ['MEMBER_OF', 'MERGED_INTO'] };
    expect(describeStep(step({ kind: 'expansion', expansion: typed }), nameOf)).toBe(
      'Expanded the neighbourhood of Jaysh al-Nasr (depth 2, member of, merged into, outgoing)',
    );
  });

  it('says searches, paths, lineages, queries, files and links', () => {
    expect(describeStep(step({ kind: 'search', text: 'nusra', node: 'jabhat-al-nusra' }), nameOf)).toBe(
      "Searched 'nusra'",
    );
    // A node added from a list carries its id as the text: said as added, by name.
    expect(describeStep(step({ kind: 'search', text: 'jabhat-al-nusra', node: 'jabhat-al-nusra' }), nameOf)).toBe(
      'Added Jabhat al-Nusra',
    );
    const path = { from: 'jaysh-al-nasr', to: 'jabhat-al-nusra', maxLength: 4 };
    expect(describeStep(step({ kind: 'path', path }), nameOf)).toBe(
      'Shortest paths from Jaysh al-Nasr to Jabhat al-Nusra',
    );
    expect(describeStep(step({ kind: 'lineage', node: 'jaysh-al-nasr' }), nameOf)).toBe('Lineage of Jaysh al-Nasr');
    expect(
      describeStep(step({ kind: 'query', text: '  MATCH (n:Faction)\nRETURN n LIMIT 5', params: {} }), nameOf),
    ).toBe('Console query: MATCH (n:Faction)');
    expect(describeStep(step({ kind: 'file', name: 'x.json' }), nameOf)).toBe('Drawn from file x.json');
    expect(describeStep(step({ kind: 'link', url: '/?n=a' }), nameOf)).toBe('Opened from a shared link');
    // A node the view no longer knows is named by its id.
    expect(describeStep(step({ kind: 'lineage', node: 'gone' }), nameOf)).toBe('Lineage of gone');
  });

  it('cuts a long first line of a query, and says times in the time zone given', () => {
    expect(firstLine(`MATCH ${'x'.repeat(200)}`, 20)).toBe(`MATCH ${'x'.repeat(13)}…`);
    expect(stepWhen('2026-01-05T23:59:00Z', 'UTC')).toBe('5 Jan 2026 23:59');
    expect(stepWhen('2026-01-05T23:59:00Z', 'Asia/Damascus')).toBe('6 Jan 2026 02:59');
    expect(stepWhen('not a time')).toBe('not a time');
  });

  it('replays every step but a file', () => {
    expect(replayable(step({ kind: 'file', name: 'x.json' }))).toBe(false);
    expect(replayable(step({ kind: 'lineage', node: 'a' }))).toBe(true);
  });
});
