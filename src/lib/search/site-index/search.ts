/**
 * A query against the site index: from the query's keys to the turns to
 * show, in a bounded number of fetches (`MOST_FETCHES`), each small.
 *
 * 1. The shards of the query's terms (a longer query is looked up by its
 *    `MOST_KEYS` longest, `lookedUp`, its whole text still checked on
 *    every turn read), the speaker's, and the query's phrase keys (keys.ts)
 *    that exist, all at once: the phrase keys with a part the manifest
 *    names common (format.ts), at most `MOST_PHRASE_KEYS`, the rarest by
 *    their parts' frequencies. A key no document holds means no turn holds
 *    them all: nothing is found, and nothing more fetched. A key no
 *    document of one language holds rules out that language; so does a
 *    phrase key that exists in a language but is in no shard: no text of
 *    the language holds those words together.
 * 2. In each language left, the keys are intersected exactly where that
 *    is cheap: the whole lists of the rarest keys, while their bytes stay
 *    within `LIST_BYTES`, rule out every document they do not hold. The
 *    candidates come from the rarest key: its whole list when fetched,
 *    else its first block (the best postings). Phrase keys come first, so
 *    the turns that hold the query's words together are read before those
 *    that only hold them somewhere; those follow, from the words alone.
 *    Before any list is fetched, the first turns that the starts of the
 *    phrase keys' lists (their first blocks) all hold are read
 *    (`headStage`): often a screenful, a round of lists sooner.
 *    Candidates are read in order of how many other keys' best postings
 *    hold them, the query's own language first, then by BM25.
 * 3. The candidates are read in rounds (a text each, the first round small
 *    so the best results show at once, the later ones as large as the
 *    results still missing need), each read with `hitOf` and ranked with
 *    `rank`, until a screenful is known, `MOST_READ` are read, the
 *    candidates run out, or a newer search starts.
 *
 * A turn is shown only when its own text holds every term of the query
 * (`hitOf`), so the postings only choose what to read; they never decide
 * what matches.
 */
import { languages, type Language } from '../../transcript/language.ts';
import { hitOf, rank, SHOWN, type ReadHit, type SearchOutcome } from '../rank.ts';
import { inverseFrequency } from '../score.ts';
import type { SearchQuery } from '../terms.ts';
import { isSpeaker, languageOf, speakerTerm, type Fragment, type Manifest } from './format.ts';
import { isIndexed, isPhraseKey, partsOf, phraseKeys } from './keys.ts';
import type { SiteIndexReader, TermEntry, TermPostings } from './reader.ts';

/** Documents read in the first round, and at most in each later one. */
export const FIRST_ROUND = 6;
export const ROUND = 12;
/** At most this many documents are read for one query. */
export const MOST_READ = 36;
/**
 * Bytes of texts one query may read: reading stops after the round that
 * passes it. A screenful of long turns, or three of short ones.
 */
export const TEXT_BYTES = 20_000;
/** A query's terms looked up: a longer query (a pasted page) is looked up by its first ones. */
export const MOST_KEYS = 8;
/** At most this many phrase keys are looked up for one query. */
export const MOST_PHRASE_KEYS = 4;
/** Bytes of whole posting lists one query may fetch: a few lists of a few thousand documents. */
export const LIST_BYTES = 16_000;
/**
 * The least share of the site over which a query's lists are intersected:
 * a key whose list would shrink it further is not fetched. A phrase's
 * holders in a quarter of the site are still many, where it has many.
 */
export const LEAST_SHARE = 0.25;
/**
 * The most files and ranges one query fetches, whatever it is: the
 * manifest, a shard per key (the speaker's too), a whole list per key,
 * and a pack's header and a text for each document read.
 */
export const MOST_FETCHES = 1 + 2 * (MOST_KEYS + 1 + MOST_PHRASE_KEYS) + 2 * MOST_READ;

/** What one query may fetch beyond its words' shards: `LIMITS`, unless a measurement varies them. */
export interface SearchLimits {
  /** Bytes of whole posting lists (`LIST_BYTES`). */
  listBytes: number;
  /** Phrase keys looked up (`MOST_PHRASE_KEYS`). */
  phraseKeys: number;
}

export const LIMITS: SearchLimits = { listBytes: LIST_BYTES, phraseKeys: MOST_PHRASE_KEYS };

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
  /** Document -> weight, for the documents of its first block. */
  best: Map<number, number>;
  idf: number;
  /** The documents that hold it, up to `until`, once its whole list or its start is known. */
  all?: Set<number>;
  /** The last document up to which `all` is every document that holds it: Infinity for all of them. */
  until: number;
  /** `all` is the start of its list its shard holds, and the list is longer: fetching it knows more. */
  head: boolean;
  /** A filter, not a word: it rules candidates out but does not order them. */
  filter: boolean;
}

