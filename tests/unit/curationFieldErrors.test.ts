/**
 * Curation forms say what is wrong at the field (client/src/curation/fieldErrors.ts): each zod issue's
 * path, each whole-record rule's path and each server 400 detail's path maps to the form field that
 * shows it; what names no field of the form shows at the top; 409 EDIT_CONFLICT offers a reload.
 */
import { describe, expect, it } from 'vitest';
import { claimInput, nodeInput, sourceInput } from '../../contract/curation.ts';
import { ApiError } from '../../client/src/apiErrors.ts';
import {
  apiFieldErrors,
  checkRecord,
  fieldOf,
  formErrorsFor,
  problemFieldErrors,
} from '../../client/src/curation/fieldErrors.ts';
import { toRecord, toValues, type FieldSpec } from '../../client/src/curation/formParts.ts';
import { percent } from '../../client/src/curation/matchList.ts';

const claim = {
  type: 'MEMBER_OF',
  source: 'jaysh-al-nasr',
  target: 'fatah-halab',
  sources: ['enab-baladi'],
};
const labels = (id: string) => (id === 'abu-ahmad' ? 'Person' : 'Faction') as 'Person' | 'Faction';

describe('fieldOf', () => {
  it('names the first field of a record path, a request path or an import item path', () => {
    expect(fieldOf(['sources'])).toBe('sources');
    expect(fieldOf(['aliases', 2])).toBe('aliases');
    expect(fieldOf('claim.sources')).toBe('sources');
    expect(fieldOf('claim.sources[0]')).toBe('sources');
    expect(fieldOf('relationships[0].casualtiesBound')).toBe('casualtiesBound');
    expect(fieldOf('nodes[3].founded')).toBe('founded');
    expect(fieldOf('reason')).toBe('reason');
    // A claim's start is a field named "source": not a request wrapper.
    expect(fieldOf(['source'])).toBe('source');
    expect(fieldOf('claim.source')).toBe('source');
    expect(fieldOf([])).toBe('');
  });
});

describe('checkRecord', () => {
  it('puts a claim with no source at the sources field, before anything is sent', () => {
    const checked = checkRecord(claimInput, { ...claim, sources: [] }, 'claim', labels);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.errors.sources).toBe('must cite at least one source');
  });

  it('puts a bad partial date and a non-number figure at their fields', () => {
    const checked = checkRecord(claimInput, { ...claim, from: '2017-13', casualties: 'eighty' }, 'claim', labels);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(Object.keys(checked.errors).sort()).toEqual(['casualties', 'from']);
      expect(checked.errors.from).toMatch(/date/i);
    }
  });

  it("applies the import's whole-record rules: a bound needs its figure, an end not before its start", () => {
    const bound = checkRecord(claimInput, { ...claim, casualtiesBound: 'at least' }, 'claim', labels);
    expect(bound.ok).toBe(false);
    if (!bound.ok) expect(bound.errors.casualtiesBound).toMatch(/casualties is not given/);
    const order = checkRecord(claimInput, { ...claim, from: '2017-02', to: '2016' }, 'claim', labels);
    expect(order.ok).toBe(false);
    if (!order.ok) expect(order.errors.to).toMatch(/before it starts/);
  });

  it("checks the ends' labels against the type, and leaves ends it does not know to the server", () => {
    const wrong = checkRecord(claimInput, { ...claim, type: 'LED_BY', target: 'fatah-halab' }, 'claim', labels);
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.errors.type).toBe('LED_BY cannot join Faction to Faction');
    const unknownEnd = checkRecord(claimInput, claim, 'claim', () => undefined);
    expect(unknownEnd.ok).toBe(true);
  });

  it("says a field left empty is required, not zod's raw words or an enum's list of values", () => {
    const checked = checkRecord(claimInput, { type: '', source: 'jaysh-al-nasr', sources: ['s1'] }, 'claim', labels);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.errors.type).toBe('Required: choose a type.');
      expect(checked.errors.target).toBe('Required: choose the node the claim is about.');
      expect(Object.values(checked.errors).join(' ')).not.toMatch(/Invalid|undefined|expected/);
    }
    const node = checkRecord(nodeInput, { label: 'Faction', name: '  ', sources: ['s1'] }, 'node');
    if (!node.ok) expect(node.errors.name).toBe('Required: give a name.');
    expect(node.ok).toBe(false);
    // A value given but wrong keeps its own message.
    const wrong = checkRecord(claimInput, { ...claim, type: 'LIKES' }, 'claim', labels);
    if (!wrong.ok) expect(wrong.errors.type).toMatch(/MEMBER_OF/);
    expect(wrong.ok).toBe(false);
    // A server's 400 detail saying nothing was given reads the same.
    expect(
      problemFieldErrors([{ path: 'claim.target', message: 'Invalid input: expected string, received undefined' }]),
    ).toEqual({ target: 'Required: choose the node the claim is about.' });
  });

  it('passes a good record through parsed (defaults filled)', () => {
    const checked = checkRecord(nodeInput, { label: 'Faction', name: 'Jaysh al-Nasr', sources: ['s1'] }, 'node');
    expect(checked).toEqual({
      ok: true,
      value: { label: 'Faction', name: 'Jaysh al-Nasr', aliases: [], sources: ['s1'] },
    });
  });

  it("puts a source's bad link and bad reliability at their fields", () => {
    const checked = checkRecord(
      sourceInput,
      { name: 'x', title: null, url: 'javascript:alert(1)', reliability: 'G' },
      'source',
    );
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.errors.url).toBe('must be an http:// or https:// URL');
      expect(checked.errors.reliability).toBeDefined();
    }
  });
});

