/**
 * Reads the site index's files (format.ts) through a loader the caller
 * gives: `fetch` in the browser, a map of files in tests. Each file is
 * loaded once and checked before use; a file that cannot be loaded or is
 * not what the format says rejects with an Error naming it, and is tried
 * again on the next call.
 */
import { languages, type Language } from '../../transcript/language.ts';
import {
  continuationBlocks,
  continuationPath,
  decodeBlock,
  FORMAT,
  fragmentPath,
  MANIFEST,
  shardOf,
  shardPath,
  type Fragment,
  type Manifest,
  type Posting,
} from './format.ts';

/**
 * Loads a file of the index by its path under `search/`; `version` is the
 * manifest's, undefined for the manifest itself. Rejects when it cannot.
 */
export type Load = (path: string, version: string | undefined) => Promise<string>;

/** A term's postings in one language's documents, as its shard holds them. */
export interface TermPostings {
  term: string;
  language: Language;
  /** Documents that hold the term: more than `first` holds when it has continuations. */
  df: number;
  /** The first block, best first. */
  first: Posting[];
  shard: number;
  /** The list's continuation number in its shard, when it has continuation blocks. */
  continuation?: number;
  /** How many continuation blocks follow the first. */
  blocks: number;
}

/** A term's posting lists; a language none of whose documents hold the term has none. */
export type TermEntry = Partial<Record<Language, TermPostings>>;

/** Fragments kept for later queries; past this many the oldest go. */
const KEPT_FRAGMENTS = 500;

export class SiteIndexReader {
  readonly #load: Load;
  #manifest: Promise<Manifest> | undefined;
  readonly #shards = new Map<number, Promise<Map<string, TermEntry>>>();
  readonly #continuations = new Map<string, Promise<Posting[]>>();
  readonly #fragments = new Map<number, Promise<Fragment>>();

  constructor(load: Load) {
    this.#load = load;
  }

  manifest(): Promise<Manifest> {
    this.#manifest ??= this.#file(MANIFEST, undefined, readManifest);
    this.#manifest.catch(() => (this.#manifest = undefined));
    return this.#manifest;
  }

  /** A term's posting lists, or undefined when no document holds it. */
  async term(term: string): Promise<TermEntry | undefined> {
    const manifest = await this.manifest();
    const shard = shardOf(term, manifest.shards);
    const entries = remembered(this.#shards, shard, () =>
      this.#file(shardPath(shard), manifest.version, (data) => readShard(data, shard, manifest)),
    );
    return (await entries).get(term);
  }

  /** Continuation block `block` (from 1) of a posting list. */
  async continuation(list: TermPostings, block: number): Promise<Posting[]> {
    if (list.continuation === undefined || block < 1 || block > list.blocks) {
      throw new RangeError(`${list.term} (${list.language}) has no continuation block ${block}`);
    }
    const manifest = await this.manifest();
    const path = continuationPath(list.shard, list.continuation, block);
    return remembered(this.#continuations, path, () =>
      this.#file(path, manifest.version, decodeBlock),
    );
  }

  /** A document's fragment: its turn, transcript and text. */
  async fragment(document: number): Promise<Fragment> {
    const manifest = await this.manifest();
    if (this.#fragments.size >= KEPT_FRAGMENTS && !this.#fragments.has(document)) {
      this.#fragments.delete(this.#fragments.keys().next().value!);
    }
    return remembered(this.#fragments, document, () =>
      this.#file(fragmentPath(document), manifest.version, readFragment),
    );
  }

  async #file<T>(path: string, version: string | undefined, read: (data: unknown) => T) {
    const name = `search/${path}`;
    let text: string;
    try {
      text = await this.#load(path, version);
    } catch (error) {
      throw new Error(`The search index file ${name} could not be loaded: ${reason(error)}`, {
        cause: error,
      });
    }
    try {
      return read(JSON.parse(text) as unknown);
    } catch (error) {
      throw new Error(`The search index file ${name} is not valid: ${reason(error)}`, {
        cause: error,
      });
    }
  }
}

