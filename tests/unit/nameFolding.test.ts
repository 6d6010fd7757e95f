/**
 * Name folding (server/services/nameFolding.ts) and the Lucene query built from it
 * (server/services/search.ts): the spellings an analyst meets fold to the same words, and no input
 * can inject Lucene syntax.
 */
import { describe, expect, it } from 'vitest';
import { foldWords, searchKeys } from '../../server/services/nameFolding.ts';
import { luceneQuery } from '../../server/services/search.ts';

const folded = (text: string) => foldWords(text).join(' ');

describe('foldWords', () => {
  it('folds case, hyphens and the article so spellings of Jaysh al-Nasr meet', () => {
    const expected = folded('Jaysh al-Nasr');
    for (const spelling of [
      'jaish al nasr',
      'JAYSH AL-NASR',
      'Jaysh Nasr',
      'Jaysh-al-Nasr',
      'Jaish el-Nasr',
      'JayshAlNasr',
      '#JayshAlNasr',
    ]) {
      expect(folded(spelling), spelling).toBe(expected);
    }
  });

  it('drops Latin diacritics: Jaysh al-Naṣr', () => {
    expect(folded('Jaysh al-Naṣr')).toBe(folded('Jaysh al-Nasr'));
    expect(folded('Ḥarakat Nūr al-Dīn')).toBe(folded('Harakat Nur al-Din'));
  });

  it('folds transliteration variants: Suqour/Suqur, Faylaq/Failaq, Moussa/Musa', () => {
    expect(folded('Suqour al-Ghab')).toBe(folded('Suqur al Ghab'));
    expect(folded('Faylaq al-Sham')).toBe(folded('Failaq al-Sham'));
    expect(folded('Moussa al-Omar')).toBe(folded('Musa al-Omar'));
    expect(folded('Liwaa al-Aqsa')).toBe(folded('Liwa al-Aqsa'));
  });

  it('keeps words that differ apart', () => {
    expect(folded('Jaysh al-Nasr')).not.toBe(folded('Jaysh al-Izza'));
    expect(folded('Sham Legion')).not.toBe(folded('Abna al-Sham'));
  });

  it('keeps numbers as they are written: the 111th is not the 11th', () => {
    expect(foldWords('111th Regiment')[0]).toBe('111th');
    expect(folded('Regiment 111')).not.toBe(folded('Regiment 11'));
  });

  it('folds Arabic: the joined article, hamza on alef, alef maqsura, harakat, tatweel, hashtags', () => {
    expect(folded('جيش النصر')).toBe(folded('جيش نصر'));
    expect(folded('لواء الأقصى')).toBe(folded('لواء الاقصى'));
    expect(folded('لواء الأقصى')).toBe(folded('لواء الاقصي'));
    expect(folded('جَيْش النَّصْر')).toBe(folded('جيش النصر'));
    expect(folded('جيـــش النصر')).toBe(folded('جيش النصر'));
    expect(folded('#جيش_النصر')).toBe(folded('جيش النصر'));
  });

  it('leaves nothing of punctuation, and nothing of an article alone', () => {
    expect(foldWords('al-')).toEqual([]);
    expect(foldWords('ال')).toEqual([]);
    expect(foldWords(')(*:~"\\')).toEqual([]);
  });
});

describe('searchKeys', () => {
  it('stores one folded form per distinct name', () => {
    expect(searchKeys(['Jaysh al-Nasr', 'Jaish al Nasr', 'Army of Victory', '---'])).toEqual([
      folded('Jaysh al-Nasr'),
      folded('Army of Victory'),
    ]);
  });
});

describe('luceneQuery', () => {
  it('requires every word, as written, as a prefix, or within one edit when it is long enough', () => {
    const query = luceneQuery('Army of Victory');
    expect(query).toBe('+(army^3 OR army*) +(of^3 OR of*) +(victory^3 OR victory* OR victory~1)');
  });

  it('searches the folded words, so the query meets the stored searchKeys', () => {
    const [first, second] = foldWords('Jaysh al-Nasr');
    expect(luceneQuery('JAYSH AL-NASR')).toBe(`+(${first}^3 OR ${first}* OR ${first}~1) +(${second}^3 OR ${second}*)`);
  });

  it('lets no Lucene syntax through', () => {
    for (const text of ['al-Nasr)(*:~', 'name:x OR *', '"Jaysh', 'a && b || !c', 'x^10 [a TO b] {c} /re/ \\']) {
      const query = luceneQuery(text) ?? '';
      // what remains of the input are the folded words; the only syntax is the one luceneQuery writes
      const withoutOwnSyntax = query.replace(/\^3|\*|~1|\+\(|\)| OR /g, ' ');
      expect(withoutOwnSyntax, text).toMatch(/^[\p{L}\p{N} ]*$/u);
    }
  });

  it('has no query for text with no words', () => {
    expect(luceneQuery('')).toBeNull();
    expect(luceneQuery('  -- ')).toBeNull();
    expect(luceneQuery('al')).toBeNull();
  });
});
