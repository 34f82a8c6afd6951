/**
 * The site index's files, as the build writes them under `search/` and the
 * browser reads them. A query fetches a bounded number of files (a shard
 * per key, a few continuations, a few dozen fragments: search.ts), each of
 * a size that does not depend on the number of transcripts:
 *
 * - `index.json`, the manifest: the format, the shard count and block
 *   sizes, and counts (a few hundred bytes).
 * - `s/<k>.json`, a shard: the terms whose hash is k modulo the shard
 *   count, each with a posting list per language: its document frequency
 *   there and its first block of postings, best first. The shard count
 *   grows with the index so that a shard holds about the same number of
 *   terms and postings at every size.
 * - `c/<k>/<c>-<b>.json`, a continuation: block b (from 1) of the rest of
 *   posting list c of shard k, fetched only when the first is not enough:
 *   to intersect keys of a few hundred documents exactly, or when the
 *   candidates run out.
 * - `f/<d div 1000>/<d mod 1000>.json`, a fragment: document d with its
 *   turn, transcript and text, as the reader sees it; read for the
 *   documents shown. One language a file: a query shows a turn in one, and
 *   a long turn's two texts together would be twice the bytes to read.
 *
 * A document is one turn in one language: `2n` is the Chinese of turn n of
 * the site (turns counted across transcripts, from 0), `2n + 1` its
 * English. A posting names a document and the term's weight in it. A
 * term's postings are kept per language, so a key that no English text
 * holds (a Chinese pair, mostly) rules out every English document at once,
 * and a language filter reads that language's postings alone. The
 * speaker of a turn is a term of its own, under their key and each of
 * their names (`speakerTerm`), so a filter by speaker, by any of them, is
 * one more key of the query.
 */
import type { Localized } from '../../localized.ts';
import type { Language } from '../../transcript/language.ts';

/** Bumped whenever a file's shape changes, so a page never reads an index it does not understand. */
export const FORMAT = 2;

export const MANIFEST = 'index.json';

/** A term's first block: enough candidates for the fragments one query may read, many times over. */
export const FIRST_BLOCK = 128;
/** A continuation block: about a KB or two, gzipped. */
export const CONTINUATION_BLOCK = 512;
/** What one shard should hold on average; the shard count is the power of two that keeps to both. */
export const SHARD_TERMS = 256;
export const SHARD_POSTINGS = 2048;
/** Fragments per folder, so no folder holds more than this many files. */
export const FRAGMENTS_PER_FOLDER = 1000;

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
  continuationBlock: number;
  transcripts: number;
  turns: number;
  /** Documents: one per turn and language. */
  documents: number;
  /** Distinct terms, speakers' included. */
  terms: number;
}

/**
 * One block of postings, best first: runs of one weight, each
 * `[weight, first document, gap, gap, ...]` with the documents ascending
 * within the run, so most numbers are small.
 */
export type Block = number[][];

/**
 * A term's postings in the documents of one language: `[df, first block]`,
 * or with a third field, when continuation blocks follow, the list's
 * continuation number in its shard.
 */
export type PostingList =
  [df: number, first: Block] | [df: number, first: Block, continuation: number];

/** A shard entry: a term with its postings in Chinese documents and in English ones, 0 where none holds it. */
export type ShardEntry = [term: string, zh: PostingList | 0, en: PostingList | 0];

/** A shard: its entries, sorted by term. */
export type Shard = ShardEntry[];

/** A document's fragment: its language is the document's (`languageOf`). */
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
  /** The turn's text in the document's language, as the reader sees it. */
  text: string;
}

export function documentOf(turn: number, language: Language): number {
  return turn * 2 + (language === 'zh' ? 0 : 1);
}

export function languageOf(document: number): Language {
  return document % 2 === 0 ? 'zh' : 'en';
}

/**
 * FNV-1a over the UTF-16 code units of a term: the same number in Node and
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

export function continuationPath(shard: number, continuation: number, block: number): string {
  return `c/${shard}/${continuation}-${block}.json`;
}

export function fragmentPath(document: number): string {
  const folder = Math.floor(document / FRAGMENTS_PER_FOLDER);
  return `f/${folder}/${document % FRAGMENTS_PER_FOLDER}.json`;
}

/** How many continuation blocks follow a first block, for a posting list of `df` documents. */
export function continuationBlocks(df: number, manifest: Manifest): number {
  return Math.max(0, Math.ceil((df - manifest.firstBlock) / manifest.continuationBlock));
}

/** A posting as the reader hands it on: which document, and the term's weight in it. */
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

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}
