/**
 * What the glossary pages list, from the glossaries the parser read
 * (src/lib/transcript/glossary.ts): each term's fragment on its
 * transcript's glossary page, and the site's terms gathered across
 * transcripts, in one pass over them, then cut into pages by pinyin
 * initial, each small enough to load on a phone at any size of the site.
 */
import { same, type Localized } from './localized.ts';
import { glossaryPagesStrings } from './strings.ts';
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
 * A term as search finds it (src/client/search/glossary.ts): its row is
 * `#id` on the glossary page, or on the page `page` below it (the site's,
 * `k/`); and as a glossary mark's tooltip shows it, with its pinyin
 * (src/client/gloss-tips.ts).
 */
export interface TermRecord {
  zh: string;
  pinyin: readonly string[];
  en: string;
  abbr?: string | undefined;
  id: string;
  page?: string | undefined;
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

/**
 * The most bytes of HTML a page of the site's glossary gives its rows (as
 * `rowBytes` and `linkBytes` reckon them): a page is then under 100 KB gzip
 * even where its text compresses only 3:1, as a list of varied titles in
 * both languages about does (the bench measures every page: `npm run bench`).
 */
export const PAGE_BYTES = 300_000;

/** One row of a page of the site's glossary: a term, and its transcripts on that page. */
export interface SiteRow {
  term: SiteTerm;
  /** The row's id, unique in the site's glossary: `term-` and the Chinese term. */
  id: string;
  transcripts: SiteTerm['transcripts'];
  /**
   * Whether the term's row began on an earlier page: a term in more transcripts
   * than a page holds goes on over the next pages, its id on the first.
   */
  continued: boolean;
}

/** A page of the site's glossary: terms of one pinyin initial, or some of them. */
export interface SitePage {
  /** Its address below the glossary's: `k/`, and `k/2/` for the second page of K. */
  path: string;
  /** Its place among its initial's pages, from 1. */
  number: number;
  rows: SiteRow[];
}

/** The terms of one initial: the letter their pinyin begins with (`other` for any other). */
export interface Initial {
  initial: string;
  /** As a reader sees it: `K`, or Other 其他. */
  label: Localized;
  /** How many terms begin with it. */
  terms: number;
  pages: SitePage[];
}

const OTHER = 'other';

/** A term's initial: the first letter of its pinyin (`pinyinKey`), or `other` (a digit, say). */
export function initialOf(term: Pick<SiteTerm, 'pinyin'>): string {
  const first = pinyinKey(term.pinyin)[0];
  return first && first >= 'a' && first <= 'z' ? first : OTHER;
}

const utf8 = new TextEncoder();
const bytesOf = (...texts: (string | undefined)[]) =>
  texts.reduce((sum, text) => sum + (text ? utf8.encode(text).length : 0), 0);

/** What a row costs a page before its links: its cells and their markup. */
export function rowBytes(term: SiteTerm): number {
  return bytesOf(term.zh, term.zh, term.en, term.abbr, ...term.pinyin) + 320;
}

/** What a link to a transcript costs a page: its address, its title in each language, their markup. */
export function linkBytes({ id, title, termId }: SiteTerm['transcripts'][number]): number {
  return bytesOf(id, termId, title.en, title.zh === title.en ? undefined : title.zh) + 130;
}

/**
 * The site's terms (`siteGlossary`, in its order) by initial, A to Z and
 * then any other, each initial's terms on as few pages as hold them within
 * `budget` bytes (`PAGE_BYTES`): a page ends before a row that does not fit
 * in it but would on a page of its own, and a row longer than a page goes on
 * over the next ones.
 */
export function sitePages(terms: readonly SiteTerm[], budget = PAGE_BYTES): Initial[] {
  const ids = termIds(terms);
  const byInitial = new Map<string, { term: SiteTerm; id: string }[]>();
  terms.forEach((term, index) => {
    const initial = initialOf(term);
    if (!byInitial.has(initial)) byInitial.set(initial, []);
    byInitial.get(initial)!.push({ term, id: ids[index]! });
  });
  const initials = [...byInitial.keys()].sort((a, b) =>
    a === OTHER ? 1 : b === OTHER ? -1 : a < b ? -1 : 1,
  );
  return initials.map((initial) => {
    const pages: SitePage[] = [];
    let bytes = 0;
    const open = () => {
      const number = pages.length + 1;
      pages.push({
        path: number === 1 ? `${initial}/` : `${initial}/${number}/`,
        number,
        rows: [],
      });
      bytes = 0;
    };
    open();
    for (const { term, id } of byInitial.get(initial)!) {
      const base = rowBytes(term);
      const links = term.transcripts.map(linkBytes);
      const whole = base + links.reduce((sum, link) => sum + link, 0);
      if (bytes > 0 && bytes + whole > budget && whole <= budget) open();
      let from = 0;
      while (from < links.length) {
        if (from > 0) open();
        let to = from;
        let used = bytes + base;
        // At least one link a row, so every row is placed, however small the budget.
        while (to < links.length && (to === from || used + links[to]! <= budget)) {
          used += links[to]!;
          to++;
        }
        pages.at(-1)!.rows.push({
          term,
          id,
          transcripts: term.transcripts.slice(from, to),
          continued: from > 0,
        });
        bytes = used;
        from = to;
      }
    }
    return {
      initial,
      label: initial === OTHER ? glossaryPagesStrings.other : same(initial.toUpperCase()),
      terms: byInitial.get(initial)!.length,
      pages,
    };
  });
}

/** The site's terms as search on `/` reads them (`/glossary/terms.json`), each with its page. */
export function siteTermRecords(initials: readonly Initial[]): TermRecord[] {
  return initials.flatMap(({ pages }) =>
    pages.flatMap(({ path, rows }) =>
      rows
        .filter(({ continued }) => !continued)
        .map(({ term: { zh, pinyin, en, abbr }, id }) => ({
          zh,
          pinyin,
          en,
          abbr,
          id,
          page: path,
        })),
    ),
  );
}
