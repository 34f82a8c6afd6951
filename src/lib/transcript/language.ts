/**
 * Decides the language of a block by its script, as the contract says: a
 * block is Chinese when Han characters make up at least a quarter of its
 * letters (Han and Latin counted together), English otherwise, and has no
 * language without letters. A quarter, not a half, because Chinese speech
 * about AI quotes many English terms, and each English word has several
 * letters where a Chinese word has one or two characters.
 */

export type Language = 'zh' | 'en';

const HAN = /\p{Script=Han}/gu;
const LATIN_LETTER = /(?=\p{L})\p{Script=Latin}/gu;
const CHINESE_SHARE = 0.25;

export function detectLanguage(text: string): Language | undefined {
  const han = text.match(HAN)?.length ?? 0;
  const latin = text.match(LATIN_LETTER)?.length ?? 0;
  if (han + latin === 0) return undefined;
  return han / (han + latin) >= CHINESE_SHARE ? 'zh' : 'en';
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
