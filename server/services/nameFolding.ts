/**
 * Folding names so that the spellings analysts meet match each other: case, diacritics, hyphens,
 * transliteration marks for ayn and hamza, the Arabic article (al-/Al-/El-, the assimilated an-/ash-/ad-…,
 * ال), CamelCase hashtags, the usual transliteration variants (Jaysh/Jaish/Jaesh, Suqour/Suqur,
 * Moussa/Musa...), and the letters Persian and Urdu keyboards type for Arabic ones. The same folding
 * runs on stored names (the searchKeys property) and on the analyst's query, so both meet in the middle.
 *
 * Split and run-together forms meet because the keys hold both: "Jaysh al-Nasr" is stored as
 * "jaish nasr" (split, article dropped), "jaish alnasr" (article glued to its noun) and "jaishnasr",
 * "jaishalnasr" (joined); the query is searched as words and as one joined word (server/services/search.ts).
 * Nothing strips an "al" inside a word, so Aleppo stays "alepo".
 */

/** Transliteration variants, folded to one spelling. Applied per word, after lower-casing. */
const LATIN_VARIANTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(jaish|jaesh|jeish|jaysh|jeysh|jaich)$/, 'jaysh'],
  [/^(liwaa|liwa|lewa|lioua)$/, 'liwa'],
  [/^(faylaq|failaq|filaq|feylaq)$/, 'faylaq'],
  [/ou/g, 'u'],
  [/ee/g, 'i'],
  [/oo/g, 'u'],
  [/aa/g, 'a'],
  [/ay/g, 'ai'],
  [/q/g, 'k'],
  // Doubled letters (Moussa/Musa), but not digits: the 111th Regiment is not the 11th.
  [/([a-z])\1/g, '$1'],
];

/**
 * Marks that transliterations write for ayn and hamza, or for nothing at all ("Shu'ayb", "Shuʿayb",
 * "Shuayb" are one name): deleted, not read as word breaks. U+0027 apostrophe, U+0060 grave accent,
 * U+00B4 acute accent, U+2018/U+2019 quotation marks, U+2032 prime (General Punctuation), and
 * U+02B9, U+02BB, U+02BC, U+02BE (modifier letter right half ring, hamza), U+02BF (left half ring,
 * ayn) from the Spacing Modifier Letters block (Unicode Standard, chapter 7.8).
 */
const TRANSLITERATION_MARKS = /[\u0027\u0060\u00B4\u2018\u2019\u2032\u02B9\u02BB\u02BC\u02BE\u02BF]/g;

/** Arabic spelling variants within the Arabic block (U+0600–U+06FF). */
const ARABIC_FOLDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/[\u0622\u0623\u0625\u0671]/g, '\u0627'], // alef with madda / hamza / wasla → bare alef
  [/\u0629/g, '\u0647'], // ta marbuta → ha
  [/\u0649/g, '\u064A'], // alef maqsura → ya
  [/\u0640/g, ''], // tatweel
];

/**
 * Letters of the Arabic block (U+0600–U+06FF, Unicode code chart "Arabic") that Persian and Urdu
 * keyboards type where Arabic writes another: folded to the Arabic letter, as Lucene's
 * PersianNormalizer does for yeh, keheh and heh goal. Digits of both Arabic-Indic sets become ASCII.
 */
const PERSIAN_URDU_FOLDS: ReadonlyArray<readonly [RegExp, string]> = [
  // U+06CC ARABIC LETTER FARSI YEH, U+06D2 ARABIC LETTER YEH BARREE → U+064A ARABIC LETTER YEH
  [/[\u06CC\u06D2]/g, '\u064A'],
  // U+06A9 ARABIC LETTER KEHEH → U+0643 ARABIC LETTER KAF
  [/\u06A9/g, '\u0643'],
  // U+06C1 HEH GOAL, U+06BE HEH DOACHASHMEE, U+06C3 TEH MARBUTA GOAL, U+06D5 AE → U+0647 ARABIC LETTER HEH
  [/[\u06C1\u06BE\u06C3\u06D5]/g, '\u0647'],
];

/**
 * U+06F0–U+06F9 EXTENDED ARABIC-INDIC DIGIT ZERO–NINE (Persian, Urdu) and U+0660–U+0669 ARABIC-INDIC
 * DIGIT ZERO–NINE, as ASCII digits: "Regiment ۱۱۱" is "Regiment 111".
 */
const ARABIC_INDIC_DIGIT = /[\u06F0-\u06F9\u0660-\u0669]/g;
const asciiDigit = (d: string) => {
  const code = d.charCodeAt(0);
  return String(code - (code >= 0x06f0 ? 0x06f0 : 0x0660));
};

/** The Arabic article written apart: al-, el-, and the forms assimilated to a sun letter (an-Nasr, ash-Sham). */
const LATIN_ARTICLE = /^(al|el)$/;
const ASSIMILATED_ARTICLE = /^[aeu](th|dh|sh|t|d|r|z|s|n)$/;
const ARABIC_ARTICLE = '\u0627\u0644';

/** A word of a name, folded, and whether the Arabic article stood before it ("al-Nasr" → nasr, al). */
export interface FoldedWord {
  word: string;
  article: 'al' | 'ال' | null;
}

