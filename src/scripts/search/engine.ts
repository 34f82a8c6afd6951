/**
 * A search, from what the reader typed to the turns to show: Pagefind finds
 * the records, turns whose text holds the query as a phrase rank first, and
 * each turn appears once, in the language it matched best.
 */
import {
  containsPhrase,
  coversQuery,
  matchRanges,
  wordsAt,
  type Range,
} from '../../search/matches.ts';
import { parseQuery, type SearchQuery } from '../../search/terms.ts';
import type { Language } from '../../transcript/language.ts';
import { loadPagefind, type PagefindFilters, type PagefindResult } from './pagefind.ts';

/** Records read in the first round, and in each later one: a turn may match in both languages. */
const FIRST_BATCH = 6;
const BATCH = 12;
/** At most this many records are read to rank and show one query's results. */
const CANDIDATES = 36;
export const SHOWN = 10;

export interface SearchFilters {
  speaker?: string | undefined;
  language?: Language | undefined;
  transcript?: string | undefined;
}

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
  ranges: Range[];
}

export interface SearchOutcome {
  query: SearchQuery;
  hits: Hit[];
  /** More turns match than are shown. */
  more: boolean;
}

function pagefindFilters({ speaker, language, transcript }: SearchFilters): PagefindFilters {
  const filters: PagefindFilters = {};
  if (speaker) filters.speaker = [speaker];
  if (language) filters.language = [language];
  if (transcript) filters.transcript = [transcript];
  return filters;
}

async function readHit(result: PagefindResult, query: SearchQuery) {
  const { content, meta, locations } = await result.data();
  const language: Language = meta.language === 'zh' ? 'zh' : 'en';
  // Chinese records index pairs of characters; the text to show travels in the metadata.
  const text = language === 'zh' ? (meta.text ?? '') : content;
  const marks = language === 'zh' ? query.pieces : wordsAt(content, locations);
  const hit: Hit = {
    slug: meta.slug ?? '',
    transcript: meta.transcript ?? '',
    speaker: meta.speaker ?? '',
    turn: Number(meta.turn),
    language,
    text,
    marks,
    ranges: matchRanges(text, marks),
  };
  return {
    hit,
    phrase: containsPhrase(text, query.pieces),
    covers: coversQuery(text, query.pieces),
  };
}

/**
 * Searches the turns. `onProgress` receives the results known so far while
 * more are still being read; the promise resolves with the final ones.
 */
export async function searchTurns(
  input: string,
  filters: SearchFilters,
  onProgress?: (outcome: SearchOutcome) => void,
): Promise<SearchOutcome | undefined> {
  const query = parseQuery(input);
  if (!query) return undefined;
  const pagefind = await loadPagefind();
  const options = { filters: pagefindFilters(filters) };
  // Both searches need the same index chunks, so the phrase search costs no extra bytes. A
  // single word needs no phrase search, and the loose one also finds the words it begins.
  const oneWord = !query.terms.includes(' ');
  const [phrase, loose] = await Promise.all([
    oneWord && !query.quoted ? null : pagefind.search(query.phrase, options),
    query.quoted ? null : pagefind.search(query.terms, options),
  ]);

  const seen = new Set<string>();
  const candidates: PagefindResult[] = [];
  for (const result of [...(phrase?.results ?? []), ...(loose?.results ?? [])]) {
    // A record found through its metadata alone (a title, a speaker's name) is not a quote.
    if (result.words.length === 0 || seen.has(result.id)) continue;
    seen.add(result.id);
    candidates.push(result);
  }

  // Read records in rounds, the first one small so the best results show at once; each read
  // is a fetch and a decompression. Each round's results go to the page as they come.
  const read: Awaited<ReturnType<typeof readHit>>[] = [];
  const turnsRead = new Set<string>();
  let outcome = rank(query, read, candidates.length);
  while (read.length < Math.min(candidates.length, CANDIDATES) && turnsRead.size < SHOWN) {
    const size = read.length === 0 ? FIRST_BATCH : BATCH;
    const batch = candidates.slice(read.length, read.length + size);
    for (const entry of await Promise.all(batch.map((result) => readHit(result, query)))) {
      read.push(entry);
      if (shown(query, entry)) turnsRead.add(`${entry.hit.slug}#${entry.hit.turn}`);
    }
    outcome = rank(query, read, candidates.length);
    if (onProgress && read.length < Math.min(candidates.length, CANDIDATES)) onProgress(outcome);
  }
  return outcome;
}

/** A record is shown when its own text has every word of the query, as a phrase if quoted. */
function shown(query: SearchQuery, entry: { phrase: boolean; covers: boolean }): boolean {
  return entry.covers && (!query.quoted || entry.phrase);
}

/**
 * Phrase matches first, then Pagefind's order; one result per turn, shown
 * in the language the query is written in when the turn matched in both.
 */
function rank(
  query: SearchQuery,
  read: readonly Awaited<ReturnType<typeof readHit>>[],
  candidates: number,
): SearchOutcome {
  const preferred: Language = query.hasHan ? 'zh' : 'en';
  const ranked = read
    .map((entry, order) => ({ ...entry, order }))
    .filter((entry) => shown(query, entry))
    .sort((a, b) => Number(b.phrase) - Number(a.phrase) || a.order - b.order);

  const byTurn = new Map<string, (typeof ranked)[number]>();
  for (const entry of ranked) {
    const key = `${entry.hit.slug}#${entry.hit.turn}`;
    const held = byTurn.get(key);
    if (!held) byTurn.set(key, entry);
    else if (held.phrase === entry.phrase && held.hit.language !== preferred) {
      // Map keeps the turn's place; only what is shown for it changes.
      byTurn.set(key, entry.hit.language === preferred ? entry : held);
    }
  }
  const hits = [...byTurn.values()].map((entry) => entry.hit);
  return {
    query,
    hits: hits.slice(0, SHOWN),
    more: hits.length > SHOWN || candidates > read.length,
  };
}
