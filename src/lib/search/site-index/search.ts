/**
 * A query against the site index: from the query's keys to the turns to
 * show, in as few and as small fetches as the answer allows.
 *
 * 1. The shards of every key, in parallel. A key no document holds means
 *    no turn holds them all: nothing is found, and nothing more fetched.
 * 2. Candidates come from the rarest key's postings, best first. A key
 *    whose first block is all of its postings rules out, exactly, every
 *    candidate it does not hold; the others order the candidates: first
 *    those that more of the other keys' first blocks hold, then by BM25.
 *    The language filter applies to the postings themselves.
 * 3. The candidates' turns are read in rounds (a fragment each, the first
 *    round small so the best results show at once), each read with
 *    `hitOf` and ranked with `rank`, until a screenful is known, the reads
 *    run out, or a newer search starts. When the candidates run out first,
 *    the rarest key's continuation blocks are fetched, one at a time.
 *
 * A turn is shown only when its own text holds every key (`hitOf`), so the
 * postings only choose what to read; they never decide what matches.
 */
import type { Language } from '../../transcript/language.ts';
import { hitOf, rank, SHOWN, type ReadHit, type SearchOutcome } from '../rank.ts';
import type { SearchQuery } from '../terms.ts';
import { idf, languageOf, speakerTerm, turnOf, type Fragment, type Posting } from './format.ts';
import type { SiteIndexReader, TermPostings } from './reader.ts';

/** Turns read in the first round, and in each later one. */
export const FIRST_ROUND = 6;
export const ROUND = 12;
/** At most this many turns are read for one query. */
export const MOST_READ = 36;
/** At most this many continuation blocks of the rarest key are fetched for one query. */
export const MOST_CONTINUATIONS = 4;

export interface SiteFilters {
  speaker?: string | undefined;
  language?: Language | undefined;
}

export interface SiteSearchCallbacks {
  /** Receives the results known so far while more are still being read. */
  onProgress?: ((outcome: SearchOutcome) => void) | undefined;
  /** False once a newer search has started: this one stops reading. */
  isCurrent?: (() => boolean) | undefined;
}

/** One key of the query, with what of its postings is known. */
interface Key {
  entry: TermPostings;
  /** Document -> weight, for the documents of its first block. */
  known: Map<number, number>;
  idf: number;
  /** Its first block is all of its postings. */
  complete: boolean;
  /** A filter, not a word: it rules candidates out but does not order them. */
  filter: boolean;
}

export async function searchIndex(
  reader: SiteIndexReader,
  query: SearchQuery,
  filters: SiteFilters,
  { onProgress, isCurrent = () => true }: SiteSearchCallbacks = {},
): Promise<SearchOutcome> {
  const manifest = await reader.manifest();
  const wanted = query.keys.map((term) => ({ term, filter: false }));
  if (filters.speaker) wanted.push({ term: speakerTerm(filters.speaker), filter: true });
  const entries = await Promise.all(wanted.map(({ term }) => reader.term(term)));
  if (entries.length === 0 || entries.some((entry) => entry === undefined)) {
    return rank(query, [], false);
  }

  const keys: Key[] = entries.map((entry, i) => ({
    entry: entry!,
    known: new Map(entry!.first.map(({ document, weight }) => [document, weight])),
    idf: idf(entry!.df, manifest.documents),
    complete: entry!.blocks === 0,
    filter: wanted[i]!.filter,
  }));
  // The rarest key; of equal ones the first, so the same query always reads the same files.
  const driver = keys.reduce((rarest, key) => (key.entry.df < rarest.entry.df ? key : rarest));
  const others = keys.filter((key) => key !== driver);
  const candidates = new Candidates(driver, others, filters.language);
  candidates.admit(driver.entry.first);
  let blocks = 0;
  const moreBlocks = () => blocks < driver.entry.blocks;

  const read: ReadHit[] = [];
  let taken = 0;
  let outcome = rank(query, read, candidates.waiting() || moreBlocks());
  const goesOn = () => outcome.hits.length < SHOWN && taken < MOST_READ && isCurrent();
  while (goesOn()) {
    if (!candidates.waiting()) {
      if (!moreBlocks() || blocks >= MOST_CONTINUATIONS) break;
      candidates.admit(await reader.continuation(driver.entry, ++blocks));
      continue;
    }
    const turns = candidates.take(Math.min(taken === 0 ? FIRST_ROUND : ROUND, MOST_READ - taken));
    taken += turns.length;
    const fragments = await Promise.all(turns.map((turn) => reader.fragment(turn)));
    for (const fragment of fragments) read.push(...readTurn(fragment, query, filters));
    outcome = rank(query, read, candidates.waiting() || moreBlocks());
    if (goesOn()) onProgress?.(outcome);
  }
  return outcome;
}

/** A turn's texts, in the languages the filter allows, read against the query. */
function readTurn(fragment: Fragment, query: SearchQuery, filters: SiteFilters): ReadHit[] {
  if (filters.speaker && fragment.speaker !== filters.speaker) return [];
  const languages: Language[] = filters.language ? [filters.language] : ['zh', 'en'];
  return languages.map((language) =>
    hitOf(
      {
        slug: fragment.slug,
        transcript: fragment.title,
        speaker: fragment.speaker,
        turn: fragment.turn,
        language,
        text: fragment[language],
      },
      query,
    ),
  );
}

/** The turns to read, in order: each block's postings sorted as they are admitted. */
class Candidates {
  readonly #driver: Key;
  readonly #others: readonly Key[];
  readonly #language: Language | undefined;
  readonly #queue: number[] = [];
  readonly #queued = new Set<number>();
  #next = 0;

  constructor(driver: Key, others: readonly Key[], language: Language | undefined) {
    this.#driver = driver;
    this.#others = others;
    this.#language = language;
  }

  admit(postings: readonly Posting[]): void {
    const scored: { turn: number; held: number; score: number }[] = [];
    for (const { document, weight } of postings) {
      if (this.#language && languageOf(document) !== this.#language) continue;
      let held = 0;
      let score = this.#driver.idf * weight;
      let ruledOut = false;
      for (const key of this.#others) {
        const other = key.known.get(document);
        if (other === undefined) {
          ruledOut ||= key.complete;
        } else if (!key.filter) {
          held++;
          score += key.idf * other;
        }
      }
      if (!ruledOut) scored.push({ turn: turnOf(document), held, score });
    }
    // Stable: of equal ones, the block's own order (weight, then document) stays.
    scored.sort((a, b) => b.held - a.held || b.score - a.score);
    for (const { turn } of scored) {
      if (this.#queued.has(turn)) continue;
      this.#queued.add(turn);
      this.#queue.push(turn);
    }
  }

  waiting(): boolean {
    return this.#next < this.#queue.length;
  }

  take(count: number): number[] {
    const turns = this.#queue.slice(this.#next, this.#next + count);
    this.#next += turns.length;
    return turns;
  }
}