describe('errors from the server', () => {
  it("maps a 400's details to fields, the first problem of a field kept", () => {
    const error = new ApiError(400, 'BAD_REQUEST', 'claim.sources: must cite at least one source', {
      details: [
        { path: 'claim.sources', message: 'must cite at least one source' },
        { path: 'claim.sources[0]', message: 'unknown source "x"' },
        { path: 'claim.to', message: 'ends before it starts' },
      ],
    });
    const { errors, conflict } = apiFieldErrors(error);
    expect(conflict).toBe(false);
    expect(errors).toEqual({ sources: 'must cite at least one source', to: 'ends before it starts' });
  });

  it('says a 409 EDIT_CONFLICT at the top and offers a reload', () => {
    const { errors, conflict } = apiFieldErrors(new ApiError(409, 'EDIT_CONFLICT', 'changed'));
    expect(conflict).toBe(true);
    expect(errors['']).toMatch(/Someone changed this/);
  });

  it("puts a 404 or a 403 (a viewer) at the top with the server's words", () => {
    expect(apiFieldErrors(new ApiError(404, 'NOT_FOUND', 'No relationship "x"')).errors).toEqual({
      '': 'No relationship "x"',
    });
    expect(apiFieldErrors(new ApiError(403, 'FORBIDDEN', 'analysts only')).errors['']).toBe(
      'Not allowed: analysts only',
    );
  });

  it('shows at the top what names no field of the form', () => {
    const errors = problemFieldErrors([
      { path: 'claim', message: 'Unrecognized key: "x"' },
      { path: 'claim.role', message: 'too long' },
    ]);
    expect(formErrorsFor(errors, ['role', 'sources'])).toEqual({
      role: 'too long',
      '': 'claim: Unrecognized key: "x"',
    });
  });
});

describe('form texts to records', () => {
  const specs: FieldSpec[] = [
    { name: 'name', label: 'Name', kind: 'text' },
    { name: 'aliases', label: 'Other names', kind: 'lines' },
    { name: 'casualties', label: 'Casualties', kind: 'int' },
    { name: 'credibility', label: 'Credibility', kind: 'numberSelect' },
    { name: 'role', label: 'Role', kind: 'text' },
  ];

  it('trims, leaves empty fields out, splits lists by line and reads numbers', () => {
    const values = {
      name: ' Army of Victory ',
      aliases: 'Jaysh al-Nasr\n\n  جيش النصر \n',
      casualties: '80',
      credibility: '2',
      role: '  ',
    };
    expect(toRecord(specs, values)).toEqual({
      name: 'Army of Victory',
      aliases: ['Jaysh al-Nasr', 'جيش النصر'],
      casualties: 80,
      credibility: 2,
    });
    // Not a whole number: kept as text, so the schema says what is wrong at the field.
    expect(toRecord(specs, { casualties: '8.5' }).casualties).toBe('8.5');
  });

  it('fills the fields from a held record', () => {
    expect(toValues(specs, { name: 'x', aliases: ['a', 'b'], casualties: 3, role: null })).toEqual({
      name: 'x',
      aliases: 'a\nb',
      casualties: '3',
    });
  });

  it('shows a score as a whole percentage', () => {
    expect(percent(0.873)).toBe('87%');
    expect(percent(1)).toBe('100%');
  });
});
