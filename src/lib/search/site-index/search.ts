/**
 * A query against the site index: from the query's keys to the turns to
 * show, in as few and as small fetches as the answer allows.
 *
 * 1. The shards of every key, in parallel. A key no document holds means
 *    no turn holds them all: nothing is found, and nothing more fetched.
 *    A key no document of one language holds rules out that language.
 * 2. In each language left (the filter's alone, if there is one),
 *    candidates come from the rarest key's postings there, best first. A
 *    key whose first block is all of its postings rules out, exactly,
 *    every candidate it does not hold; the others order the candidates:
 *    first those that more of the other keys' first blocks hold, then
 *    those in the query's language, then by BM25. Where the rarest keys'
 *    postings fit in a few continuation blocks, those are fetched first,
 *    so that the keys are complete and the intersection exact.
 * 3. The candidates are read in rounds (a fragment each, the first round
 *    small so the best results show at once, the later ones as large as
 *    the results still missing need), each read with
 *    `hitOf` and ranked with `rank`, until a screenful is known, the reads
 *    run out, or a newer search starts. When the candidates run out first,
 *    the rarest keys' continuation blocks are fetched, one at a time.
 *
 * A turn is shown only when its own text holds every key (`hitOf`), so the
 * postings only choose what to read; they never decide what matches.
 */
import { languages, type Language } from '../../transcript/language.ts';
import { hitOf, rank, SHOWN, type ReadHit, type SearchOutcome } from '../rank.ts';
import { inverseFrequency } from '../score.ts';
import type { SearchQuery } from '../terms.ts';
import { isSpeaker, languageOf, speakerTerm, type Fragment, type Posting } from './format.ts';
import type { SiteIndexReader, TermPostings } from './reader.ts';

/** Documents read in the first round, and at most in each later one. */
export const FIRST_ROUND = 6;
export const ROUND = 12;
/** At most this many documents are read for one query. */
export const MOST_READ = 36;
/** At most this many continuation blocks of the rarest keys are fetched for one query. */
export const MOST_CONTINUATIONS = 4;

export interface SiteFilters {
  /** A speaker's key or either of their names. */
  speaker?: string | undefined;
  language?: Language | undefined;
}

export interface SiteSearchCallbacks {
  /** Receives the results known so far while more are still being read. */
  onProgress?: ((outcome: SearchOutcome) => void) | undefined;
  /** False once a newer search has started: this one stops reading. */
  isCurrent?: (() => boolean) | undefined;
}

/** One key of the query in one language, with what of its postings is known. */
interface Key {
  list: TermPostings;
  /** Its postings read so far, best first: the first block, and any continuation blocks. */
  postings: Posting[];
  /** Document -> weight, for the documents of `postings`. */
  known: Map<number, number>;
  idf: number;
  /** `postings` are all of its postings. */
  complete: boolean;
  /** A filter, not a word: it rules candidates out but does not order them. */
  filter: boolean;
}

/** The search in one language's documents: candidates from the rarest key's postings there. */
interface Plan {
  language: Language;
  driver: Key;
  others: Key[];
  /** Continuation blocks of the driver read so far. */
  blocks: number;
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
  if (wanted.length === 0 || entries.some((entry) => entry === undefined)) {
    return rank(query, [], false);
  }

  const plans: Plan[] = [];
  for (const language of filters.language ? [filters.language] : languages) {
    const lists = entries.map((entry) => entry![language]);
    // A key that no document in this language holds: none of them can match.
    if (lists.some((list) => list === undefined)) continue;
    const keys = lists.map((list, i): Key => ({
      list: list!,
      postings: list!.first,
      known: new Map(list!.first.map(({ document, weight }) => [document, weight])),
      idf: inverseFrequency(manifest.turns, list!.df),
      complete: list!.blocks === 0,
      filter: wanted[i]!.filter,
    }));
    // The rarest key; of equal ones the first, so the same query always reads the same files.
    const driver = keys.reduce((rarest, key) => (key.list.df < rarest.list.df ? key : rarest));
    plans.push({ language, driver, others: keys.filter((key) => key !== driver), blocks: 0 });
  }
  const preferred: Language = query.hasHan ? 'zh' : 'en';
  // The query's language first, for its continuation blocks too.
  plans.sort((a, b) => Number(b.language === preferred) - Number(a.language === preferred));
  let budget = MOST_CONTINUATIONS;
  budget -= await completeRarest(reader, plans, budget);
  const candidates = new Candidates(preferred);
  candidates.admit(plans.map((plan) => ({ plan, postings: plan.driver.postings })));
  const withBlocks = () => plans.find((plan) => plan.blocks < plan.driver.list.blocks);