/** Case, marks, diacritics, script variants: the text folded letter by letter, before it is split into words. */
export function foldLetters(text: string): string {
  let folded = text
    .replace(TRANSLITERATION_MARKS, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2') // JayshAlNasr → Jaysh Al Nasr
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // Latin diacritics, Arabic harakat and the hamza NFKD splits off
    .toLowerCase();
  for (const [from, to] of [...ARABIC_FOLDS, ...PERSIAN_URDU_FOLDS]) folded = folded.replace(from, to);
  return folded.replace(ARABIC_INDIC_DIGIT, asciiDigit);
}

/** The words of a text after foldLetters, split at anything that is not a letter or a digit. */
export function rawWords(text: string): string[] {
  return foldLetters(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Words of a name, folded, each with the article that preceded it (dropped from the word itself). */
export function foldName(text: string): FoldedWord[] {
  const raw = rawWords(text);
  const out: FoldedWord[] = [];
  let article: FoldedWord['article'] = null;
  raw.forEach((word, i) => {
    const next = raw[i + 1] ?? '';
    const assimilated = ASSIMILATED_ARTICLE.exec(word);
    if (LATIN_ARTICLE.test(word) || (assimilated && next.startsWith(assimilated[1]!))) {
      article = 'al';
      return;
    }
    if (word === ARABIC_ARTICLE) {
      article = ARABIC_ARTICLE;
      return;
    }
    // Arabic writes the article joined to its noun; Latin spellings split on the hyphen above.
    const noun = /^\u0627\u0644\p{L}{2,}/u.test(word) ? word.slice(2) : word;
    out.push({ word: foldLatin(noun), article: noun === word ? article : ARABIC_ARTICLE });
    article = null;
  });
  return out;
}

/** Words of a name, folded; the Arabic article is dropped so "al-Nasr", "an-Naṣr", "Nasr" and "النصر" meet. */
export function foldWords(text: string): string[] {
  return foldName(text).map((w) => w.word);
}

function foldLatin(word: string): string {
  if (!/^[a-z0-9]+$/.test(word)) return word;
  let w = word;
  for (const [from, to] of LATIN_VARIANTS) w = w.replace(from, to);
  return w;
}

/** Names this long or shorter are also stored run together ("jaishalnasr"); titles are not. */
const MOST_WORDS_JOINED = 5;

/**
 * The run-together forms of folded words: without the article and with it ("jaishnasr",
 * "jaishalnasr"), folded once more as one word so that a query typed run together folds the same way.
 */
export function joinedForms(words: readonly FoldedWord[]): string[] {
  if (words.length < 2 || words.length > MOST_WORDS_JOINED) return [];
  const bare = foldLatin(words.map((w) => w.word).join(''));
  const withArticle = foldLatin(words.map((w) => (w.article ?? '') + w.word).join(''));
  return [...new Set([bare, withArticle])];
}

/**
 * The folded forms stored on a node for the full-text index, per name or alias: the split words,
 * the words with the article glued to its noun ("jaish alnasr") and the joined forms.
 */
export function searchKeys(names: ReadonlyArray<string | null | undefined>): string[] {
  const keys = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    const words = foldName(name);
    if (words.length === 0) continue;
    keys.add(words.map((w) => w.word).join(' '));
    if (words.some((w) => w.article === 'al')) keys.add(words.map((w) => (w.article ?? '') + w.word).join(' '));
    for (const joined of joinedForms(words)) keys.add(joined);
  }
  return [...keys];
}

/** A source is found by its title, author and publisher (contract/importFile.ts's source fields). */
export function sourceSearchKeys(source: { title?: string | null; author?: string | null; publisher?: string | null }) {
  return searchKeys([source.title, source.author, source.publisher]);
}

const ARABIC_WORD = /^[\p{Script=Arabic}\p{N}]+$/u;

/**
 * The same Arabic word without the clitics written before it, as the analyst may type them: the
 * conjunctions و (and) and ف (so), then the prepositions ب (with), ل (for), ك (like), and the
 * article after them ("وجيش" → جيش, "بالنصر" → نصر, "للنصر" → نصر: li- + al- writes one lam less).
 * Alternatives only, never replacements: لواء (Liwa) begins with a lam that is no clitic.
 */
export function cliticVariants(word: string): string[] {
  if (!ARABIC_WORD.test(word)) return [];
  const found = new Set<string>();
  const m = /^([\u0648\u0641]?)([\u0628\u0644\u0643]?)(.+)$/u.exec(word);
  if (!m || (!m[1] && !m[2])) return [];
  let stem = m[3]!;
  if (m[2] === '\u0644' && stem.startsWith('\u0644') && stem.length >= 4) found.add(stem.slice(1));
  if (stem.startsWith(ARABIC_ARTICLE) && stem.length >= 4) stem = stem.slice(2);
  if (stem.length >= 3) found.add(stem);
  // و or ف alone, when the preposition letter belongs to the word (وبنش: and Binnish).
  if (m[1] && m[2]) found.add(m[2] + m[3]);
  found.delete(word);
  return [...found];
}

/** The query's words in Arabic script only (after folding Persian and Urdu letters), else null. */
export function arabicWords(text: string): string[] | null {
  const words = rawWords(text);
  const arabic = words.every((w) => ARABIC_WORD.test(w)) && words.some((w) => /\p{Script=Arabic}/u.test(w));
  return arabic ? words : null;
}
