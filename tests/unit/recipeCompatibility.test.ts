/**
 * Investigations saved before issue 12 have recipes without "as known on" or the grade filter: they
 * still open, drawn as known now with every grade shown, and a recipe that has them keeps them.
 */
import { describe, expect, it } from 'vitest';
import { emptyRecipe, viewRecipe } from '../../contract/investigation.ts';

const { knownOn: _k, minReliability: _r, minCredibility: _c, ...before } = emptyRecipe();

describe('view recipes from before transaction time and grades', () => {
  it('parse, as known now with no grade filter', () => {
    expect(viewRecipe.parse(before)).toMatchObject({ knownOn: null, minReliability: null, minCredibility: null });
  });

  it('keep the day, the instant and the grades they were saved with', () => {
    const saved = { ...before, knownOn: '2026-11-30', minReliability: 'C', minCredibility: 3 };
    expect(viewRecipe.parse(saved)).toMatchObject({ knownOn: '2026-11-30', minReliability: 'C', minCredibility: 3 });
    const instant = { ...saved, knownOn: '2026-11-30T10:15:00.000Z' };
    expect(viewRecipe.parse(instant).knownOn).toBe('2026-11-30T10:15:00.000Z');
  });

  it('refuse a grade outside the scales', () => {
    expect(viewRecipe.safeParse({ ...before, minReliability: 'G' }).success).toBe(false);
    expect(viewRecipe.safeParse({ ...before, minCredibility: 7 }).success).toBe(false);
  });
});
