/**
 * The console's parameters (client/src/console/params.ts): the JSON editor checked before sending,
 * and a named query's form turned into typed values; and the session's history of queries.
 */
import { describe, expect, it } from 'vitest';
import type { NamedQueryParam } from '../../contract/console.ts';
import { HISTORY_LIMIT, QueryHistory } from '../../client/src/console/history.ts';
import { formParams, initialField, paramNames, parseParams } from '../../client/src/console/params.ts';

describe('parseParams', () => {
  it('takes an empty editor as no parameters and a JSON object as they are', () => {
    expect(parseParams('  ')).toEqual({ ok: true, params: {} });
    expect(parseParams('{"id": "jaysh-al-nasr", "depth": 2}')).toEqual({
      ok: true,
      params: { id: 'jaysh-al-nasr', depth: 2 },
    });
  });

  it('refuses text that is not JSON, saying so', () => {
    const check = parseParams('{id: 1}');
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toMatch(/^Parameters are not valid JSON: /);
  });

  it('refuses JSON that is not an object', () => {
    for (const text of ['[1]', '"id"', '3', 'null']) expect(parseParams(text).ok, text).toBe(false);
  });

  it('names the parameters written so far, none while the JSON is broken', () => {
    expect(paramNames('{"a": 1, "b": 2}')).toEqual(['a', 'b']);
    expect(paramNames('{"a": ')).toEqual([]);
  });
});

const param = (
  name: string,
  type: NamedQueryParam['type'],
  dflt: unknown = null,
  required = false,
): NamedQueryParam => ({
  name,
  type,
  required,
  default: dflt,
  description: '',
});

describe('formParams', () => {
  const params = [
    param('faction', 'id', 'jaysh-al-nasr'),
    param('depth', 'integer', 3),
    param('asOf', 'date'),
    param('all', 'boolean', false),
  ];

  it('starts from the defaults, typed', () => {
    expect(params.map(initialField)).toEqual(['jaysh-al-nasr', '3', '', false]);
    expect(formParams(params, {})).toEqual({ faction: 'jaysh-al-nasr', depth: 3, all: false });
  });

  it('sends numbers as numbers, checkboxes as booleans, and leaves empty fields out', () => {
    expect(formParams(params, { faction: ' sham-legion ', depth: '2', asOf: '2018-06-01', all: true })).toEqual({
      faction: 'sham-legion',
      depth: 2,
      asOf: '2018-06-01',
      all: true,
    });
    expect(formParams(params, { depth: '' })).toEqual({ faction: 'jaysh-al-nasr', all: false });
  });

  it('sends text that is no number as it is, for the server to refuse by name', () => {
    expect(formParams(params, { depth: 'two' }).depth).toBe('two');
  });
});

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
}

describe('QueryHistory', () => {
  const entry = (query: string, at = '2026-01-01T00:00:00Z') => ({ query, params: '', at, outcome: '1 row' });

  it('keeps the newest first, and moves a query run again to the top instead of repeating it', () => {
    const history = new QueryHistory(memoryStorage());
    history.add(entry('RETURN 1'));
    history.add(entry('RETURN 2'));
    const entries = history.add(entry('RETURN 1', '2026-01-02T00:00:00Z'));
    expect(entries.map((e) => e.query)).toEqual(['RETURN 1', 'RETURN 2']);
    expect(history.entries()).toEqual(entries);
  });

  it(`keeps at most ${HISTORY_LIMIT} queries`, () => {
    const history = new QueryHistory(memoryStorage());
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) history.add(entry(`RETURN ${i}`));
    expect(history.entries()).toHaveLength(HISTORY_LIMIT);
    expect(history.entries()[0]!.query).toBe(`RETURN ${HISTORY_LIMIT + 4}`);
  });

  it('starts empty when what is stored is damaged', () => {
    const storage = memoryStorage();
    storage.setItem('faction-atlas.console-history', '{not json');
    expect(new QueryHistory(storage).entries()).toEqual([]);
  });
});
