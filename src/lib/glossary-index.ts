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

/** A term as search finds it (src/client/search/glossary.ts): its row is `#id` on the glossary page. */
export interface TermRecord {
  zh: string;
  en: string;
  abbr?: string | undefined;
  id: string;
}

/** A glossary's terms as search reads them, from the file beside its page (`terms.json`). */
export function termRecords(glossary: readonly Omit<TermRecord, 'id'>[]): TermRecord[] {
  const ids = termIds(glossary);
  return glossary.map(({ zh, en, abbr }, index) => ({ zh, en, abbr, id: ids[index]! }));
}

export interface SiteTerm {
  zh: string;
  en: string;
  abbr?: string | undefined;
  /** Each transcript that has the term, in the order given, with the term's row there. */
  transcripts: { id: string; title: Localized; termId: string }[];
}

/** Sorted as a Chinese reader looks a term up: by pinyin. */
const byPinyin = new Intl.Collator('zh-Hans-u-co-pinyin');

/**
 * Every term of the site, once per Chinese and English term (the English's
 * case aside), with the transcripts that have it, sorted by the Chinese
 * term's pinyin. Linear in the terms of all transcripts.
 */
export function siteGlossary(transcripts: readonly GlossedTranscript[]): SiteTerm[] {
  const terms = new Map<string, SiteTerm>();
  for (const { id, title, glossary } of transcripts) {
    const ids = termIds(glossary);
    glossary.forEach(({ zh, en, abbr }, index) => {
      const key = `${zh}\n${en.toLowerCase()}`;
      let term = terms.get(key);
      if (!term) terms.set(key, (term = { zh, en, abbr, transcripts: [] }));
      term.transcripts.push({ id, title, termId: ids[index]! });
    });
  }
  return [...terms.values()].sort(
    (a, b) => byPinyin.compare(a.zh, b.zh) || a.en.localeCompare(b.en, 'en'),
  );
}
