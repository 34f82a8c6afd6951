/**
 * Pinyin search: a query that reads as pinyin (./syllables.ts) is turned
 * into the Han strings of the site that read that way, and those are
 * searched as Chinese, on a reader page as on `/`. What reads how is
 * known from the site's own text read in context at build time (the
 * pinyin aid's readings, /<slug>/pinyin.json), as an alias map: for each
 * two neighbouring syllables, toneless, the Han pairs of the site that
 * read so, with their tones. A query's syllables give their pairs' keys;
 * chaining the pairs whose characters meet gives the strings to search
 * (ke jie · jie shi · shi xing -> 可解 · 解释 · 释性 -> 可解释性). Pairs, as
 * the index's own terms are (src/lib/search/terms.ts): any run of two or
 * more syllables is found, across words, with no dictionary.
 *
 * Files, beside the site index's (src/lib/search/site-index/format.ts):
 * `y/<k>.json`, the keys whose hash is k modulo the alias shard count,
 * which follows from the index's shard count (`aliasShards`), so a query
 * needs no file but the manifest to find its shard. A shard is an object
 * from a key (`ke jie`) to its pairs, most turns first, each as its two
 * characters then their two tones (`可解33`), 5 for the neutral tone.
 */
import { termHash } from '../site-index/format.ts';
import { HAN_RUN } from '../terms.ts';
import { soundOf, type Syllable } from './syllables.ts';

/**
 * The index's shards per alias shard: a shard of a few KB gzip (2.3 KB for
 * the test corpus), of which a query of four syllables fetches up to five.
 */
export const INDEX_SHARDS_PER_ALIAS_SHARD = 4;

/** The alias map's folder under the index's. */
export const ALIAS_FOLDER = 'y';

export function aliasShards(indexShards: number): number {
  return Math.max(1, indexShards / INDEX_SHARDS_PER_ALIAS_SHARD);
}

export function aliasPath(key: string, shards: number): string {
  return `${ALIAS_FOLDER}/${termHash(key) & (shards - 1)}.json`;
}

/** A pair's key: its two syllables' sounds, a space apart. */
export function pairKey(a: Syllable, b: Syllable): string {
  return `${a.sound} ${b.sound}`;
}

/** A shard of the alias map: key -> its pairs, as the file writes them. */
export type AliasShard = Record<string, string>;

/** A Han pair of the site as the alias map gives it: its characters, and their tones in context. */
export interface AliasPair {
  han: [string, string];
  tones: [number, number];
}

/** The pairs of a key's entry in a shard, in its order; throws on one that is not pairs. */
export function readPairs(entry: unknown): AliasPair[] {
  if (typeof entry !== 'string') throw new Error('an alias entry should be a string of pairs');
  const characters = Array.from(entry);
  const pairs: AliasPair[] = [];
  for (let at = 0; at < characters.length; at += 4) {
    const [a, b, x, y] = characters.slice(at, at + 4);
    if (!a || !b || !/^[1-5]$/u.test(x ?? '') || !/^[1-5]$/u.test(y ?? '')) {
      throw new Error(`an alias entry should be pairs of characters and two tones: ${entry}`);
    }
    pairs.push({ han: [a, b], tones: [Number(x), Number(y)] });
  }
  return pairs;
}

/** A pair of the site with one reading, and the turns that hold it: `AliasWriter.counts`. */
export interface AliasCount {
  /** The pair's characters and its two readings as given: counts with the same id add up. */
  id: string;
  key: string;
  /** As the file writes it: `可解33`. */
  pair: string;
  turns: number;
}

/** A pair with its reading, as the writer counts it. */
interface Counted extends Omit<AliasCount, 'id'> {
  /** The last turn that held it, so a turn counts once. */
  last: number;
}

/**
 * Builds the alias map from the site's turns, one at a time: each pair of
 * neighbouring Han characters with its reading in that turn. Fast enough
 * to add a second or so to a build of 500 transcripts.
 */
export class AliasWriter {
  /**
   * By the pair's characters' code points (`first * 2^18 + second`: a code
   * point is less than 2^18 in the planes that hold Han), then by their
   * readings' numbers (`first * 2^16 + second`): numbers, as a string per
   * pair made the map a few times slower.
   */
  readonly #pairs = new Map<number, Map<number, Counted>>();
  /** Each reading as given, numbered in the order first met, as a syllable. */
  readonly #readings = new Map<string, number>();
  readonly #syllables: Syllable[] = [];
  /** Each reading, by its number. */
  readonly #names: string[] = [];
  #turn = 0;

