/**
 * The import format (contract/importFile.ts): the schema's structural rules and checkImportFile's
 * whole-file rules, each problem named by the item and the field an analyst has to fix.
 */
import { describe, expect, it } from 'vitest';
import {
  checkImportFile,
  describeZodIssues,
  importFile,
  type ImportFile,
  type KnownIds,
} from '../../contract/importFile.ts';

const nothingKnown: KnownIds = { labelOf: () => undefined };

/** A small valid file: two factions, a leader, one source, and how they are linked. */
function smallFile(): ImportFile {
  return importFile.parse({
    sources: [{ id: 'src-a', name: '[A] A report', title: 'A report', date: '2016-03' }],
    nodes: [
      { label: 'Faction', id: 'north-brigade', name: 'North Brigade', kind: 'armed group', sources: ['src-a'] },
      { label: 'Faction', id: 'south-front', name: 'South Front', kind: 'coalition', sources: ['src-a'] },
      { label: 'Person', id: 'abu-test', name: 'Abu Test', sources: ['src-a'] },
    ],
    relationships: [
      {
        id: 'north-into-south',
        type: 'MERGED_INTO',
        source: 'north-brigade',
        target: 'south-front',
        from: '2016-03',
        sources: ['src-a'],
      },
      { id: 'south-led-by-abu', type: 'LED_BY', source: 'south-front', target: 'abu-test', sources: ['src-a'] },
    ],
  });
}

function zodProblems(input: unknown) {
  const result = importFile.safeParse(input);
  return result.success ? [] : describeZodIssues(result.error);
}

describe('import file schema', () => {
  it('accepts a valid file and fills in empty lists', () => {
    expect(smallFile().nodes[0]?.aliases).toEqual([]);
    expect(importFile.parse({})).toEqual({ sources: [], nodes: [], relationships: [] });
  });

  it('names the item and field of a bad date', () => {
    const file = { ...smallFile(), relationships: [{ ...smallFile().relationships[0], from: '2016-02-30' }] };
    expect(zodProblems(file)).toContainEqual({ path: 'relationships[0].from', message: expect.stringMatching(/YYYY/) });
  });

  it('names an unknown relationship type and an unknown label', () => {
    const file = smallFile() as unknown as { nodes: object[]; relationships: object[] };
    file.nodes[1] = { ...file.nodes[1], label: 'Militia' };
    file.relationships[1] = { ...file.relationships[1], type: 'ALLIED_WITH' };
    const paths = zodProblems(file).map((p) => p.path);
    expect(paths).toContain('relationships[1].type');
    expect(paths.some((p) => p.startsWith('nodes[1]'))).toBe(true);
  });

  it('refuses ids that are not slugs, fields it does not know, and items without a source', () => {
    const file = smallFile() as unknown as { nodes: Array<Record<string, unknown>> };
    file.nodes[0] = { ...file.nodes[0], id: 'North Brigade' };
    file.nodes[1] = { ...file.nodes[1], colour: 'red' };
    file.nodes[2] = { ...file.nodes[2], sources: [] };
    const paths = zodProblems(file).map((p) => p.path);
    expect(paths).toContain('nodes[0].id');
    expect(paths).toContain('nodes[1]');
    expect(paths).toContain('nodes[2].sources');
  });
});

