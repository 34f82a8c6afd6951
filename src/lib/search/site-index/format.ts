/**
 * The site index's files, as the build writes them under `search/` and the
 * browser reads them. A query fetches a bounded number of files and byte
 * ranges (search.ts says how many), each of a size that does not depend on
 * the number of transcripts:
 *
 * - `index.json`, the manifest: the format, the shard count, the sizes
 *   below, counts, and the site's common terms with their document
 *   frequencies (`frequent`), so a query knows its phrase keys (keys.ts)
 *   before it fetches anything and asks for their shards with its words'.
 *   The common terms are those that `common` or more documents hold, so
 *   there are at most the postings over `common` of them: thousands on a large
 *   site (4.5 KB gzipped at 500 of the bench's transcripts, about 23 KB at
 *   5,000, where every term of their one seed is common), few on a small one.
 * - `s/<k>.json`, a shard: the keys whose hash is k modulo the shard
 *   count, each with a posting list per language: its document frequency
 *   there and its first block of postings, best first (a phrase key's,
 *   its first in document order: `FIRST_BLOCK`), and, where the list
 *   is longer than its first block, where the whole list stands in
 *   `p/<k div LIST_GROUP>.bin`. The shard count grows with the index so
 *   that a shard holds about the same number of keys and postings at
 *   every size.
 * - `p/<g>.bin`, the whole posting lists of `LIST_GROUP` shards, each in
 *   document order as variable-length gaps (`encodeList`): fetched by HTTP
 *   range, a list at a time, when a query needs to intersect it exactly.
 * - `f/<p>.json`, the header of pack p of the turns' texts, the site's
 *   turns `PACK_TURNS * p` onwards: which transcript, turn and speaker each
 *   is, how many bytes each of its two texts takes, a timed turn's start
 *   in the recording, and where the pack starts in `t/<p div
 *   TEXT_GROUP>.bin`, which holds the texts of `TEXT_GROUP` packs, each
 *   turn's Chinese then its English, each deflated on its own. A query
 *   reads the header of each pack it reads from, once, and the texts it
 *   reads by range.
 *
 * Texts and lists are grouped into files of a MB or so, so the site holds
 * a few files per thousand turns for them, and no file is near a host's
 * limit on a file's size (Cloudflare Pages: 25 MiB).
 *
 * Binary files are fetched by range, so no host may compress them on the
 * way: served as `application/octet-stream` (`.bin`), which GitHub Pages,
 * Netlify and Cloudflare leave as they are. A host that ignores the range
 * sends the whole file, which the reader then slices (reader.ts).
 *
 * A document is one turn in one language: `2n` is the Chinese of turn n of
 * the site (turns counted across transcripts, from 0), `2n + 1` its
 * English. A key's postings are kept per language, so a key that no
 * English text holds (a Chinese pair, mostly) rules out every English
 * document at once, and a language filter reads that language's postings
 * alone. The keys are a text's terms (src/lib/search/terms.ts), the
 * phrase keys made of common ones (keys.ts), and the speaker of each turn,
 * under their key and each of their names (`speakerTerm`), so a filter by
 * speaker is one more key of the query.
 */
import type { Localized } from '../../localized.ts';
import type { Language } from '../../transcript/language.ts';

/** Bumped whenever a file's shape changes, so a page never reads an index it does not understand. */
export const FORMAT = 4;

export const MANIFEST = 'index.json';

/**
 * A list's first block: the best postings of a key, which rank a query of
 * one word and order the candidates of others; a screenful of reads, and
 * a little more. A phrase key's (keys.ts) is the start of its list
 * instead, all of one weight: the turns holding a phrase are read in the
 * site's order, so the first ones are those that the starts of its keys'
 * lists all hold, found with no whole list fetched.
 */
export const FIRST_BLOCK = 32;
/** What one shard should hold on average; the shard count is the power of two that keeps to both. */
export const SHARD_TERMS = 256;
export const SHARD_POSTINGS = 512;
/**
 * A key that this many documents of a language hold is common there: the
 * pairs and triples made with it are keys of their own (keys.ts). Below
 * it, a key's whole list is a few KB at most, cheap to fetch and intersect.
 */
export const COMMON = 2048;
/**
 * On a smaller site, a key that this share of the turns hold in a
 * language is common there too: its holders are so many that reading a
 * screenful of them finds a phrase of it only by luck.
 */
