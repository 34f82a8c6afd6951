/**
 * What the glossary pages list, from the glossaries the parser read
 * (src/lib/transcript/glossary.ts): each term's fragment on its
 * transcript's glossary page, and the site's terms gathered across
 * transcripts, in one pass over them.
 */
import type { Localized } from './localized.ts';
import type { GlossaryEntry } from './transcript/schema.ts';

/**
 * The id of each term's row on its transcript's glossary page: `term-` and
 * the Chinese term, so a link to it lasts while other terms come and go;
 * a second term of the same Chinese (another English for it) gets `-2`.
 */
export function termIds(glossary: readonly { zh: string }[]): string[] {
  const seen = new Map<string, number>();
  return glossary.map(({ zh }) => {
    const count = (seen.get(zh) ?? 0) + 1;
    seen.set(zh, count);
    return count === 1 ? `term-${zh}` : `term-${zh}-${count}`;
  });
}

export interface GlossedTranscript {
  id: string;
  title: Localized;
  glossary: readonly GlossaryEntry[];
}

/**
 * A term as search finds it (src/client/search/glossary.ts), its row `#id` on the glossary page,
 * and as a glossary mark's tooltip shows it, with its pinyin (src/client/gloss-tips.ts).
 */
export interface TermRecord {
  zh: string;
  pinyin: readonly string[];
  en: string;
  abbr?: string | undefined;
  id: string;
}

/** A glossary's terms as the page's script reads them, from the file beside its page (`terms.json`). */
export function termRecords(glossary: readonly Omit<TermRecord, 'id'>[]): TermRecord[] {
  const ids = termIds(glossary);
  return glossary.map(({ zh, pinyin, en, abbr }, index) => ({
    zh,
    pinyin,
    en,
    abbr,
    id: ids[index]!,
  }));
}

export interface SiteTerm {
  zh: string;
  pinyin: readonly string[];
  en: string;
  abbr?: string | undefined;
  /** Each transcript that has the term, in the order given, with the term's row there. */
  transcripts: { id: string; title: Localized; termId: string }[];
}

/** Terms of one pinyin, by their characters in ICU's order for Chinese. */
const byCharacters = new Intl.Collator('zh-Hans-u-co-pinyin');

/** A syllable's tone, from its tone mark (NFD); the neutral tone, unmarked, comes last. */
const TONES: Record<string, string> = {
  '\u0304': '1',
  '\u0301': '2',
  '\u030C': '3',
  '\u0300': '4',
};

/**
 * A term's place by its pinyin, as a dictionary orders it: syllable by
 * syllable, each by its letters (ü after u) and then its tone, so 长度 cháng
 * dù comes before 重复 chóng fù and 银行 yín háng, whatever a character's
 * reading out of context (ICU's pinyin order puts 重复 under zhòng).
 */
export function pinyinKey(pinyin: readonly string[]): string {
  return pinyin
    .join(' ')
    .normalize('NFD')
    .toLowerCase()
    .split(/\s+/)
    .map((syllable) => {
      let letters = '';
      let tone = '5';
      for (const character of syllable) {
        if (character === '\u0308') letters = `${letters.slice(0, -1)}v`;
        else if (TONES[character]) tone = TONES[character];
        else letters += character;
      }
      return letters + tone;
    })
    .join(' ');
}

const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every term of the site, once per Chinese and English term (the English's
 * case aside), with the transcripts that have it, sorted by the Chinese
 * term's pinyin (`pinyinKey`). Linear in the terms of all transcripts.
 */
export function siteGlossary(transcripts: readonly GlossedTranscript[]): SiteTerm[] {
  const terms = new Map<string, SiteTerm>();
  for (const { id, title, glossary } of transcripts) {
    const ids = termIds(glossary);
    glossary.forEach(({ zh, pinyin, en, abbr }, index) => {
      const key = `${zh}\n${en.toLowerCase()}`;
      let term = terms.get(key);
      if (!term) terms.set(key, (term = { zh, pinyin, en, abbr, transcripts: [] }));
      term.transcripts.push({ id, title, termId: ids[index]! });
    });
  }
  const keys = new Map([...terms.values()].map((term) => [term, pinyinKey(term.pinyin)]));
  return [...terms.values()].sort(
    (a, b) =>
      compareKeys(keys.get(a)!, keys.get(b)!) ||
      byCharacters.compare(a.zh, b.zh) ||
      a.en.localeCompare(b.en, 'en'),
  );
}
