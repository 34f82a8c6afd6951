/**
 * The records Pagefind indexes: one per turn and language, so every result
 * is tied to one turn and says which language it was found in.
 */
import { languages, type Language } from '../transcript/language.ts';
import type { Transcript } from '../transcript/schema.ts';
import { landingHref } from './landing-address.ts';
import { searchableText } from './terms.ts';

/** What a result carries to the page; Pagefind stores it with the record. */
export interface RecordMeta {
  slug: string;
  /** The transcript's title. */
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
  /** The record's indexed text. */
  content: string;
  meta: Partial<Record<keyof RecordMeta | 'title', string>>;
  /** Positions of the matched words among the content's whitespace-separated words. */
  locations: readonly number[];
}

/** A record as Duet gives it to Pagefind's indexer. */
export interface SearchRecord {
  /** Unique per record: records that share a URL collapse into one. */
  url: string;
  content: string;
  /** Every record is indexed as English: Chinese is already cut into pairs, and Latin words get English stemming. */
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
        transcript: transcript.title,
        speaker: turn.speaker,
        turn: String(turn.number),
        language,
      };
      return {
        // The landing address without words to mark: unique to the turn and language.
        url: landingHref({ slug, turn: turn.number, language, marks: [] }),
        content: language === 'zh' ? searchableText(text) : text,
        language: 'en',
        meta: language === 'zh' ? { ...meta, text } : meta,
        filters: { speaker: [turn.speaker], language: [language], transcript: [slug] },
      } satisfies SearchRecord;
    }),
  );
}