/** The cached promise for `key`, made by `make` if there is none; a failure is forgotten. */
function remembered<K, T>(cache: Map<K, Promise<T>>, key: K, make: () => Promise<T>): Promise<T> {
  let promise = cache.get(key);
  if (!promise) {
    promise = make();
    cache.set(key, promise);
    promise.catch(() => cache.delete(key));
  }
  return promise;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isRecord(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null && !Array.isArray(data);
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

export function readManifest(data: unknown): Manifest {
  if (!isRecord(data)) throw new Error('the manifest should be an object');
  if (data.format !== FORMAT) {
    throw new Error(`its format is ${String(data.format)}, this page reads format ${FORMAT}`);
  }
  if (typeof data.version !== 'string') throw new Error('its version should be a string');
  const counts = [
    'shards',
    'firstBlock',
    'continuationBlock',
    'transcripts',
    'turns',
    'documents',
    'terms',
  ] as const;
  for (const field of counts) {
    if (!isCount(data[field])) throw new Error(`its ${field} should be a whole number`);
  }
  const manifest = data as unknown as Manifest;
  const { shards, firstBlock, continuationBlock } = manifest;
  if (shards < 1 || (shards & (shards - 1)) !== 0) {
    throw new Error(`its shard count, ${shards}, should be a power of two`);
  }
  if (firstBlock < 1 || continuationBlock < 1)
    throw new Error('its block sizes should be positive');
  return manifest;
}

export function readShard(data: unknown, shard: number, manifest: Manifest) {
  if (!Array.isArray(data)) throw new Error('a shard should be an array of entries');
  const entries = new Map<string, TermEntry>();
  for (const item of data) {
    if (!Array.isArray(item) || item.length !== 3 || typeof item[0] !== 'string') {
      throw new Error('a shard entry should be [term, Chinese postings, English postings]');
    }
    const term = item[0];
    const entry: TermEntry = {};
    for (const [i, language] of languages.entries()) {
      const list: unknown = item[i + 1];
      if (list !== 0) entry[language] = readList(list, term, language, shard, manifest);
    }
    entries.set(term, entry);
  }
  return entries;
}

function readList(
  list: unknown,
  term: string,
  language: Language,
  shard: number,
  manifest: Manifest,
): TermPostings {
  const named = `the ${language} postings of ${JSON.stringify(term)}`;
  if (!Array.isArray(list) || list.length < 2 || list.length > 3 || !isCount(list[0])) {
    throw new Error(`${named} should be [df, block] or [df, block, continuation], or 0`);
  }
  const [df, block, continuation] = list as [number, unknown, unknown];
  const first = decodeBlock(block);
  const blocks = continuationBlocks(df, manifest);
  if (first.length !== Math.min(df, manifest.firstBlock) || blocks > 0 !== isCount(continuation)) {
    throw new Error(`${named} do not match their df, ${df}`);
  }
  return {
    term,
    language,
    df,
    first,
    shard,
    blocks,
    ...(isCount(continuation) ? { continuation } : {}),
  };
}

export function readFragment(data: unknown): Fragment {
  if (!isRecord(data)) throw new Error('a fragment should be an object');
  for (const field of ['slug', 'speaker', 'text'] as const) {
    if (typeof data[field] !== 'string') throw new Error(`its ${field} should be a string`);
  }
  for (const field of ['title', 'name'] as const) {
    const value = data[field];
    if (!isRecord(value) || typeof value.en !== 'string' || typeof value.zh !== 'string') {
      throw new Error(`its ${field} should be text in both languages, { en, zh }`);
    }
  }
  if (!isCount(data.turn) || data.turn < 1) throw new Error('its turn should be a number from 1');
  return data as unknown as Fragment;
}
