/**
 * Name folding (server/services/nameFolding.ts) and the Lucene query built from it
 * (server/services/search.ts): the spellings an analyst meets fold to the same words, and no input
 * can inject Lucene syntax.
 */
import { describe, expect, it } from 'vitest';
import {
  arabicWords,
  cliticVariants,
  foldName,
  foldWords,
  joinedForms,
  searchKeys,
  sourceSearchKeys,
} from '../../server/services/nameFolding.ts';
import { arabicLuceneQuery, luceneQuery } from '../../server/services/search.ts';

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

describe('foldWords: transliteration marks and the assimilated article', () => {
  it("deletes the marks for ayn and hamza instead of splitting there: Shu'ayb, Shuʿayb, Shuayb are one", () => {
    const expected = folded('Shuayb');
    for (const spelling of ["Shu'ayb", 'Shuʿayb', 'Shuʾayb', 'Shu’ayb', 'Shu‘ayb', 'Shu`ayb', 'Shu´ayb', 'Shuʼayb']) {
      expect(folded(spelling), spelling).toBe(expected);
    }
    expect(folded("Ma'arrat al-Nu'man")).toBe(folded('Maarat an-Numan'));
  });

  it('drops the article assimilated to a sun letter: an-Naṣr, ash-Sham, ad-Din', () => {
    expect(folded('Jaysh an-Naṣr')).toBe(folded('Jaysh al-Nasr'));
    expect(folded('JayshAnNasr')).toBe(folded('Jaysh al-Nasr'));
    expect(folded('Ahrar ash-Sham')).toBe(folded('Ahrar al-Sham'));
    expect(folded('Nur ad-Din')).toBe(folded('Nur al-Din'));
    // …but only before its own letter: "an" before another letter is a word.
    expect(foldWords('an army')).toEqual(['an', 'army']);
  });
});

describe('foldWords: Persian and Urdu keyboards', () => {
  it.each([
    ['جیش النصر', 'جيش النصر', 'U+06CC Farsi yeh'],
    ['تأکید', 'تأكيد', 'U+06A9 keheh'],
    ['مدینہ', 'مدينة', 'U+06C1 heh goal'],
    ['الزھراء', 'الزهراء', 'U+06BE heh doachashmee'],
    ['موسے', 'موسى', 'U+06D2 yeh barree'],
    ['فوج ۱۱۱', 'فوج 111', 'U+06F1 extended Arabic-Indic digits'],
    ['فوج ١١١', 'فوج 111', 'U+0661 Arabic-Indic digits'],
  ])('folds %j like %j (%s)', (typed, arabic) => {
    expect(folded(typed)).toBe(folded(arabic));
  });

  it('keeps the numbers written in Persian digits apart: ۱۱۱ is not ۱۱', () => {
    expect(folded('Regiment ۱۱۱')).toBe('regiment 111');
    expect(folded('Regiment ۱۱')).toBe('regiment 11');
  });
});

describe('searchKeys', () => {
  it('stores one split form per distinct name, and joined forms of short names', () => {
    expect(searchKeys(['Jaysh al-Nasr', 'Jaish al Nasr', 'Army of Victory', '---'])).toEqual([
      folded('Jaysh al-Nasr'),
      'jaish alnasr',
      'jaishnasr',
      'jaishalnasr',
      folded('Army of Victory'),
      'armyofvictory',
    ]);
  });

  it('lets split and run-together forms meet: every way of typing Jaysh al-Nasr folds to a stored key', () => {
    const keys = searchKeys(['Jaysh al-Nasr']);
    for (const typed of ['jayshalnasr', 'jaishalnasr', 'jayshnasr']) expect(keys, typed).toContain(foldWords(typed)[0]);
    const words = new Set(keys.flatMap((k) => k.split(' ')));
    for (const typed of ['alnasr', 'nasr', 'jaysh']) expect([...words], typed).toContain(foldWords(typed)[0]);
  });

  it('strips no "al" that is not the article, and does not join numbers into other numbers', () => {
    expect(searchKeys(['Aleppo'])).toEqual(['alepo']);
    expect(searchKeys(['Alaa Rakhmon'])).toEqual(['ala rakhmon', 'alarakhmon']);
    expect(searchKeys(['111th Regiment'])).toContain('111thregiment');
    expect(searchKeys(['111th Regiment'])).not.toContain('11thregiment');
  });

  it('joins no long title into one word', () => {
    const keys = searchKeys(['Commanding the Jaysh al-Nasr Coalition: A Review']);
    expect(keys.every((k) => k.includes(' '))).toBe(true);
  });

  it("stores a source's title, author and publisher, and skips what it lacks", () => {
    expect(sourceSearchKeys({ title: 'Heras', author: null, publisher: 'Jamestown Foundation' })).toEqual([
      'heras',
      'jamestown fundation',
      'jamestownfundation',
    ]);
    expect(sourceSearchKeys({})).toEqual([]);
  });
});