export const COMMON_SHARE = 0.05;
/** Turns per pack of texts: a header for this many turns, of a few hundred bytes. */
export const PACK_TURNS = 16;
/** Packs whose texts share a `.bin`: about 0.7 MB of them. */
export const TEXT_GROUP = 64;
/** Shards whose whole lists share a `.bin`. */
export const LIST_GROUP = 16;

/** Weights are stored as integers from 1 to this: the BM25 term-frequency part, quantised. */
export const WEIGHT_LEVELS = 100;

/**
 * The prefix of a speaker's term. `textTerms` never makes a term with it
 * (its pieces are letters, digits, `_`, apostrophes and hyphens), so a
 * speaker named like a word is not found by that word, nor the word by the
 * speaker's name.
 */
export const SPEAKER_PREFIX = '@';

/** The term of a speaker's key or one of their names. */
export function speakerTerm(name: string): string {
  return `${SPEAKER_PREFIX}${name}`;
}

/** The terms a speaker is found by: their key and their name in each language, each once. */
export function speakerTerms(key: string, name: Localized): string[] {
  return [...new Set([key, name.en, name.zh])].map(speakerTerm);
}

/** Whether `wanted` is the speaker's key or one of their names: what a speaker filter matches. */
export function isSpeaker(wanted: string, key: string, name: Localized): boolean {
  return wanted === key || wanted === name.en || wanted === name.zh;
}

export interface Manifest {
  format: typeof FORMAT;
  /** A digest of the index's content: files are fetched as `<path>?v=<version>`, so no cache serves an older build's. */
  version: string;
  /** A power of two. */
  shards: number;
  firstBlock: number;
  /** The document frequency from which a key is common: `COMMON`, or `COMMON_SHARE` of the turns when that is less. */
  common: number;
  packTurns: number;
  textGroup: number;
  listGroup: number;
  transcripts: number;
  turns: number;
  /** Documents: one per turn and language. */
  documents: number;
  /** Distinct keys, phrase keys and speakers' included. */
  terms: number;
  /** Per language, the common terms (those `common` or more of its documents hold) and how many hold each, by term. */
  frequent: Record<Language, [term: string, df: number][]>;
}

/**
 * One block of postings, best first: runs of one weight, each
 * `[weight, first document, gap, gap, ...]` with the documents ascending
 * within the run, so most numbers are small.
 */
export type Block = number[][];

/**
 * A key's postings in the documents of one language: `[df, first block]`
 * when the first block holds them all, or `[df, first block, offset,
 * length]` with where the whole list stands in its shard's lists file.
 */
export type PostingList =
  [df: number, first: Block] | [df: number, first: Block, offset: number, length: number];

/** A shard entry: a key with its postings in Chinese documents and in English ones, 0 where none holds it. */
export type ShardEntry = [term: string, zh: PostingList | 0, en: PostingList | 0];

/** A shard: its entries, sorted by key. */
export type Shard = ShardEntry[];

/** A transcript as a pack names it: its slug, its title, and its speakers' keys and names in order. */
export type PackTranscript = [slug: string, title: Localized, speakers: [string, Localized][]];

/**
 * A turn of a pack: which of the pack's transcripts it is in, its number
 * there (from 1), its speaker (an index into that transcript's speakers),
 * the bytes its Chinese and its English text take in the `.bin`, and,
 * where its label gives one, its start in the recording in seconds, which
 * a result shows (a site without times writes the files it wrote before).
 */
export type PackTurn = [
  transcript: number,
  turn: number,
  speaker: number,
  zhBytes: number,
  enBytes: number,
  start?: number,
];

/** A pack's header, `f/<p>.json`. */
export interface PackHeader {
  /** Where the pack's texts start in its texts file. */
  start: number;
  transcripts: PackTranscript[];
  turns: PackTurn[];
}

/** A document's text with where it belongs: its language is the document's (`languageOf`). */
export interface Fragment {
  slug: string;
  /** The transcript's title. */
  title: Localized;
  /** The speaker's key. */
  speaker: string;
  /** The speaker's name, shown with the result. */
  name: Localized;
  /** The turn's number in its transcript, from 1. */
  turn: number;
  /** Where the turn starts in the recording, in seconds, when its label gives it. */
  start?: number;
  /** The turn's text in the document's language, as the reader sees it. */
  text: string;
  /** The bytes the text takes in its pack: what reading it costs. */
  bytes: number;
}

