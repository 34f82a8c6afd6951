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
import type { Syllable } from './syllables.ts';

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

/**
 * Builds the alias map from the site's turns, one at a time: each pair of
 * neighbouring Han characters with its reading in that turn.
 */
export class AliasWriter {
  /** Key -> pair as written (`可解33`) -> the turns that hold it. */
  readonly #turns = new Map<string, Map<string, number>>();

  /**
   * One turn's Chinese text and the readings of its Han characters, in
   * order, as the pinyin aid gives them: a sound and a tone each, an empty
   * sound for a character that has no reading.
   */
  add(text: string, readings: readonly Syllable[], isHan: (character: string) => boolean): void {
    const seen = new Set<string>();
    let previous: { character: string; reading: Syllable } | undefined;
    let next = 0;
    for (const character of text) {
      if (!isHan(character)) {
        previous = undefined;
        continue;
      }
      const reading = readings[next++];
      const current = reading?.sound ? { character, reading } : undefined;
      if (previous && current) {
        const key = pairKey(previous.reading, reading!);
        const pair = `${previous.character}${character}${previous.reading.tone}${reading!.tone}`;
        if (!seen.has(`${key}\0${pair}`)) {
          seen.add(`${key}\0${pair}`);
          let pairs = this.#turns.get(key);
          if (!pairs) this.#turns.set(key, (pairs = new Map()));
          pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
        }
      }
      previous = current;
    }
  }

  /** The shards' files, `[path, JSON]`, for an index of `indexShards` shards; keys and pairs in a fixed order. */
  *files(indexShards: number): Generator<[path: string, data: string]> {
    const shards = aliasShards(indexShards);
    const byShard = new Map<string, AliasShard>();
    for (const key of [...this.#turns.keys()].sort()) {
      const path = aliasPath(key, shards);
      let shard = byShard.get(path);
      if (!shard) byShard.set(path, (shard = {}));
      shard[key] = [...this.#turns.get(key)!]
        .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))
        .map(([pair]) => pair)
        .join('');
    }
    for (let shard = 0; shard < shards; shard++) {
      const path = `${ALIAS_FOLDER}/${shard}.json`;
      yield [path, JSON.stringify(byShard.get(path) ?? {})];
    }
  }
}