  const read: ReadHit[] = [];
  let taken = 0;
  let outcome = rank(query, read, candidates.waiting() || !!withBlocks());
  const goesOn = () => outcome.hits.length < SHOWN && taken < MOST_READ && isCurrent();
  while (goesOn()) {
    if (!candidates.waiting()) {
      const plan = withBlocks();
      if (!plan || budget === 0) break;
      budget--;
      const postings = await reader.continuation(plan.driver.list, ++plan.blocks);
      candidates.admit([{ plan, postings }]);
      continue;
    }
    const size = roundSize(taken, outcome.hits.length);
    const documents = candidates.take(Math.min(size, MOST_READ - taken));
    taken += documents.length;
    const fragments = await Promise.all(documents.map((document) => reader.fragment(document)));
    for (const [i, fragment] of fragments.entries()) {
      const hit = readDocument(documents[i]!, fragment, query, filters);
      if (hit) read.push(hit);
    }
    outcome = rank(query, read, candidates.waiting() || !!withBlocks());
    if (goesOn()) onProgress?.(outcome);
  }
  return outcome;
}

/**
 * Exact where it is cheap: in a plan of several keys, the rarest keys'
 * lists are completed, all their continuation blocks fetched at once,
 * while the blocks stay within `budget`. A complete key rules out every
 * document it does not hold, so two keys of a few hundred documents each
 * are intersected exactly, and the reads go to documents that match.
 * Returns the blocks fetched.
 */
async function completeRarest(
  reader: SiteIndexReader,
  plans: readonly Plan[],
  budget: number,
): Promise<number> {
  const completing: Key[] = [];
  let left = budget;
  for (const plan of plans) {
    if (plan.others.length === 0) continue;
    for (const key of [plan.driver, ...plan.others].sort((a, b) => a.list.df - b.list.df)) {
      if (key.complete) continue;
      if (key.list.blocks > left) break;
      left -= key.list.blocks;
      completing.push(key);
    }
  }
  await Promise.all(
    completing.map(async (key) => {
      const numbers = Array.from({ length: key.list.blocks }, (_, i) => i + 1);
      const blocks = await Promise.all(
        numbers.map((block) => reader.continuation(key.list, block)),
      );
      key.postings = [...key.postings, ...blocks.flat()];
      for (const { document, weight } of blocks.flat()) key.known.set(document, weight);
      key.complete = true;
    }),
  );
  for (const plan of plans) if (plan.driver.complete) plan.blocks = plan.driver.list.blocks;
  return budget - left;
}

/**
 * How many documents the next round reads: `FIRST_ROUND` first, then as
 * many as the screenful still needs at the share of reads that became
 * results so far, at most `ROUND`. Candidates that nearly all match cost
 * a few more reads, not a dozen.
 */
export function roundSize(taken: number, shown: number): number {
  if (taken === 0) return FIRST_ROUND;
  const share = shown / taken;
  if (share === 0) return ROUND;
  return Math.max(1, Math.min(ROUND, Math.ceil((SHOWN - shown) / share)));
}

/** A document read against the query; undefined when it is not the filter's speaker. */
function readDocument(
  document: number,
  fragment: Fragment,
  query: SearchQuery,
  filters: SiteFilters,
): ReadHit | undefined {
  if (filters.speaker && !isSpeaker(filters.speaker, fragment.speaker, fragment.name)) {
    return undefined;
  }
  return hitOf(
    {
      slug: fragment.slug,
      transcript: fragment.title,
      speaker: fragment.name,
      turn: fragment.turn,
      language: languageOf(document),
      text: fragment.text,
    },
    query,
  );
}

/** The documents to read, in order: each admission's postings sorted as they come. */
class Candidates {
  readonly #preferred: Language;
  readonly #queue: number[] = [];
  #next = 0;

  /** `preferred`: of candidates that equally many keys hold, those in this language are read first. */
  constructor(preferred: Language) {
    this.#preferred = preferred;
  }

  /** Adds postings of plans' drivers: those another key rules out are left out, the rest ordered. */
  admit(batches: readonly { plan: Plan; postings: readonly Posting[] }[]): void {
    const scored: { document: number; held: number; preferred: number; score: number }[] = [];
    for (const { plan, postings } of batches) {
      const preferred = Number(plan.language === this.#preferred);
      for (const { document, weight } of postings) {
        let held = 0;
        let score = plan.driver.idf * weight;
        let ruledOut = false;
        for (const key of plan.others) {
          const other = key.known.get(document);
          if (other === undefined) {
            ruledOut ||= key.complete;
          } else if (!key.filter) {
            held++;
            score += key.idf * other;
          }
        }
        if (!ruledOut) scored.push({ document, held, preferred, score });
      }
    }
    // Stable: of equal ones, the block's own order (weight, then document) stays.
    scored.sort((a, b) => b.held - a.held || b.preferred - a.preferred || b.score - a.score);
    for (const { document } of scored) this.#queue.push(document);
  }

  waiting(): boolean {
    return this.#next < this.#queue.length;
  }

  take(count: number): number[] {
    const documents = this.#queue.slice(this.#next, this.#next + count);
    this.#next += documents.length;
    return documents;
  }
}
