/**
 * A search, from what the reader typed to the turns to show: Pagefind finds
 * the records, which are read in rounds and ranked (src/lib/search/rank.ts).
 */
import { rank, readHit, SHOWN, type ReadHit, type SearchOutcome } from '../../lib/search/rank.ts';
import { parseQuery } from '../../lib/search/terms.ts';
import type { Language } from '../../lib/transcript/language.ts';
import { loadPagefind, type PagefindFilters, type PagefindResult } from './pagefind.ts';

/** Records read in the first round, and in each later one: a turn may match in both languages. */
const FIRST_BATCH = 6;
const BATCH = 12;
/** At most this many records are read to rank and show one query's results. */
const CANDIDATES = 36;

export interface SearchFilters {
  speaker?: string | undefined;
  language?: Language | undefined;
  transcript?: string | undefined;
  /** The transcript of the reader page searched from: its turns come first. */
  current?: string | undefined;
}

export interface SearchCallbacks {
  /** Receives the results known so far while more are still being read. */
  onProgress?: (outcome: SearchOutcome) => void;
  /** False once a newer search has started: this one stops reading. */
  isCurrent?: () => boolean;
}

function pagefindFilters({ speaker, language, transcript }: SearchFilters): PagefindFilters {
  const filters: PagefindFilters = {};
  if (speaker) filters.speaker = [speaker];
  if (language) filters.language = [language];
  if (transcript) filters.transcript = [transcript];
  return filters;
}

export async function searchTurns(
  input: string,
  filters: SearchFilters,
  { onProgress, isCurrent = () => true }: SearchCallbacks = {},
): Promise<SearchOutcome | undefined> {
  const query = parseQuery(input);
  if (!query) return undefined;
  const pagefind = await loadPagefind();
  // Both searches need the same index chunks, so the phrase search costs no extra bytes. A
  // single word needs no phrase search, and the loose one also finds the words it begins.
  const oneWord = !query.terms.includes(' ');
  const searches = (scope: SearchFilters) => {
    const options = { filters: pagefindFilters(scope) };
    return [
      oneWord && !query.quoted ? null : pagefind.search(query.phrase, options),
      query.quoted ? null : pagefind.search(query.terms, options),
    ];
  };
  // On a reader page its own transcript is searched too, so that its turns are read first
  // (Pagefind's order is site-wide, and a result's transcript is known only once it is read).
  const { current } = filters;
  const own = current && !filters.transcript ? searches({ ...filters, transcript: current }) : [];
  const responses = await Promise.all([...own, ...searches(filters)]);

  const seen = new Set<string>();
  const candidates: PagefindResult[] = [];
  for (const result of responses.flatMap((response) => response?.results ?? [])) {
    // A record found through its metadata alone (a title, a speaker's name) is not a quote.
    if (result.words.length === 0 || seen.has(result.id)) continue;
    seen.add(result.id);
    candidates.push(result);
  }

  // Read records in rounds, the first one small so the best results show at once; each read
  // is a fetch and a decompression. Each round's results go to the page as they come.
  const limit = Math.min(candidates.length, CANDIDATES);
  const read: ReadHit[] = [];
  let taken = 0;
  let outcome = rank(query, read, candidates.length > 0, current);
  // Reading stops once a screenful of turns is known.
  const goesOn = () => taken < limit && outcome.hits.length < SHOWN && isCurrent();
  while (goesOn()) {
    const batch = candidates.slice(taken, taken + (taken === 0 ? FIRST_BATCH : BATCH));
    taken += batch.length;
    const records = await Promise.all(batch.map((result) => result.data()));
    for (const record of records) {
      const entry = readHit(record, query);
      if (entry) read.push(entry);
    }
    outcome = rank(query, read, candidates.length > taken, current);
    if (goesOn()) onProgress?.(outcome);
  }
  return outcome;
}
