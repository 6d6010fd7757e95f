/**
 * Named-query headers (server/services/namedQueries.ts): every file in cypher/queries/ parses, a
 * broken header is refused naming the file and line, and request values are bound by declared type.
 */
import { describe, expect, it } from 'vitest';
import { bindParams, namedQueries, parseNamedQuery } from '../../server/services/namedQueries.ts';
import { AppError } from '../../server/errors.ts';

const HEADER = `// @title Who led a faction
// @description Everyone the sources name as leading it,
// with dates.
// @param faction: id -- The faction.
// @param limit: integer(1..10) = 5 -- How many.
// @param asOf: date? -- A day, or none.
MATCH (f:Faction {id: $faction})-[r:LED_BY]->(p) WHERE $asOf IS NULL OR r.from <= $asOf RETURN p LIMIT $limit`;

describe('named query headers', () => {
  it('parses every file in cypher/queries/', () => {
    const queries = namedQueries();
    expect(queries.length).toBeGreaterThanOrEqual(8);
    for (const q of queries) expect(q.cypher, q.name).toMatch(/RETURN/);
  });

  it('reads title, a continued description, and typed parameters with bounds, defaults and optionality', () => {
    const query = parseNamedQuery('leaders', HEADER);
    expect(query.title).toBe('Who led a faction');
    expect(query.description).toBe('Everyone the sources name as leading it, with dates.');
    expect(query.params).toEqual([
      { name: 'faction', type: 'id', required: true, default: null, description: 'The faction.' },
      { name: 'limit', type: 'integer', required: false, default: 5, description: 'How many.', min: 1, max: 10 },
      { name: 'asOf', type: 'date', required: false, default: null, description: 'A day, or none.' },
    ]);
    expect(query.cypher.startsWith('MATCH')).toBe(true);
  });

  it.each([
    ['no title', HEADER.replace('// @title Who led a faction\n', ''), /@title/],
    ['an unknown type', HEADER.replace('faction: id', 'faction: slug'), /line 4: unknown type "slug"/],
    ['a default of the wrong type', HEADER.replace('= 5', '= "five"'), /line 5: the default of limit/],
    ['a default out of bounds', HEADER.replace('= 5', '= 50'), /line 5: the default of limit/],
    ['a default that is not JSON', HEADER.replace('faction: id', 'faction: id = jaysh'), /not JSON/],
    [
      'a parameter the Cypher does not use',
      HEADER.replace('$asOf IS NULL OR r.from <= $asOf', 'true'),
      /asOf is declared but not used/,
    ],
  ])('refuses a header with %s, naming the file', (_what, text, why) => {
    expect(() => parseNamedQuery('leaders', text)).toThrow(/cypher\/queries\/leaders\.cypher/);
    expect(() => parseNamedQuery('leaders', text)).toThrow(why);
  });

  it('binds values: defaults filled, integers as Cypher integers, optional ones null', () => {
    const query = parseNamedQuery('leaders', HEADER);
    const bound = bindParams(query, { faction: 'jaysh-al-nasr' });
    expect(bound.faction).toBe('jaysh-al-nasr');
    expect(String(bound.limit)).toBe('5');
    expect(typeof bound.limit).toBe('object'); // a driver Integer, as LIMIT needs
    expect(bound.asOf).toBeNull();
  });

  it.each([
    ['a missing required parameter', {}, 'params.faction', /is required/],
    ['an ill-typed one', { faction: 'Jaysh al-Nasr' }, 'params.faction', /slug/],
    ['one out of bounds', { faction: 'x', limit: 11 }, 'params.limit', /10/],
    ['a day that does not exist', { faction: 'x', asOf: '2018-02-30' }, 'params.asOf', /YYYY-MM-DD/],
    ['an unknown one', { faction: 'x', leader: 'y' }, 'params', /leader/],
  ])('refuses %s with a 400 naming it', (_what, given, path, why) => {
    const query = parseNamedQuery('leaders', HEADER);
    try {
      bindParams(query, given);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      const e = error as AppError;
      expect(e.status).toBe(400);
      expect(e.details?.[0]?.path).toBe(path);
      expect(e.message).toMatch(why);
    }
  });
});
