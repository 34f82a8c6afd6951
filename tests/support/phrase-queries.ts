/**
 * Phrases a reader might copy from a site's turns, drawn afresh with a
 * seed, and the brute-force reference they are scored against: every turn
 * scanned for the phrase. Shared by the reference test
 * (tests/unit/site-index-reference.test.ts), `npm run bench` and the
 * spike that compared index designs (bench/spikes/recall.ts).
 *
 * Nothing here uses the search's own code: the reference must not share
 * the mistakes of what it checks.
 */
import type { SearchRecord } from '../../src/lib/search/records.ts';
import { createRandom } from './random.ts';

export type PhraseKind = 'english' | 'chinese' | 'common';

export const PHRASE_KINDS: Record<PhraseKind, string> = {
  english: 'English, 3–6 words',
  chinese: 'Chinese, 3–8 characters',
  common: 'common English words only',
};

export interface Phrase {
  kind: PhraseKind;
  /** What the reader types: the phrase as it stands in the turn, from its first word's start to its last word's end. */
  text: string;
  /** The turn it was copied from, `<slug>#turn-<n>`. */
  from: string;
}

/** A turn as the reference names it: `<slug>#turn-<n>`, as a result's link ends. */
export function turnName(slug: string, turn: number): string {
  return `${slug}#turn-${turn}`;
}

/** How many of the most frequent English words (by the texts that hold them) count as common. */
export const COMMON_WORDS = 100;

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}{3,}/gu;
/** A word as a reader sees one: letters and digits, apostrophes and hyphens inside, no Han. */
const WORD = /(?:(?!\p{Script=Han})[\p{L}\p{N}])+(?:['’-](?:(?!\p{Script=Han})[\p{L}\p{N}])+)*/gu;

interface Word {
  start: number;
  end: number;
  lower: string;
}

function wordsOf(text: string): Word[] {
  return [...text.matchAll(WORD)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    lower: match[0].toLowerCase(),
  }));
}

/** The English phrase of `count` words from word `first`, unless it runs across Han characters. */
function englishWindow(text: string, words: Word[], first: number, count: number) {
  const phrase = text.slice(words[first]!.start, words[first + count - 1]!.end);
  return HAN.test(phrase) ? undefined : phrase;
}

/** The most frequent lower-case English words, by how many English texts hold them. */
export function commonWords(records: readonly SearchRecord[], count = COMMON_WORDS): Set<string> {
  const frequency = new Map<string, number>();
  for (const record of records) {
    for (const turn of record.turns) {
      for (const word of new Set(wordsOf(turn.en).map(({ lower }) => lower))) {
        frequency.set(word, (frequency.get(word) ?? 0) + 1);
      }
    }
  }
  return new Set(
    [...frequency]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, count)
      .map(([word]) => word),
  );
}

export interface DrawOptions {
  seed: number;
  /** Phrases of each kind. */
  count: number;
}

/**
 * Draws `count` phrases of each kind from random turns (every turn as
 * likely as any other), with a seeded PRNG: the same records and seed give
 * the same phrases. Common-word phrases come from turns that have a run of
 * three or more common words; the draw gives up on a kind after many turns
 * without one, so a site without such runs gets fewer.
 */
export function drawPhrases(records: readonly SearchRecord[], options: DrawOptions): Phrase[] {
  const random = createRandom(options.seed);
  const turns = records.flatMap((record) =>
    record.turns.map((turn) => ({ from: turnName(record.slug, turn.turn), turn })),
  );
  if (turns.length === 0) return [];
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const common = commonWords(records);

  const draws: Record<PhraseKind, () => Phrase | undefined> = {
    english: () => {
      const { from, turn } = pick(turns);
      const words = wordsOf(turn.en);
      const count = Math.min(between(3, 6), words.length);
      if (count < 3) return undefined;
      const text = englishWindow(turn.en, words, between(0, words.length - count), count);
      return text === undefined ? undefined : { kind: 'english', text, from };
    },
    chinese: () => {
      const { from, turn } = pick(turns);
      const runs = [...turn.zh.matchAll(HAN_RUN)].map((match) => [...match[0]]);
      if (runs.length === 0) return undefined;
      const run = pick(runs);
      const count = Math.min(between(3, 8), run.length);
      const start = between(0, run.length - count);
      return { kind: 'chinese', text: run.slice(start, start + count).join(''), from };
    },
    common: () => {
      const { from, turn } = pick(turns);
      const words = wordsOf(turn.en);
      const windows: { first: number; count: number }[] = [];
      for (let first = 0; first < words.length; first++) {
        let count = 0;
        while (
          count < 6 &&
          first + count < words.length &&
          common.has(words[first + count]!.lower)
        ) {
          count++;
          if (count >= 3) windows.push({ first, count });
        }
      }
      if (windows.length === 0) return undefined;
      const { first, count } = pick(windows);
      const text = englishWindow(turn.en, words, first, count);
      return text === undefined ? undefined : { kind: 'common', text, from };
    },
  };

  const phrases: Phrase[] = [];
  for (const kind of Object.keys(draws) as PhraseKind[]) {
    let found = 0;
    for (let tries = 0; found < options.count && tries < options.count * 200; tries++) {
      const phrase = draws[kind]();
      if (phrase) {
        phrases.push(phrase);
        found++;
      }
    }
  }
  return phrases;
}

