/**
 * Which block of a pair is Chinese, as the contract says: the one with the
 * larger share of Han characters among its letters (Han characters and
 * Latin letters counted together), provided that share is at least 5%.
 * Decided per pair, not per block, because Chinese speech about AI quotes
 * many English terms (each English word has several letters where a
 * Chinese word has one or two characters), so a Chinese block may have
 * fewer Han characters than Latin letters and still be the Chinese one.
 */

export type Language = 'zh' | 'en';

/** A text's Han characters and Latin letters: what its language is decided by. */
export interface Letters {
  han: number;
  latin: number;
}

const HAN = /\p{Script=Han}/gu;
const LATIN_LETTER = /(?=\p{L})\p{Script=Latin}/gu;
/** The least share of Han characters the Chinese block of a pair has: 5%, one in twenty. */
const LEAST_CHINESE_SHARE = { han: 1, letters: 20 };

/** The text's letters, or undefined when it has none, and so no language. */
export function lettersOf(text: string): Letters | undefined {
  const han = text.match(HAN)?.length ?? 0;
  const latin = text.match(LATIN_LETTER)?.length ?? 0;
  return han + latin === 0 ? undefined : { han, latin };
}

/**
 * The languages of two blocks that make a turn, in their order, or
 * undefined when they make none: when either has no letters, when their
 * shares of Han characters are equal (two English blocks, say), or when
 * the larger share is under 5%.
 */
export function pairLanguages(
  a: Letters | undefined,
  b: Letters | undefined,
): [Language, Language] | undefined {
  if (!a || !b) return undefined;
  const order = compareShares(a, b);
  if (order === 0) return undefined;
  const chinese = order > 0 ? a : b;
  const enough =
    chinese.han * LEAST_CHINESE_SHARE.letters >= total(chinese) * LEAST_CHINESE_SHARE.han;
  if (!enough) return undefined;
  return order > 0 ? ['zh', 'en'] : ['en', 'zh'];
}

/** Whether two texts have the same share of Han characters among their letters. */
export function sameHanShare(a: Letters, b: Letters): boolean {
  return compareShares(a, b) === 0;
}

/** Above 0 when `a` has the larger share of Han characters, compared as exact fractions. */
function compareShares(a: Letters, b: Letters): number {
  return a.han * total(b) - b.han * total(a);
}

/**
 * The language a block's own majority script suggests: how a block without
 * a partner is named in messages. At a tie it is Chinese: one Han character
 * says about as much as a word of several letters.
 */
export function scriptLanguage(letters: Letters | undefined): Language | undefined {
  if (!letters) return undefined;
  return letters.han >= letters.latin ? 'zh' : 'en';
}

function total(letters: Letters): number {
  return letters.han + letters.latin;
}

export const languages: readonly Language[] = ['zh', 'en'];

export function isLanguage(value: unknown): value is Language {
  return value === 'zh' || value === 'en';
}

export const languageNames: Record<Language, string> = {
  zh: 'Chinese',
  en: 'English',
};

/** The BCP 47 tag each language's text is marked with on the page. */
export const languageTags: Record<Language, string> = {
  zh: 'zh-Hans',
  en: 'en',
};

export function otherLanguage(language: Language): Language {
  return language === 'zh' ? 'en' : 'zh';
}
