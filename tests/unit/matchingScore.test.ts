/**
 * The duplicate matcher's scoring (server/services/matching.ts), without a database: names compared
 * through search's folding, the Dice coefficient of their words, and shared neighbours weighing a
 * quarter of the score when given.
 */
import { describe, expect, it } from 'vitest';
import { nameSimilarity, sameWord, scoreCandidate } from '../../server/services/matching.ts';

const held = {
  id: 'jaysh-al-nasr',
  label: 'Faction' as const,
  name: 'Jaysh al-Nasr',
  aliases: ['Army of Victory', 'جيش النصر'],
  shared: [] as string[],
};

describe('name similarity', () => {
  it('is 1 for names that fold alike, whatever the spelling of the article or the case', () => {
    expect(nameSimilarity('Jaysh al-Nasr', 'jaysh an-nasr')).toBe(1);
    expect(nameSimilarity('JayshAlNasr', 'Jaysh al Nasr')).toBe(1);
    expect(nameSimilarity('army of victory', 'Army of Victory')).toBe(1);
  });
  it('is the Dice coefficient of the folded words otherwise, function words ("of") left out', () => {
    expect(nameSimilarity('Army of Conquest', 'Army of Victory')).toBeCloseTo(0.5);
    expect(nameSimilarity('Army of Victory', 'Victory Army')).toBe(1);
    expect(nameSimilarity('Army of Victory', 'Syrian National Army')).toBeCloseTo(2 / 5);
    expect(nameSimilarity('Syrian National Army', 'Syrian Army')).toBeCloseTo(0.8);
    expect(nameSimilarity('Sham Legion', 'Faylaq al-Sham')).toBeCloseTo(0.5);
    expect(nameSimilarity('Army', '')).toBe(0);
  });
  it('counts long words within one edit as one word, short ones never', () => {
    expect(sameWord('victory', 'victori')).toBe(true);
    expect(sameWord('legion', 'legions')).toBe(true);
    expect(sameWord('sham', 'shah')).toBe(false);
    expect(nameSimilarity('Army of Victori', 'Army of Victory')).toBe(1);
  });
});

describe('a candidate’s score and reasons', () => {
  it('is the best name similarity alone when no neighbours are given, with the alias it met in words', () => {
    const m = scoreCandidate({ name: 'Army of Victory', aliases: [], neighbours: [] }, held);
    expect(m?.score).toBe(1);
    expect(m?.reasons[0]).toBe('alias “Army of Victory” equals the name given (as search folds names)');
  });
  it('weighs the name 0.75 and the shared neighbours 0.25 when neighbours are given', () => {
    const m = scoreCandidate(
      { name: 'Army of Victory', aliases: [], neighbours: ['a', 'b', 'c', 'd'] },
      { ...held, shared: ['a', 'b'] },
    );
    expect(m?.score).toBeCloseTo(0.75 + 0.25 * 0.5);
    expect(m?.reasons[1]).toBe('linked to 2 of the 4 given neighbours (a, b)');
  });
  it('lists a node by another name when it shares at least two and half of the given neighbours', () => {
    const other = { ...held, name: 'Qalaat Brigade', aliases: [] };
    expect(scoreCandidate({ name: 'Army of Victory', aliases: [], neighbours: ['a', 'b'] }, other)).toBeNull();
    const m = scoreCandidate(
      { name: 'Army of Victory', aliases: [], neighbours: ['a', 'b'] },
      { ...other, shared: ['a', 'b'] },
    );
    expect(m?.score).toBeCloseTo(0.25);
  });
  it('leaves out a node whose name is too far from every given name', () => {
    expect(scoreCandidate({ name: 'Syrian National Army', aliases: [], neighbours: [] }, held)).toBeNull();
  });
});
