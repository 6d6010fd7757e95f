/**
 * What the console's editor offers where (client/src/console/completion.ts): labels in node
 * patterns, relationship types in relationship patterns, property keys after a dot or as a pattern
 * map's key, parameters after $, keywords elsewhere, nothing inside strings or comments.
 */
import { describe, expect, it } from 'vitest';
import { completionSpot } from '../../client/src/console/completion.ts';

const kindAt = (before: string) => completionSpot(before)?.kind ?? null;

describe('completionSpot', () => {
  it('offers labels after a colon in a node pattern or a WHERE', () => {
    expect(completionSpot('MATCH (f:Fac')).toEqual({ kind: 'label', from: 9, prefix: 'Fac' });
    expect(kindAt('MATCH (:')).toBe('label');
    expect(kindAt('MATCH (n) WHERE n:')).toBe('label');
    expect(kindAt('MATCH (n:Faction|Per')).toBe('label');
  });

  it('offers relationship types after a colon or a bar in a relationship pattern', () => {
    expect(completionSpot('MATCH (f)-[r:MER')).toEqual({ kind: 'type', from: 13, prefix: 'MER' });
    expect(kindAt('MATCH ()-[:')).toBe('type');
    expect(kindAt('MATCH ()-[r:MERGED_INTO|MEM')).toBe('type');
  });

  it('offers property keys after a variable and a dot, and as keys of a pattern map', () => {
    expect(completionSpot('RETURN f.na')).toEqual({ kind: 'property', from: 9, prefix: 'na' });
    expect(kindAt('MATCH (f:Faction {')).toBe('property');
    expect(kindAt("MATCH (f:Faction {id: 'x', na")).toBe('property');
    expect(kindAt('MATCH ()-[r {fr')).toBe('property');
  });

  it('offers no label where a map value goes, and no property after a number', () => {
    expect(kindAt('MATCH (f {id: ')).toBeNull();
    expect(kindAt('RETURN 1.')).toBeNull();
  });

  it('offers parameters after a dollar sign', () => {
    expect(completionSpot('MATCH (f {id: $fa')).toEqual({ kind: 'parameter', from: 15, prefix: 'fa' });
  });

  it('offers keywords for a word elsewhere, nothing for no word', () => {
    expect(completionSpot('MATCH (f) RET')).toEqual({ kind: 'keyword', from: 10, prefix: 'RET' });
    expect(kindAt('MATCH (f) ')).toBeNull();
    expect(kindAt('CALL { MAT')).toBe('keyword');
  });

  it('offers nothing inside strings, quoted names and comments', () => {
    expect(kindAt("MATCH (f {name: 'Jaysh al-")).toBeNull();
    expect(kindAt('MATCH (f {name: "a.b')).toBeNull();
    expect(kindAt('// f.na')).toBeNull();
    expect(kindAt('/* (n: */ MATCH (n:')).toBe('label');
    expect(kindAt("MATCH (f {name: 'a)'})-[r:")).toBe('type');
  });

  it('offers no property after the name of a procedure', () => {
    expect(kindAt('CALL db.la')).toBeNull();
  });
});