export function documentOf(turn: number, language: Language): number {
  return turn * 2 + (language === 'zh' ? 0 : 1);
}

export function languageOf(document: number): Language {
  return document % 2 === 0 ? 'zh' : 'en';
}

/**
 * FNV-1a over the UTF-16 code units of a key: the same number in Node and
 * in every browser, and cheap enough to compute for each query key.
 */
export function termHash(term: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    hash ^= term.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function shardOf(term: string, shards: number): number {
  return termHash(term) & (shards - 1);
}

/** The smallest power of two at least `n`, and at least 1. */
export function powerOfTwoAtLeast(n: number): number {
  let power = 1;
  while (power < n) power *= 2;
  return power;
}

export function shardPath(shard: number): string {
  return `s/${shard}.json`;
}

export function listsPath(shard: number, listGroup: number): string {
  return `p/${Math.floor(shard / listGroup)}.bin`;
}

export function packOf(document: number, packTurns: number): number {
  return Math.floor(document / 2 / packTurns);
}

export function packHeaderPath(pack: number): string {
  return `f/${pack}.json`;
}

export function packTextsPath(pack: number, textGroup: number): string {
  return `t/${Math.floor(pack / textGroup)}.bin`;
}

/** The index's folders: every file in them is fetched with the index's version (headers-file.ts). */
export const VERSIONED_FOLDERS = ['s', 'p', 'f', 't'] as const;

/** A posting as the reader hands it on: which document, and the key's weight in it. */
export interface Posting {
  document: number;
  weight: number;
}

/** Writes postings, already ordered by weight (descending) then document (ascending), as runs. */
export function encodeBlock(postings: readonly Posting[]): Block {
  const runs: Block = [];
  let run: number[] | undefined;
  let last = 0;
  for (const { document, weight } of postings) {
    if (!run || run[0] !== weight) {
      run = [weight, document];
      runs.push(run);
    } else {
      run.push(document - last);
    }
    last = document;
  }
  return runs;
}

/** The postings of a block, in its order; throws on anything but runs of whole numbers. */
export function decodeBlock(block: unknown): Posting[] {
  if (!Array.isArray(block)) throw new Error('a block of postings should be an array of runs');
  const postings: Posting[] = [];
  for (const run of block) {
    if (!Array.isArray(run) || run.length < 2 || !run.every(isCount)) {
      throw new Error('a run of postings should be [weight, document, gaps...] in whole numbers');
    }
    const [weight, ...gaps] = run as number[];
    let document = 0;
    for (const [i, gap] of gaps.entries()) {
      document = i === 0 ? gap : document + gap;
      postings.push({ document, weight: weight! });
    }
  }
  return postings;
}

/**
 * A whole list in document order: each document's turn (`document >> 1`:
 * the list's language is known) as its gap from the one before (the first
 * from 0), seven bits a byte, the high bit set on every byte but a
 * number's last.
 */
export function encodeList(documents: ArrayLike<number>): Uint8Array {
  const bytes: number[] = [];
  let last = 0;
  for (let i = 0; i < documents.length; i++) {
    const turn = documents[i]! >> 1;
    let gap = turn - last;
    last = turn;
    while (gap >= 0x80) {
      bytes.push((gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    bytes.push(gap);
  }
  return Uint8Array.from(bytes);
}

/**
 * The documents of a list in `language`, ascending, from its bytes: its
 * whole list, or with `partial` the start of it, where a number the bytes
 * end inside of is left out. A whole list that ends inside a number throws.
 */
export function decodeList(bytes: Uint8Array, language: Language, partial = false): number[] {
  const documents: number[] = [];
  const offset = language === 'zh' ? 0 : 1;
  let turn = 0;
  let gap = 0;
  let shift = 0;
  for (const byte of bytes) {
    gap += (byte & 0x7f) * 2 ** shift;
    if (byte & 0x80) {
      shift += 7;
      continue;
    }
    turn += gap;
    documents.push(turn * 2 + offset);
    gap = 0;
    shift = 0;
  }
  if (shift !== 0 && !partial) throw new Error('a list of postings should not end inside a number');
  return documents;
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}