/** Lower case, every run of other characters than letters and digits one space, none beside Han. */
function normalised(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/ (?=\p{Script=Han})|(?<=\p{Script=Han}) /gu, '')
    .trim();
}

const LETTER = /[\p{L}\p{N}]/u;

/** A word's edge: the text's end, a space, or a Han character on either side. */
function isEdge(outside: string | undefined, inside: string): boolean {
  return outside === undefined || !LETTER.test(outside) || HAN.test(outside) || HAN.test(inside);
}

/**
 * Every turn holding each phrase, in either language, found by scanning
 * every turn's text: the phrase's words in order, whole words, case and
 * punctuation aside (a Chinese phrase anywhere in a run of characters).
 */
export class PhraseReference {
  /** Every text of the site, normalised, one after another with a line break between. */
  readonly #haystack: string;
  /** Where each text starts in the haystack, and the turn it is. */
  readonly #starts: number[] = [];
  readonly #turns: string[] = [];

  constructor(records: readonly SearchRecord[]) {
    const texts: string[] = [];
    let at = 0;
    for (const record of records) {
      for (const turn of record.turns) {
        for (const text of [turn.zh, turn.en]) {
          const plain = normalised(text);
          this.#starts.push(at);
          this.#turns.push(turnName(record.slug, turn.turn));
          texts.push(plain);
          at += plain.length + 1;
        }
      }
    }
    this.#haystack = texts.join('\n');
  }

  /** The turns holding the phrase, each once, in the site's order. */
  holders(phrase: string): string[] {
    const needle = normalised(phrase);
    const found = new Set<string>();
    if (needle.length === 0) return [];
    const haystack = this.#haystack;
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      if (!isEdge(haystack[at - 1], needle[0]!) || !isEdge(haystack[end], needle.at(-1)!)) continue;
      found.add(this.#turns[this.#textAt(at)]!);
    }
    return [...found];
  }

  #textAt(offset: number): number {
    let low = 0;
    let high = this.#starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.#starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

/** One phrase scored: where the first turn holding it stands among the results, -1 when none does. */
export interface PhraseScore {
  phrase: Phrase;
  /** Turns holding it on the whole site. */
  holders: number;
  /** The results' turns, in order, as `<slug>#turn-<n>`. */
  results: string[];
  /** Index of the first result that holds the phrase; -1 when none of them does. */
  rank: number;
}

export function scorePhrase(
  phrase: Phrase,
  holders: readonly string[],
  results: readonly string[],
): PhraseScore {
  const holding = new Set(holders);
  return {
    phrase,
    holders: holders.length,
    results: [...results],
    rank: results.findIndex((result) => holding.has(result)),
  };
}

export interface PhraseRecall {
  kind: PhraseKind;
  phrases: number;
  /** Share of phrases with a turn holding them among the first ten results. */
  at10: number;
  /** Share of phrases with a turn holding them first. */
  at1: number;
  /** The phrases missed at 10, for the report. */
  misses: PhraseScore[];
}

export function phraseRecall(scores: readonly PhraseScore[]): PhraseRecall[] {
  return (Object.keys(PHRASE_KINDS) as PhraseKind[]).map((kind) => {
    const own = scores.filter((score) => score.phrase.kind === kind);
    const share = (test: (score: PhraseScore) => boolean) =>
      own.length === 0 ? NaN : own.filter(test).length / own.length;
    return {
      kind,
      phrases: own.length,
      at10: share((score) => score.rank >= 0 && score.rank < 10),
      at1: share((score) => score.rank === 0),
      misses: own.filter((score) => score.rank < 0 || score.rank >= 10),
    };
  });
}
