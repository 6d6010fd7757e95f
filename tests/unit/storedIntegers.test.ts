/**
 * Integers as stored values (server/db/database.ts withIntegers): the driver sends every JavaScript
 * number as a FLOAT, so the one driver module turns integer-valued numbers, also inside lists and maps,
 * into Neo4j Integers before they are stored, and leaves everything else as it is.
 */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { withIntegers } from '../../server/db/database.ts';

describe('withIntegers', () => {
  it('makes integer-valued numbers Neo4j Integers, in lists and maps too', () => {
    const out = withIntegers({ number: 7, casualties: [80, 160], nested: { count: 0 } }) as {
      number: unknown;
      casualties: unknown[];
      nested: { count: unknown };
    };
    expect(neo4j.isInt(out.number)).toBe(true);
    expect(String(out.number)).toBe('7');
    expect(out.casualties.every((n) => neo4j.isInt(n))).toBe(true);
    expect(out.casualties.map(String)).toEqual(['80', '160']);
    expect(neo4j.isInt(out.nested.count)).toBe(true);
  });

  it('leaves fractions, integers beyond 2^53, strings, booleans and nulls as they are', () => {
    const big = 2 ** 60;
    expect(withIntegers({ share: 0.5, big, name: '7', flag: true, none: null, list: [1.5, 'x'] })).toEqual({
      share: 0.5,
      big,
      name: '7',
      flag: true,
      none: null,
      list: [1.5, 'x'],
    });
  });

  it('returns a copy, leaving its input untouched', () => {
    const input = { number: 7, list: [1] };
    withIntegers(input);
    expect(input).toEqual({ number: 7, list: [1] });
  });
});
