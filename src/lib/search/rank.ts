/**
 * From the records Pagefind found to the turns a reader sees: each record
 * read as a hit, the hits kept only where the turn's own text answers the
 * query, phrase matches first, one result per turn.
 */
import { isLanguage, type Language } from '../transcript/language.ts';
import { containsPhrase, coversQuery, wordsAt } from './matches.ts';
import type { FoundRecord } from './records.ts';
import type { SearchQuery } from './terms.ts';

/** Turns shown for one query; more would be read past, not searched for. */
export const SHOWN = 10;

export interface Hit {
  slug: string;
  transcript: string;
  speaker: string;
  turn: number;
  language: Language;
  /** The turn's text in that language, as the reader sees it. */
  text: string;
  /** The words to mark: in the excerpt and on the turn the result lands on. */
  marks: string[];
}

export interface ReadHit {
  hit: Hit;
  /** The text holds the query as a phrase. */
  phrase: boolean;
  /** The text itself has every word of the query (not only the metadata). */
  covers: boolean;
}

export interface SearchOutcome {
  query: SearchQuery;
  hits: Hit[];
  /** More turns may match than are shown. */
  more: boolean;
}

/** Reads one record; undefined for a record without a transcript and turn to land on. */
export function readHit(record: Omit<FoundRecord, 'url'>, query: SearchQuery): ReadHit | undefined {
  const { content, meta, locations } = record;
  const turn = Number(meta.turn);
  if (!meta.slug || !Number.isInteger(turn) || turn < 1) return undefined;
  const language: Language = isLanguage(meta.language) ? meta.language : 'en';
  // Chinese records index pairs of characters; the text to show travels in the metadata.
  const text = language === 'zh' ? (meta.text ?? '') : content;
  const marks = language === 'zh' ? query.pieces : wordsAt(content, locations);
  return {
    hit: {
      slug: meta.slug,
      transcript: meta.transcript ?? '',
      speaker: meta.speaker ?? '',
      turn,
      language,
      text,
      marks,
    },
    phrase: containsPhrase(text, query.pieces),
    covers: coversQuery(text, query.pieces),
  };
}

/** A hit is shown when its own text has every word of the query, as a phrase if quoted. */
function isShown(query: SearchQuery, entry: ReadHit): boolean {
  return entry.covers && (!query.quoted || entry.phrase);
}

function turnKey(hit: Hit): string {
  return `${hit.slug}#${hit.turn}`;
}

/**
 * The turns of the transcript being read (`current`, on its reader page)
 * first, then phrase matches, then Pagefind's order; one result per turn,
 * shown in the language the query is written in when the turn matched in
 * both. `unread` says whether Pagefind found records that were not read.
 */
export function rank(
  query: SearchQuery,
  read: readonly ReadHit[],
  unread: boolean,
  current?: string,
): SearchOutcome {
  const preferred: Language = query.hasHan ? 'zh' : 'en';
  const own = (entry: ReadHit) => Number(entry.hit.slug === current);
  const ranked = read
    .map((entry, order) => ({ entry, order }))
    .filter(({ entry }) => isShown(query, entry))
    .sort(
      (a, b) =>
        own(b.entry) - own(a.entry) ||
        Number(b.entry.phrase) - Number(a.entry.phrase) ||
        a.order - b.order,
    )
    .map(({ entry }) => entry);

  const byTurn = new Map<string, ReadHit>();
  for (const entry of ranked) {
    const key = turnKey(entry.hit);
    const held = byTurn.get(key);
    // A Map keeps the turn's first place; only which language is shown for it may change.
    if (!held) byTurn.set(key, entry);
    else if (held.phrase === entry.phrase && entry.hit.language === preferred) {
      byTurn.set(key, entry);
    }
  }
  const hits = [...byTurn.values()].map((entry) => entry.hit);
  return { query, hits: hits.slice(0, SHOWN), more: hits.length > SHOWN || unread };
}