/** The search in one language's documents. */
interface Plan {
  language: Language;
  /** The keys of the query's words and the speaker's. */
  words: Key[];
  /** The phrase keys that exist in this language; none when no text holds one of them. */
  phrases: Key[];
}

interface Wanted {
  term: string;
  filter: boolean;
}

export async function searchIndex(
  reader: SiteIndexReader,
  query: SearchQuery,
  filters: SiteFilters,
  { onProgress, isCurrent = () => true }: SiteSearchCallbacks = {},
  limits: SearchLimits = LIMITS,
): Promise<SearchOutcome> {
  const manifest = await reader.manifest();
  const wanted: Wanted[] = lookedUp(query).map((term) => ({ term, filter: false }));
  if (filters.speaker) wanted.push({ term: speakerTerm(filters.speaker), filter: true });
  // The phrase keys are chosen from the manifest's frequencies, so their shards come with the words'.
  const chosen = choosePhraseKeys(
    query,
    new Set(wanted.map(({ term }) => term)),
    manifest,
    filters.language,
  ).slice(0, limits.phraseKeys);
  const [entries, phraseEntries] = await Promise.all([
    Promise.all(wanted.map(({ term }) => reader.term(term))),
    Promise.all(chosen.map((key) => reader.term(key))),
  ]);
  if (wanted.length === 0 || entries.some((entry) => entry === undefined)) {
    return rank(query, [], false);
  }
  const found = new Map(wanted.map(({ term }, i) => [term, entries[i]!]));

  const plans: Plan[] = [];
  for (const language of filters.language ? [filters.language] : languages) {
    const lists = entries.map((entry) => entry![language]);
    // A key that no document in this language holds: none of them can match.
    if (lists.some((list) => list === undefined)) continue;
    const key = (list: TermPostings, filter: boolean): Key => {
      const documents = list.first.map(({ document }) => document);
      const head = isPhraseKey(list.term);
      return {
        list,
        best: new Map(list.first.map(({ document, weight }) => [document, weight])),
        idf: inverseFrequency(manifest.turns, list.df),
        // A phrase key's first block is the start of its list (format.ts).
        ...(head && { all: new Set(documents) }),
        until: !head ? -1 : list.whole ? (documents.at(-1) ?? -1) : Infinity,
        head: head && list.whole !== undefined,
        filter,
      };
    };
    const isCommon = commonIn(found, language, manifest);
    const indexed = chosen
      .map((phrase, i) => ({ phrase, list: phraseEntries[i]?.[language] }))
      .filter(({ phrase }) => isIndexed(phrase, isCommon));
    plans.push({
      language,
      words: lists.map((list, i) => key(list!, wanted[i]!.filter)),
      // A phrase key that exists here, in no text of this language: no text holds the words together.
      phrases: indexed.every(({ list }) => list !== undefined)
        ? indexed.map(({ list }) => key(list!, false))
        : [],
    });
  }
  const preferred: Language = query.hasHan ? 'zh' : 'en';
  // The query's language first, for the bytes of whole lists too.
  plans.sort((a, b) => Number(b.language === preferred) - Number(a.language === preferred));

  let budget = limits.listBytes;
  /**
   * Fetches, at once, the whole lists of the rarest of `keys` while they
   * fit in what is left of the budget, and of the next ones, where they do
   * not, the same share of each from its start, so that they are exact
   * together over the first `share` of the site. A key that would leave
   * that share under `LEAST_SHARE` is not fetched.
   */
  const complete = async (keys: readonly Key[]) => {
    const sorted = [...keys].sort((a, b) => a.list.df - b.list.df);
    // A key whose first block is all of it, and is no more than a screenful: read those, no list.
    const few = sorted.findIndex((key) => !key.list.whole && key.list.df <= SHOWN);
    const wanted = (few >= 0 ? sorted.slice(0, few + 1) : sorted)
      .filter((key) => !key.all || key.head)
      .map((key) => ({ key, length: key.list.whole?.length ?? 0 }));
    let whole = 0;
    while (whole < wanted.length && wanted[whole]!.length <= budget)
      budget -= wanted[whole++]!.length;
    let started = whole;
    let rest = 0;
    while (started < wanted.length && budget / (rest + wanted[started]!.length) >= LEAST_SHARE) {
      rest += wanted[started++]!.length;
    }
    const share = rest > 0 ? budget / rest : 1;
    budget -= Math.min(budget, rest);
    await Promise.all(
      wanted.slice(0, started).map(async ({ key, length }, i) => {
        const { documents, until } = await reader.documents(
          key.list,
          i < whole ? length : Math.floor(length * share),
        );
        key.head = false;
        if (until <= key.until) return;
        key.all = new Set(documents);
        key.until = until;
      }),
    );
  };
  const phrased = plans.filter((plan) => plan.phrases.length > 0);
  const stages = [...phrased.map(headStage), ...phrased.map(phraseStage), ...plans.map(wordStage)];
  const candidates = new Candidates();
  let truncated = false;
  // The candidates that hold the query's phrase keys: read on until one of them is the phrase.
  let together = 0;

  const read: ReadHit[] = [];
  let taken = 0;
  let textBytes = 0;
  let outcome = rank(query, read, true);
  const seeking = () => taken < together && !read.some((entry) => entry.phrase && entry.covers);
  const wanting = () => outcome.hits.length < SHOWN || seeking();
  const reading = () => taken < MOST_READ && textBytes < TEXT_BYTES && isCurrent();
  while (wanting() && reading()) {
    if (!candidates.waiting()) {
      const stage = stages.shift();
      if (!stage) break;
      await complete(stage.exact);
      truncated = (await candidates.admit(stage)) || truncated;
      if (stage.phrase) together = candidates.size;
      continue;
    }
    const size = outcome.hits.length < SHOWN ? roundSize(taken, outcome.hits.length) : FIRST_ROUND;
    const documents = candidates.take(Math.min(size, MOST_READ - taken));
    taken += documents.length;
    // Once results are on screen, the rest are read at low priority: a newer query's reads,
    // started while these are still waiting for a connection, go first.
    const priority = outcome.hits.length > 0 ? 'low' : 'high';
    const fragments = await Promise.all(
      documents.map((document) => reader.fragment(document, priority)),
    );
    for (const [i, fragment] of fragments.entries()) {
      textBytes += fragment.bytes;
      const hit = readDocument(documents[i]!, fragment, query, filters);
      if (hit) read.push(hit);
    }
    outcome = rank(query, read, true);
    if (wanting() && reading()) onProgress?.(outcome);
  }
  return rank(query, read, candidates.waiting() || stages.length > 0 || truncated);
}

