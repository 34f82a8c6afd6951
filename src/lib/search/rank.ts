/**
 * From the turns a search found to the turns a reader sees: each turn's
 * text read as a hit, the hits kept only where the text answers the query,
 * phrase matches first, one result per turn.
 */
import type { Localized } from '../localized.ts';
import type { Language } from '../transcript/language.ts';
import { containsPhrase } from './matches.ts';
import { answers, isHan, pieceTerms, piecesOf, type SearchQuery } from './terms.ts';

/** Turns shown for one query; more would be read past, not searched for. */
export const SHOWN = 10;

export interface Hit {
  slug: string;
  /** The transcript's title. */
  transcript: Localized;
  /** The speaker's name. */
  speaker: Localized;
  turn: number;
  /** Where the turn starts in the recording, in seconds, when its label gives it. */
  start?: number;
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

/** A turn's text in one language, as a search finds it, with where it lives. */
export type TurnText = Omit<Hit, 'marks'>;

/** What every turn is read against: a query's keys as a set, and its Han pieces. */
interface Lookup {
  keys: ReadonlySet<string>;
  han: readonly string[];
}

/** Made once a query, not once a turn: a pasted page has thousands of pieces, a search reads dozens of turns. */
const lookups = new WeakMap<SearchQuery, Lookup>();

function lookupOf(query: SearchQuery): Lookup {
  let lookup = lookups.get(query);
  if (!lookup) {
    lookup = { keys: new Set(query.keys), han: query.pieces.filter(isHan) };
    lookups.set(query, lookup);
  }
  return lookup;
}

/**
 * Reads one turn's text against a query: the words to mark (every Latin
 * word whose index term the query asks for, and the Han pieces as typed),
 * whether the text holds every term of the query, and whether it holds
 * them as one phrase. Reader pages and the site index both read turns
 * through this, so they agree on what matches.
 */
export function hitOf(turn: TurnText, query: SearchQuery): ReadHit {
  const { keys, han } = lookupOf(query);
  const held = new Set<string>();
  const marks = new Set<string>();
  const pieces = piecesOf(turn.text);
  const begins = (piece: string) =>
    query.begun !== undefined && piece.toLocaleLowerCase().startsWith(query.begun.word);
  for (const piece of pieces) {
    const terms = pieceTerms(piece);
    for (const term of terms) held.add(term);
    if (isHan(piece)) continue;
    if (terms.some((term) => keys.has(term)) || begins(piece)) marks.add(piece);
  }
  for (const piece of han) marks.add(piece);
  return {
    hit: { ...turn, marks: [...marks] },
    phrase: containsPhrase(turn.text, query.pieces),
    covers: answers(
      query,
      (term) => held.has(term),
      () => pieces,
    ),
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
 * first, then phrase matches (those whose last word is whole before those
 * where it only begins a word: "kind of" is in "kind of" before "kind
 * offer"), then the order found; one result per turn,
 * shown in the language the query is written in when the turn matched in
 * both. `unread` says whether more turns were found than were read.
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
    .map((entry, order) => ({
      entry,
      order,
      whole: entry.phrase && containsPhrase(entry.hit.text, query.pieces, true),
    }))
    .filter(({ entry }) => isShown(query, entry))
    .sort(
      (a, b) =>
        own(b.entry) - own(a.entry) ||
        Number(b.entry.phrase) - Number(a.entry.phrase) ||
        Number(b.whole) - Number(a.whole) ||
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