describe('checkImportFile', () => {
  it('finds no problem in a consistent file', () => {
    expect(checkImportFile(smallFile(), nothingKnown)).toEqual([]);
  });

  it('names duplicate ids across sources and nodes, and among relationships', () => {
    const file = smallFile();
    file.nodes[2] = { ...file.nodes[2]!, id: 'src-a' } as ImportFile['nodes'][number];
    file.relationships[1] = { ...file.relationships[1]!, id: 'north-into-south' };
    const problems = checkImportFile(file, nothingKnown);
    expect(problems).toContainEqual({ path: 'nodes[2].id', message: 'duplicate id "src-a"' });
    expect(problems).toContainEqual({ path: 'relationships[1].id', message: 'duplicate id "north-into-south"' });
  });

  it('names a citation of a source that exists nowhere, and a node cited as a source', () => {
    const file = smallFile();
    file.nodes[0]!.sources = ['src-a', 'src-missing'];
    file.relationships[0]!.sources = ['abu-test'];
    const problems = checkImportFile(file, nothingKnown);
    expect(problems).toContainEqual({ path: 'nodes[0].sources[1]', message: 'unknown source "src-missing"' });
    expect(problems).toContainEqual({ path: 'relationships[0].sources[0]', message: 'unknown source "abu-test"' });
  });

  it('names a relationship to a node that exists nowhere, or to a source', () => {
    const file = smallFile();
    file.relationships[0]!.target = 'ghost-faction';
    file.relationships[1]!.source = 'src-a';
    const problems = checkImportFile(file, nothingKnown);
    expect(problems).toContainEqual({ path: 'relationships[0].target', message: 'unknown node "ghost-faction"' });
    expect(problems).toContainEqual({ path: 'relationships[1].source', message: 'unknown node "src-a"' });
  });

  it('refuses endpoints the type does not allow: a person cannot merge into a faction', () => {
    const file = smallFile();
    file.relationships[0]!.source = 'abu-test';
    expect(checkImportFile(file, nothingKnown)).toEqual([
      { path: 'relationships[0].type', message: 'MERGED_INTO cannot join Person to Faction' },
    ]);
  });

  it('lets a file link to what the database already holds, with the labels it holds them under', () => {
    const file = smallFile();
    file.relationships.push({
      id: 'north-into-jan',
      type: 'MERGED_INTO',
      source: 'north-brigade',
      target: 'jaysh-al-nasr',
      sources: ['ref-1'],
    });
    const database: KnownIds = {
      labelOf: (id) => (({ 'jaysh-al-nasr': 'Faction', 'ref-1': 'Source', 'muhammad-mansour': 'Person' }) as const)[id],
    };
    expect(checkImportFile(file, database)).toEqual([]);
    file.relationships.push({
      id: 'mansour-into-north',
      type: 'MERGED_INTO',
      source: 'muhammad-mansour',
      target: 'north-brigade',
      sources: ['ref-1'],
    });
    expect(checkImportFile(file, database)).toEqual([
      { path: 'relationships[3].type', message: 'MERGED_INTO cannot join Person to Faction' },
    ]);
  });

  it('refuses an interval that ends before it starts, but not one that ends inside the period it starts in', () => {
    const file = smallFile();
    file.relationships[0] = { ...file.relationships[0]!, from: '2016-03', to: '2015-12' };
    expect(checkImportFile(file, nothingKnown)).toEqual([
      { path: 'relationships[0].to', message: 'ends (2015-12) before it starts (2016-03)' },
    ]);
    file.relationships[0] = { ...file.relationships[0]!, from: '2016-03-15', to: '2016-03' };
    expect(checkImportFile(file, nothingKnown)).toEqual([]);
  });
});

describe('dates in order, qualifiers with their dates, attributions with their hedge', () => {
  const withNode = (i: number, patch: object) => {
    const file = smallFile();
    file.nodes[i] = { ...file.nodes[i], ...patch } as ImportFile['nodes'][number];
    return checkImportFile(file, nothingKnown);
  };
  const withRelationship = (patch: object) => {
    const file = smallFile();
    file.relationships[0] = { ...file.relationships[0], ...patch } as ImportFile['relationships'][number];
    return checkImportFile(file, nothingKnown);
  };

  it('refuses a faction dissolved before it was founded, and an event that ends before it starts', () => {
    expect(withNode(0, { founded: '2017', dissolved: '2015' })).toContainEqual({
      path: 'nodes[0].dissolved',
      message: 'ends (2015) before it starts (2017)',
    });
    const file = smallFile();
    file.nodes.push({
      label: 'Event',
      id: 'a-battle',
      name: 'A battle',
      kind: 'battle',
      aliases: [],
      date: '2017-05',
      endDate: '2017-01',
      sources: ['src-a'],
    });
    expect(checkImportFile(file, nothingKnown).map((p) => p.path)).toContain('nodes[3].endDate');
    // A month and a day inside it are in order either way round.
    expect(withNode(0, { founded: '2017-05-03', dissolved: '2017-05' })).toEqual([]);
  });

  it('refuses a qualifier whose date is not given, on relationships and on nodes', () => {
    expect(withRelationship({ to: undefined, toQualifier: 'by' })).toContainEqual({
      path: 'relationships[0].toQualifier',
      message: 'qualifies to, but to is not given',
    });
    expect(withNode(0, { foundedQualifier: 'by' }).map((p) => p.path)).toEqual(['nodes[0].foundedQualifier']);
  });

  it('refuses a claimant without saying how the source hedges the claim', () => {
    expect(withRelationship({ claimedBy: 'Moussa al-Omar' }).map((p) => p.path)).toEqual([
      'relationships[0].claimedBy',
    ]);
    expect(withRelationship({ claimedBy: 'Moussa al-Omar', qualifier: 'claimed' })).toEqual([]);
  });
});