/**
 * The terms a query is looked up by: all of them, or, of a longer query (a
 * pasted page), the `MOST_KEYS` longest that a turn must hold (not those
 * of a word still being typed), in the query's order. A longer word is
 * mostly a rarer one, and the short lists of rare words rule out at once
 * the turns that do not hold them all, where a page's first words are
 * mostly common ones, held by many turns that would then be read.
 */
export function lookedUp(query: SearchQuery): string[] {
  if (query.keys.length <= MOST_KEYS) return query.keys;
  const length = (key: string) => [...key].length;
  const longest = new Set(
    [...query.required].sort((a, b) => length(b) - length(a)).slice(0, MOST_KEYS),
  );
  return query.keys.filter((key) => longest.has(key));
}

/** Candidates to admit together, and the keys whose whole lists are worth fetching for them. */
interface Stage {
  /** The keys that order and rule out the candidates. */
  keys: Key[];
  /** The keys to intersect exactly, as far as the budget goes. */
  exact: Key[];
  /** Its candidates hold the query's words together. */
  phrase: boolean;
  /** Only the candidates that every key whose documents are known is known to hold, as far as each is known. */
  known: boolean;
}

/**
 * The turns that hold the phrase keys of one language, and the words that
 * are no part of one (a word that is part of a phrase key is held by every
 * turn that holds the key, so its whole list would rule out nothing).
 */
function phraseStage(plan: Plan): Stage {
  const parts = new Set(plan.phrases.flatMap((key) => partsOf(key.list.term)));
  return {
    keys: [...plan.phrases, ...plan.words],
    exact: [...plan.phrases, ...plan.words.filter((key) => !parts.has(key.list.term))],
    phrase: true,
    known: false,
  };
}

/**
 * Before it, with nothing fetched: the turns that the starts of the phrase
 * keys' lists, in their shards, all hold, up to where each start ends.
 * They are the first turns of the site that hold the keys, which the
 * phrase stage would read first, found a round of whole lists sooner.
 */
function headStage(plan: Plan): Stage {
  return { keys: [...plan.phrases, ...plan.words], exact: [], phrase: true, known: true };
}

/** The turns that hold the words of one language, anywhere; one word alone is read best first. */
function wordStage(plan: Plan): Stage {
  return {
    keys: plan.words,
    exact: plan.words.length > 1 ? plan.words : [],
    phrase: false,
    known: false,
  };
}

/** Whether a term is common in a language, by its postings there: what makes a phrase key of it. */
function commonIn(found: Map<string, TermEntry>, language: Language, manifest: Manifest) {
  return (term: string) => (found.get(term)?.[language]?.df ?? 0) >= manifest.common;
}

const frequentByManifest = new WeakMap<Manifest, Record<Language, Map<string, number>>>();