describe('joinedForms', () => {
  it('joins the words without the article and with it, folded once more as one word', () => {
    expect(joinedForms(foldName('Jaysh al-Nasr'))).toEqual(['jaishnasr', 'jaishalnasr']);
    expect(joinedForms(foldName('جيش النصر'))).toEqual(['جيشنصر', 'جيشالنصر']);
    expect(joinedForms(foldName('Nasr'))).toEqual([]);
  });
});

describe('cliticVariants', () => {
  it.each([
    ['وجيش', ['جيش']],
    ['بجيش', ['جيش']],
    ['لجيش', ['جيش']],
    ['فجيش', ['جيش']],
    ['كجيش', ['جيش']],
    ['بالنصر', ['نصر']],
    ['والنصر', ['نصر']],
  ])('offers %j without its clitics: %j', (word, expected) => {
    expect(cliticVariants(word)).toEqual(expect.arrayContaining(expected));
    expect(cliticVariants(word)).not.toContain(word);
  });

  it('reads li- + al- written with one lam less: للنصر → نصر', () => {
    expect(cliticVariants('للنصر')).toContain('نصر');
  });

  it('offers nothing for Latin words, words with no clitic, or stems too short to be names', () => {
    expect(cliticVariants('jaysh')).toEqual([]);
    expect(cliticVariants('جيش')).toEqual([]);
    expect(cliticVariants('بل')).toEqual([]);
  });
});

describe('arabicWords', () => {
  it('answers the words of an Arabic query, Persian letters folded, and null for any other script', () => {
    expect(arabicWords('وجیش النصر')).toEqual(['وجيش', 'النصر']);
    expect(arabicWords('Jaysh النصر')).toBeNull();
    expect(arabicWords('لواء ۱۱۱')).toEqual(['لواء', '111']);
    expect(arabicWords('---')).toBeNull();
  });
});

describe('luceneQuery', () => {
  it('requires every word, as written, as a prefix, or within one edit when it is long enough', () => {
    const query = luceneQuery('Army of Victory') ?? '';
    expect(query).toContain('+(army^3 OR army*) +(of^3 OR of*) +(victory^3 OR victory* OR victory~1)');
  });

  it('also searches the words run together, as the stored joined forms', () => {
    expect(luceneQuery('jaysh al nasr')).toBe(
      '(+(jaish^3 OR jaish* OR jaish~1) +(nasr^3 OR nasr*)) OR jaishnasr^3 OR jaishnasr* OR jaishalnasr^3 OR jaishalnasr*',
    );
    expect(luceneQuery('jayshalnasr')).toBe('+(jaishalnasr^3 OR jaishalnasr* OR jaishalnasr~1)');
  });

  it('searches the folded words, so the query meets the stored searchKeys', () => {
    const [first, second] = foldWords('Jaysh al-Nasr');
    expect(luceneQuery('JAYSH AL-NASR')).toContain(
      `+(${first}^3 OR ${first}* OR ${first}~1) +(${second}^3 OR ${second}*)`,
    );
  });

  it('gives numbers no fuzzy match: 111th is not one edit from 11th', () => {
    expect(luceneQuery('111th')).toBe('+(111th^3 OR 111th*)');
  });

  it('offers an Arabic word without its clitics, below the word as written', () => {
    expect(luceneQuery('وجيش')).toBe('+(وجيش^3 OR وجيش* OR جيش^2 OR جيش*)');
  });

  it('lets no Lucene syntax through', () => {
    for (const text of ['al-Nasr)(*:~', 'name:x OR *', '"Jaysh', 'a && b || !c', 'x^10 [a TO b] {c} /re/ \\']) {
      const query = luceneQuery(text) ?? '';
      // what remains of the input are the folded words; the only syntax is the one luceneQuery writes
      const withoutOwnSyntax = query.replace(/\^[23]|\*|~1|\+\(|\(|\)| OR /g, ' ');
      expect(withoutOwnSyntax, text).toMatch(/^[\p{L}\p{N} ]*$/u);
    }
  });

  it('has no query for text with no words', () => {
    expect(luceneQuery('')).toBeNull();
    expect(luceneQuery('  -- ')).toBeNull();
    expect(luceneQuery('al')).toBeNull();
  });
});

describe('arabicLuceneQuery', () => {
  it('requires every Arabic word as written, for the arabic analyzer to stem', () => {
    expect(arabicLuceneQuery('وجيش النصر')).toBe('+وجيش +النصر');
  });

  it('has no query for Latin script', () => {
    expect(arabicLuceneQuery('Jaysh al-Nasr')).toBeNull();
  });
});
