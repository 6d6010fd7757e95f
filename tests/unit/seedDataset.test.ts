import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { checkImportFile, describeZodIssues, importFile, type ImportFile } from '../../contract/importFile.ts';
import { holdsOn, intervalBounds } from '../../contract/validTime.ts';

const raw: unknown = JSON.parse(readFileSync(new URL('../../seed/jaysh-al-nasr.json', import.meta.url), 'utf8'));

function parsed(): ImportFile {
  const result = importFile.safeParse(raw);
  if (!result.success) throw new Error(JSON.stringify(describeZodIssues(result.error), null, 2));
  return result.data;
}

const KILLING_EVENT = 'killing-of-jaysh-al-nasr-prisoners-near-khan-shaykhun';

describe('seed dataset seed/jaysh-al-nasr.json', () => {
  it('parses with the import schema and has no import problems', () => {
    expect(importFile.safeParse(raw).success).toBe(true);
    expect(checkImportFile(parsed(), { labelOf: () => undefined })).toEqual([]);
  });

  it('uses ids that are unique across sources, nodes and relationships', () => {
    const file = parsed();
    const ids = [...file.sources, ...file.nodes, ...file.relationships].map((item) => item.id);
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(duplicates).toEqual([]);
  });

  it('has every node and relationship cite at least one source that exists', () => {
    const file = parsed();
    const sourceIds = new Set(file.sources.map((s) => s.id));
    for (const item of [...file.nodes, ...file.relationships]) {
      expect(item.sources.length, item.id).toBeGreaterThan(0);
      for (const cited of item.sources) expect(sourceIds.has(cited), `${item.id} cites ${cited}`).toBe(true);
    }
  });

  it('numbers reference sources ref-N, skips the empty ref 3 and keeps refs 9 and 10 without a title', () => {
    const file = parsed();
    const numbered = file.sources.filter((s) => s.number !== undefined);
    for (const s of numbered) expect(s.id).toBe(`ref-${s.number}`);
    expect(file.sources.some((s) => s.number === 3 || s.id === 'ref-3')).toBe(false);
    for (const n of [9, 10]) {
      const source = numbered.find((s) => s.number === n);
      expect(source, `ref-${n}`).toBeDefined();
      expect(source?.title).toBeNull();
      expect(source?.description).toMatch(/missing in this copy/);
    }
    expect(file.sources.some((s) => s.id === 'wikipedia-jaysh-al-nasr')).toBe(true);
  });

  it('finds Jaysh al-Nasr by its English and Arabic names', () => {
    const jan = parsed().nodes.find((n) => n.id === 'jaysh-al-nasr');
    expect(jan?.label).toBe('Faction');
    expect(jan?.aliases).toContain('Army of Victory');
    expect(jan?.aliases).toContain('جيش النصر');
  });

  it("ends the 111th Regiment's merger into Jaysh al-Nasr on 9 February 2018", () => {
    const merged = parsed().relationships.filter(
      (r) => r.type === 'MERGED_INTO' && r.source === '111th-regiment' && r.target === 'jaysh-al-nasr',
    );
    expect(merged).toHaveLength(1);
    const [rel] = merged;
    expect(rel?.from).toBe('2015-10');
    expect(rel?.to).toBe('2018-02-09');
    expect(rel && holdsOn(intervalBounds(rel.from, rel.to), '2018-02-09')).toBe(true);
    expect(rel && holdsOn(intervalBounds(rel.from, rel.to), '2018-02-10')).toBe(false);
    expect(rel?.sources).toContain('ref-23');
  });

  it('keeps each disagreeing toll of the February 2017 killings on its own relationship with its own source', () => {
    const tolls = parsed().relationships.filter(
      (r) => r.type === 'FOUGHT' && r.target === KILLING_EVENT && r.casualties !== undefined,
    );
    const expected: Array<[number, string]> = [
      [80, 'ref-19'],
      [160, 'ref-19'],
      [70, 'ref-20'],
      [70, 'ref-21'],
      [197, 'ref-7'],
    ];
    for (const [figure, source] of expected) {
      const claims = tolls.filter((r) => r.casualties === figure && r.sources.includes(source));
      expect(claims, `${figure} per ${source}`).toHaveLength(1);
      // one claim, one source: a relationship carrying a figure cites only the source that gives it
      expect(claims[0]?.sources, `${figure} per ${source}`).toEqual([source]);
      expect(claims[0]?.casualtiesCounted, `${figure} per ${source}`).toBeTruthy();
    }
    expect(new Set(tolls.map((r) => r.id)).size).toBe(tolls.length);
    expect(new Set(tolls.map((r) => r.casualties))).toEqual(new Set([80, 160, 70, 197]));
  });
});