/**
 * A term's document frequency in a language as the manifest knows it: a
 * common term's own, any other's taken as half the least of a common one
 * (it is less), which orders the phrase keys made with it before those of
 * two common terms.
 */
function frequencyOf(manifest: Manifest): (term: string, language: Language) => number {
  let frequent = frequentByManifest.get(manifest);
  if (!frequent) {
    frequent = { zh: new Map(manifest.frequent.zh), en: new Map(manifest.frequent.en) };
    frequentByManifest.set(manifest, frequent);
  }
  const known = frequent;
  return (term, language) => known[language].get(term) ?? manifest.common / 2;
}

/**
 * The phrase keys that exist: those both of whose parts are looked up,
 * indexed in a language searched (a part is common there, as the
 * manifest says), each once, the rarest first by their parts'
 * frequencies (as if the parts were independent).
 */
function choosePhraseKeys(
  query: SearchQuery,
  looked: ReadonlySet<string>,
  manifest: Manifest,
  only: Language | undefined,
): string[] {
  const frequency = frequencyOf(manifest);
  const searched = only ? [only] : languages;
  const estimates = new Map<string, number>();
  for (const key of phraseKeys(query.pieces)) {
    const parts = partsOf(key);
    if (estimates.has(key) || !parts.every((part) => looked.has(part))) continue;
    let estimate = Infinity;
    for (const language of searched) {
      const isCommon = (part: string) => frequency(part, language) >= manifest.common;
      if (!isIndexed(key, isCommon)) continue;
      const [a, b] = parts.map((part) => frequency(part, language));
      estimate = Math.min(estimate, (a! * b!) / Math.max(1, manifest.turns));
    }
    if (estimate < Infinity) estimates.set(key, estimate);
  }
  return [...estimates].sort((a, b) => a[1] - b[1]).map(([key]) => key);
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
      ...(fragment.start !== undefined && { start: fragment.start }),
      language: languageOf(document),
      text: fragment.text,
    },
    query,
  );
}

/**
 * The documents to read, in order: each admission's candidates sorted as
 * they come (the query's own language is admitted first), each document once.
 */
class Candidates {
  readonly #queue: number[] = [];
  readonly #queued = new Set<number>();
  #next = 0;

  /**
   * Adds a stage's candidates: the documents of its rarest key whose whole
   * list is known (else of the rarest whose list's start is known, as far
   * as it goes; else of its rarest key's first block), less those a key's
   * known list rules out. Those that more keys' known lists hold come
   * first (a list's start knows nothing past its end); then a phrase
   * stage's are read in the site's order, as those its keys' best
   * postings hold are often the same turn copied, or one that says the
   * words twice apart, where any holder is as good a result as another; a
   * word stage's best first. Returns whether the rarest key had more
   * documents than are known.
   */
  async admit({ keys, phrase, known }: Stage): Promise<boolean> {
    const rarest = (candidates: readonly Key[]) =>
      // Of equal ones the first, so the same query always reads the same files.
      candidates.reduce((best, key) => (key.list.df < best.list.df ? key : best));
    const whole = keys.filter((key) => key.until === Infinity);
    const started = keys.filter((key) => key.all);
    const driver = rarest(whole.length > 0 ? whole : started.length > 0 ? started : keys);
    const documents = driver.all ? driver.all : driver.list.first.map(({ document }) => document);
    const scored: { document: number; confirmed: number; held: number; score: number }[] = [];
    for (const document of documents) {
      if (this.#queued.has(document)) continue;
      if (known && keys.some((key) => key.all && document > key.until)) continue;
      let confirmed = 0;
      let held = 0;
      let score = 0;
      let ruledOut = false;
      for (const key of keys) {
        if (key.all && document <= key.until) {
          if (!key.all.has(document)) ruledOut = true;
          else if (!key.filter) confirmed++;
        }
        const weight = key.best.get(document);
        if (weight !== undefined && !key.filter) {
          if (key !== driver) held++;
          score += key.idf * weight;
        }
      }
      if (!ruledOut) scored.push({ document, confirmed, held, score });
    }
    // Stable: of equal ones, the list's own order (by document, or best first) stays.
    scored.sort(
      (a, b) => b.confirmed - a.confirmed || (phrase ? 0 : b.held - a.held || b.score - a.score),
    );
    for (const { document } of scored) {
      this.#queue.push(document);
      this.#queued.add(document);
    }
    return (
      driver.until !== Infinity && driver.list.df > (driver.all?.size ?? driver.list.first.length)
    );
  }

  waiting(): boolean {
    return this.#next < this.#queue.length;
  }

  /** Candidates admitted so far. */
  get size(): number {
    return this.#queue.length;
  }

  take(count: number): number[] {
    const documents = this.#queue.slice(this.#next, this.#next + count);
    this.#next += documents.length;
    return documents;
  }
}
