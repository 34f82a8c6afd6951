/**
 * The dictionary's files, as the build writes them (src/collection/words.ts)
 * and the reader page reads them (src/client/dictionary/): per transcript,
 * the words its Chinese text is cut into; for the whole site, CC-CEDICT's
 * entries of every word the site's text holds, in shards by a hash of the
 * word. Shared by the build and the browser, so it holds no dictionary.
 *
 * Why shards of the site's vocabulary rather than a file of entries per
 * transcript: the seed's words with their entries weigh about 120 KB, which
 * is 600 MB at 5,000 transcripts, where the site's whole budget is 1 GB;
 * transcripts share most of their words, so the site's vocabulary grows far
 * slower than the site (bench/dictionary.ts measures both).
 */

/** The words of a transcript's Chinese text: `/<slug>/words.json`. */
export interface WordsFile {
  /** How many shards the site's entries are in (`shardOf`). */
  shards: number;
  /**
   * Every word of two or more characters the text is cut into, a space
   * apart; a character no such word holds is a word alone. The page cuts a
   * paragraph as the build did with `cut` over just these words, which finds
   * the very same words (see `cut`).
   */
  words: string;
}

/**
 * One of CC-CEDICT's entries for a word: its pinyin in tone marks, its
 * Traditional form, its definitions. A word has as many entries as readings
 * (了: le, liǎo).
 */
export type Entry = [pinyin: string, traditional: string, definitions: string[]];

/** A shard of the site's entries: `/dictionary/<n>.json`, each word that hashes to `n` with its entries. */
export type Shard = Record<string, Entry[]>;

export const WORDS_FILE = 'words.json';
/** The shards' folder, at the site's root. */
export const DICTIONARY_FOLDER = 'dictionary';

/** The shard a word's entries are in: FNV-1a over its UTF-16 code units, modulo the count. */
export function shardOf(word: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < word.length; index++) {
    hash ^= word.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}

const han = /\p{Script=Han}/u;
const runs = /\p{Script=Han}+/gu;

/** Whether a text is made of Han characters alone: the words the dictionary cuts and looks up. */
export function isHanWord(text: string): boolean {
  for (const character of text) if (!han.test(character)) return false;
  return text.length > 0;
}

/**
 * What `cut` cuts over: words, and whether some word longer than a text
 * starts with it, so a place is read only as far as a word could reach.
 */
export interface Words {
  has(word: string): boolean;
  continues(start: string): boolean;
}

/** Words to cut over (`cut`), from a list. */
export function wordsFrom(list: Iterable<string>): Words {
  const words = new Set<string>();
  const starts = new Set<string>();
  for (const word of list) {
    words.add(word);
    const characters = Array.from(word);
    let start = '';
    for (const character of characters.slice(0, -1)) starts.add((start += character));
  }
  return { has: (word) => words.has(word), continues: (start) => starts.has(start) };
}

/** Words to cut over that are in either of two. */
export function eitherOf(a: Words, b: Words): Words {
  return {
    has: (word) => a.has(word) || b.has(word),
    continues: (start) => a.continues(start) || b.continues(start),
  };
}

/** A word of a text, and where it starts and ends (UTF-16 offsets). */
export interface CutWord {
  word: string;
  start: number;
  end: number;
}

/**
 * A text's Han characters cut into words, longest first: from each place,
 * the longest run of characters that `words` holds, else one character; anything not Han ends a word. Cut over
 * all of CC-CEDICT at build time, then over just the words that cut found,
 * it finds them again: at each place the word the first cut took is the
 * longest of the fewer words too.
 */
export function cut(text: string, words: Words): CutWord[] {
  const found: CutWord[] = [];
  for (const match of text.matchAll(runs)) {
    const run = match[0];
    // Where each character of the run starts, and its end: a character may be two code units.
    const starts: number[] = [];
    for (let index = 0; index < run.length;) {
      starts.push(index);
      index += run.codePointAt(index)! > 0xffff ? 2 : 1;
    }
    starts.push(run.length);
    const count = starts.length - 1;
    for (let at = 0; at < count;) {
      const from = starts[at]!;
      let length = 1;
      for (let n = 1; at + n < count && words.continues(run.slice(from, starts[at + n])); n++) {
        if (words.has(run.slice(from, starts[at + n + 1]))) length = n + 1;
      }
      const start = match.index! + starts[at]!;
      const end = match.index! + starts[at + length]!;
      found.push({ word: text.slice(start, end), start, end });
      at += length;
    }
  }
  return found;
}
