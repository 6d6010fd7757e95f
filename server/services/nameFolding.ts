/**
 * Folding names so that the spellings analysts meet match each other: case, diacritics, hyphens,
 * the Arabic article (al-/Al-/El-, ال), CamelCase hashtags, and the usual transliteration variants
 * (Jaysh/Jaish/Jaesh, Suqour/Suqur, Moussa/Musa...). The same folding runs on stored names (the
 * searchKeys property) and on the analyst's query, so both meet in the middle.
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

const ARABIC_FOLDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/[\u0622\u0623\u0625\u0671]/g, '\u0627'], // alef with madda / hamza / wasla → bare alef
  [/\u0629/g, '\u0647'], // ta marbuta → ha
  [/\u0649/g, '\u064A'], // alef maqsura → ya
  [/\u0640/g, ''], // tatweel
];

/** Words of a name, folded; the Arabic article is dropped so "al-Nasr", "Nasr" and "النصر" meet. */
export function foldWords(text: string): string[] {
  const spaced = text
    .replace(/([a-z])([A-Z])/g, '$1 $2') // JayshAlNasr → Jaysh Al Nasr
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // Latin diacritics and Arabic harakat
    .toLowerCase();
  let folded = spaced;
  for (const [from, to] of ARABIC_FOLDS) folded = folded.replace(from, to);
  return folded
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .flatMap((word) => {
      if (word === 'al' || word === 'el' || word === 'ال') return [];
      // Arabic writes the article joined to its noun; Latin spellings split on the hyphen above.
      return [foldLatin(word.replace(/^\u0627\u0644(?=\p{L}{2,})/u, ''))];
    });
}

function foldLatin(word: string): string {
  if (!/^[a-z0-9]+$/.test(word)) return word;
  let w = word;
  for (const [from, to] of LATIN_VARIANTS) w = w.replace(from, to);
  return w;
}

/** The folded forms stored on a node for the full-text index: one string per name or alias. */
export function searchKeys(names: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const name of names) {
    const words = foldWords(name);
    if (words.length) keys.add(words.join(' '));
  }
  return [...keys];
}
