/**
 * The spike's Pagefind shapes, as the product had them when the spike ran
 * (the product has since moved to an index of its own): a custom record per
 * turn and language, the metadata fields, a record as `data()` returns it,
 * Pagefind's UI files, and how a found record was read as a hit.
 */
import { same } from '../../src/lib/localized.ts';
import { blankHan, containsPhrase, latinRanges, LATIN_WORD } from '../../src/lib/search/matches.ts';
import type { ReadHit } from '../../src/lib/search/rank.ts';
import { landingHref } from '../../src/lib/search/landing-address.ts';
import { HAN_RUN, hanPairs, isHan, type SearchQuery } from '../../src/lib/search/terms.ts';
import { isLanguage, languages, type Language } from '../../src/lib/transcript/language.ts';
import type { Transcript } from '../../src/lib/transcript/schema.ts';

/** Pagefind's ready-made interfaces, which Duet did not use: removed from the bundle. */
export const PAGEFIND_UI_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-highlight.js',
];

/** What a result carries to the page; Pagefind stores it with the record. */
export interface RecordMeta {
  slug: string;
  transcript: string;
  speaker: string;
  turn: string;
  language: Language;
  /** The turn's text as the reader sees it, for Chinese records, whose indexed words are pairs. */
  text?: string;
}

/** Every metadata field, for telling Pagefind to rank by none of them. */
export const recordMetaFields: readonly (keyof RecordMeta)[] = [
  'slug',
  'transcript',
  'speaker',
  'turn',
  'language',
  'text',
];

/** A record as Pagefind hands it back to the page: the fragment `result.data()` resolves to. */
export interface FoundRecord {
  url: string;
  content: string;
  meta: Partial<Record<keyof RecordMeta | 'title', string>>;
  locations: readonly number[];
}

/** A record as Duet gave it to Pagefind's indexer. */
export interface SearchRecord {
  url: string;
  content: string;
  language: 'en';
  meta: Record<string, string>;
  filters: { speaker: string[]; language: Language[]; transcript: string[] };
}

export function recordsOf(slug: string, transcript: Transcript): SearchRecord[] {
  return transcript.turns.flatMap((turn) =>
    languages.map((language) => {
      const { text } = turn[language];
      const meta: Omit<RecordMeta, 'text'> = {
        slug,
        transcript: transcript.title.en,
        speaker: turn.speaker,
        turn: String(turn.number),
        language,
      };
      return {
        url: landingHref({ slug, turn: turn.number, language, marks: [] }),
        content: language === 'zh' ? searchableText(text) : text,
        language: 'en',
        meta: language === 'zh' ? { ...meta, text } : meta,
        filters: { speaker: [turn.speaker], language: [language], transcript: [slug] },
      } satisfies SearchRecord;
    }),
  );
}

/** Reads one record; undefined for a record without a transcript and turn to land on. */
export function readHit(record: Omit<FoundRecord, 'url'>, query: SearchQuery): ReadHit | undefined {
  const { content, meta, locations } = record;
  const turn = Number(meta.turn);
  if (!meta.slug || !Number.isInteger(turn) || turn < 1) return undefined;
  const language: Language = isLanguage(meta.language) ? meta.language : 'en';
  const text = language === 'zh' ? (meta.text ?? '') : content;
  const marks = language === 'zh' ? query.pieces : wordsAt(content, locations);
  return {
    hit: {
      slug: meta.slug,
      transcript: same(meta.transcript ?? ''),
      speaker: same(meta.speaker ?? ''),
      turn,
      language,
      text,
      marks,
    },
    phrase: containsPhrase(text, query.pieces),
    covers: coversQuery(text, query.pieces),
  };
}

/** The words Pagefind indexes for a text: Han runs as pairs, the rest as written. */
export function searchableText(text: string): string {
  return text.replace(HAN_RUN, (run) => ` ${hanPairs(run).join(' ')} `);
}

/**
 * The shortest beginning of a Latin query word that its inflections share:
 * "alignment" -> "align", so aligned and aligning count too. Lenient on
 * purpose; Pagefind's stemmer has already chosen the records.
 */
function stemPrefix(word: string): string {
  const lowered = word.toLocaleLowerCase();
  return lowered.slice(0, Math.max(Math.min(3, lowered.length), lowered.length - 4));
}

/**
 * Whether every piece of a query is in `text` itself: each pair of a Han
 * piece, and for each Latin piece a word that begins like it. Pagefind also
 * matches a record's metadata (its transcript's title, its speaker), so
 * "alignment 对齐" would otherwise find every turn that says 对齐 in a
 * transcript titled "What is alignment?".
 */
export function coversQuery(text: string, pieces: readonly string[]): boolean {
  const blanked = blankHan(text);
  return pieces.every((piece) =>
    isHan(piece)
      ? hanPairs(piece).every((pair) => text.includes(pair))
      : latinRanges(blanked, [stemPrefix(piece)]).length > 0,
  );
}

/**
 * The words Pagefind matched in an English record, from its word positions:
 * Pagefind numbers the words of a record split on whitespace.
 */
export function wordsAt(content: string, locations: readonly number[]): string[] {
  const words = content.split(/[\r\n\s]+/g);
  const found = new Set<string>();
  for (const location of locations) {
    const word = words[location]?.match(LATIN_WORD)?.[0];
    if (word) found.add(word);
  }
  return [...found];
}

/** A query as Pagefind was asked it: its words with Han runs as pairs, and the same as one phrase. */
export function pagefindQuery(query: SearchQuery): { terms: string; phrase: string } {
  const terms = searchableText(query.pieces.join(' ')).replace(/\s+/gu, ' ').trim();
  return { terms, phrase: `"${terms}"` };
}