  /**
   * One turn's Chinese text and the readings of its Han characters, in
   * order, in tone marks, as the pinyin aid gives them (`jiě`, `de`): an
   * empty one for a character that has no reading. A Han character is one
   * of `HAN_RUN`, as the aid's `isHan` has it.
   */
  add(text: string, readings: readonly string[]): void {
    const turn = this.#turn++;
    let next = 0;
    for (const [run] of text.matchAll(HAN_RUN)) {
      let previous = -1;
      let previousReading = -1;
      for (const character of run) {
        const reading = readings[next++] ?? '';
        const code = character.codePointAt(0)!;
        const number = reading ? this.#number(reading) : -1;
        if (previous >= 0 && number >= 0) {
          const characters = previous * 2 ** 18 + code;
          let byReading = this.#pairs.get(characters);
          if (!byReading) this.#pairs.set(characters, (byReading = new Map()));
          let counted = byReading.get(previousReading * 2 ** 16 + number);
          if (!counted) {
            const [a, b] = [this.#syllables[previousReading]!, this.#syllables[number]!];
            const pair = `${String.fromCodePoint(previous, code)}${a.tone}${b.tone}`;
            counted = { key: pairKey(a, b), pair, turns: 0, last: -1 };
            byReading.set(previousReading * 2 ** 16 + number, counted);
          }
          if (counted.last !== turn) {
            counted.turns++;
            counted.last = turn;
          }
        }
        [previous, previousReading] = number >= 0 ? [code, number] : [-1, -1];
      }
    }
  }

  #number(reading: string): number {
    let number = this.#readings.get(reading);
    if (number === undefined) {
      number = this.#syllables.push(soundOf(reading)) - 1;
      this.#names.push(reading);
      this.#readings.set(reading, number);
    }
    return number;
  }

  /** Each pair and reading counted, in a form that adds up over writers: a site's from its transcripts'. */
  counts(): AliasCount[] {
    const counts: AliasCount[] = [];
    for (const [characters, byReading] of this.#pairs) {
      for (const [readings, { key, pair, turns }] of byReading) {
        const [a, b] = [Math.floor(readings / 2 ** 16), readings % 2 ** 16];
        const id = `${characters} ${this.#names[a]} ${this.#names[b]}`;
        counts.push({ id, key, pair, turns });
      }
    }
    return counts;
  }

  /** The shards' files, `[path, JSON]`, for an index of `indexShards` shards: `aliasFiles`. */
  files(indexShards: number): Generator<[path: string, data: string]> {
    return aliasFiles(
      [...this.#pairs.values()].flatMap((byReading) => [...byReading.values()]),
      indexShards,
    );
  }
}

/**
 * The alias map's files, `[path, JSON]`, for an index of `indexShards`
 * shards, from every pair and reading of the site counted; keys and pairs
 * in a fixed order, whatever the order of the counts.
 */
export function* aliasFiles(
  counts: Iterable<Omit<AliasCount, 'id'>>,
  indexShards: number,
): Generator<[path: string, data: string]> {
  const shards = aliasShards(indexShards);
  const byKey = new Map<string, Omit<AliasCount, 'id'>[]>();
  for (const counted of counts) {
    const pairs = byKey.get(counted.key);
    if (pairs) pairs.push(counted);
    else byKey.set(counted.key, [counted]);
  }
  const byShard = new Map<string, AliasShard>();
  for (const key of [...byKey.keys()].sort()) {
    const path = aliasPath(key, shards);
    let shard = byShard.get(path);
    if (!shard) byShard.set(path, (shard = {}));
    shard[key] = byKey
      .get(key)!
      .sort((a, b) => b.turns - a.turns || (a.pair < b.pair ? -1 : a.pair > b.pair ? 1 : 0))
      .map(({ pair }) => pair)
      .join('');
  }
  for (let shard = 0; shard < shards; shard++) {
    const path = `${ALIAS_FOLDER}/${shard}.json`;
    yield [path, JSON.stringify(byShard.get(path) ?? {})];
  }
}
