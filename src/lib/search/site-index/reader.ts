/**
 * Reads the site index's files (format.ts) through a source the caller
 * gives: `fetch` in the browser, a map of files in tests. Each file or
 * range is loaded once and checked before use; one that cannot be loaded
 * or is not what the format says rejects with an Error naming it, and is
 * tried again on the next call.
 */
import { languages, type Language } from '../../transcript/language.ts';
import {
  decodeBlock,
  decodeList,
  FORMAT,
  listsPath,
  MANIFEST,
  packHeaderPath,
  packOf,
  packTextsPath,
  shardOf,
  shardPath,
  type Fragment,
  type Manifest,
  type PackHeader,
  type PackTurn,
  type Posting,
} from './format.ts';

/**
 * How soon a read is wanted: `low` for the reads that fill a screen
 * already showing results, which the next query's reads may overtake.
 */
export type ReadPriority = 'high' | 'low';

/** Where the index's files come from: their paths are under `search/`. */
export interface IndexSource {
  /** A JSON file's text; `version` is the manifest's, undefined for the manifest itself. */
  text(path: string, version: string | undefined, priority?: ReadPriority): Promise<string>;
  /** Bytes `start` (inclusive) to `end` (exclusive) of a binary file. */
  range(
    path: string,
    version: string,
    start: number,
    end: number,
    priority?: ReadPriority,
  ): Promise<Uint8Array>;
}

/** A key's postings in one language's documents, as its shard holds them. */
export interface TermPostings {
  term: string;
  language: Language;
  /** Documents that hold the key: more than `first` holds when the list is longer. */
  df: number;
  /** The first block, best first (a phrase key's, the start of its list: format.ts). */
  first: Posting[];
  shard: number;
  /** Where the whole list stands in the shard's lists, when `first` is not all of it. */
  whole?: { offset: number; length: number };
}

/** A key's posting lists; a language none of whose documents hold the key has none. */
export type TermEntry = Partial<Record<Language, TermPostings>>;

/** The documents at the start of a list, and the last document up to which they are all of it. */
export interface ListStart {
  documents: number[];
  until: number;
}

/** Texts kept for later queries; past this many the oldest go. */
const KEPT_FRAGMENTS = 500;

/** A pack's header, read: each turn's place in the pack's texts. */
interface Pack {
  header: PackHeader;
  /** Per turn of the pack, the byte offset of its Chinese text; its English follows. */
  offsets: number[];
}

export class SiteIndexReader {
  readonly #source: IndexSource;
  #manifest: Promise<Manifest> | undefined;
  readonly #shards = new Map<number, Promise<Map<string, TermEntry>>>();
  readonly #lists = new Map<string, Promise<ListStart>>();
  readonly #packs = new Map<number, Promise<Pack>>();
  readonly #fragments = new Map<number, Promise<Fragment>>();

  constructor(source: IndexSource) {
    this.#source = source;
  }

  manifest(): Promise<Manifest> {
    this.#manifest ??= this.#json(MANIFEST, undefined, readManifest);
    this.#manifest.catch(() => (this.#manifest = undefined));
    return this.#manifest;
  }

  /** A key's posting lists, or undefined when no document holds it. */
  async term(term: string): Promise<TermEntry | undefined> {
    const manifest = await this.manifest();
    const shard = shardOf(term, manifest.shards);
    const entries = remembered(this.#shards, shard, () =>
      this.#json(shardPath(shard), manifest.version, (data) => readShard(data, shard, manifest)),
    );
    return (await entries).get(term);
  }

  /**
   * The documents of a list, ascending, from its start: all of them when
   * its first block is all of it, else those the first `bytes` of its
   * whole list hold (all of it by default). `until` is the last document
   * they are all of the list's up to: Infinity when they are all of it.
   */
  async documents(list: TermPostings, bytes = Infinity): Promise<ListStart> {
    const { whole } = list;
    if (!whole) {
      const documents = list.first.map(({ document }) => document).sort((a, b) => a - b);
      return { documents, until: Infinity };
    }
    const length = Math.min(bytes, whole.length);
    const manifest = await this.manifest();
    const path = listsPath(list.shard, manifest.listGroup);
    return remembered(this.#lists, `${list.language}:${list.term}:${length}`, async () => {
      const fetched = await this.#range(path, manifest.version, whole.offset, length);
      return this.#checked(path, () => {
        const partial = length < whole.length;
        const documents = decodeList(fetched, list.language, partial);
        if (partial ? documents.length > list.df : documents.length !== list.df) {
          throw new Error(
            `the list of ${JSON.stringify(list.term)} does not match its df, ${list.df}`,
          );
        }
        return { documents, until: partial ? (documents.at(-1) ?? -1) : Infinity };
      });
    });
  }

  /** A document's text, with its turn, speaker and transcript. */
  async fragment(document: number, priority: ReadPriority = 'high'): Promise<Fragment> {
    if (this.#fragments.size >= KEPT_FRAGMENTS && !this.#fragments.has(document)) {
      this.#fragments.delete(this.#fragments.keys().next().value!);
    }
    return remembered(this.#fragments, document, () => this.#readFragment(document, priority));
  }

  async #readFragment(document: number, priority: ReadPriority): Promise<Fragment> {
    const manifest = await this.manifest();
    const pack = packOf(document, manifest.packTurns);
    const { header, offsets } = await remembered(this.#packs, pack, () =>
      this.#json(
        packHeaderPath(pack),
        manifest.version,
        (data) => readPack(data, manifest),
        priority,
      ),
    );
    const index = (document >> 1) - pack * manifest.packTurns;
    const turn = header.turns[index];
    const path = packTextsPath(pack, manifest.textGroup);
    if (!turn) throw new Error(`The search index file search/${path} has no document ${document}`);
    const [transcript, number, speaker, zhBytes, enBytes, seconds] = turn;
    const english = document % 2 === 1;
    const start = header.start + offsets[index]! + (english ? zhBytes : 0);
    const length = english ? enBytes : zhBytes;
    const deflated = await this.#range(path, manifest.version, start, length, priority);
    const text = await inflate(deflated).catch((error: unknown) => {
      throw new Error(`The search index file search/${path} is not valid: ${reason(error)}`, {
        cause: error,
      });
    });
    const [slug, title, speakers] = header.transcripts[transcript]!;
    const [key, name] = speakers[speaker] ?? ['', { en: '', zh: '' }];
    return {
      slug,
      title,
      speaker: key,
      name,
      turn: number,
      ...(seconds !== undefined && { start: seconds }),
      text,
      bytes: deflated.length,
    };
  }

  async #json<T>(
    path: string,
    version: string | undefined,
    read: (data: unknown) => T,
    priority: ReadPriority = 'high',
  ) {
    let text: string;
    try {
      text = await this.#source.text(path, version, priority);
    } catch (error) {
      throw new Error(
        `The search index file search/${path} could not be loaded: ${reason(error)}`,
        {
          cause: error,
        },
      );
    }
    return this.#checked(path, () => read(JSON.parse(text) as unknown));
  }

  async #range(
    path: string,
    version: string,
    start: number,
    length: number,
    priority: ReadPriority = 'high',
  ) {
    try {
      const bytes = await this.#source.range(path, version, start, start + length, priority);
      if (bytes.length !== length) {
        throw new Error(`bytes ${start}-${start + length - 1} came as ${bytes.length} bytes`);
      }
      return bytes;
    } catch (error) {
      throw new Error(
        `The search index file search/${path} could not be loaded: ${reason(error)}`,
        {
          cause: error,
        },
      );
    }
  }

  #checked<T>(path: string, read: () => T): T {
    try {
      return read();
    } catch (error) {
      throw new Error(`The search index file search/${path} is not valid: ${reason(error)}`, {
        cause: error,
      });
    }
  }
}

/** A text as the pack holds it: UTF-8, deflated on its own. */
async function inflate(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
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

function isSeconds(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isLocalized(value: unknown): boolean {
  return isRecord(value) && typeof value.en === 'string' && typeof value.zh === 'string';
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
    'common',
    'packTurns',
    'textGroup',
    'listGroup',
    'transcripts',
    'turns',
    'documents',
    'terms',
  ] as const;
  for (const field of counts) {
    if (!isCount(data[field])) throw new Error(`its ${field} should be a whole number`);
  }
  const frequent = data.frequent;
  if (
    !isRecord(frequent) ||
    !languages.every(
      (language) =>
        Array.isArray(frequent[language]) &&
        (frequent[language] as unknown[]).every(
          (item) =>
            Array.isArray(item) &&
            item.length === 2 &&
            typeof item[0] === 'string' &&
            isCount(item[1]),
        ),
    )
  ) {
    throw new Error('its frequent terms should be, per language, [[term, df]...]');
  }
  const manifest = data as unknown as Manifest;
  const { shards, firstBlock, packTurns, textGroup, listGroup } = manifest;
  if (shards < 1 || (shards & (shards - 1)) !== 0) {
    throw new Error(`its shard count, ${shards}, should be a power of two`);
  }
  if ([firstBlock, packTurns, textGroup, listGroup].some((size) => size < 1)) {
    throw new Error('its block, pack and group sizes should be positive');
  }
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
  if (!Array.isArray(list) || (list.length !== 2 && list.length !== 4) || !isCount(list[0])) {
    throw new Error(`${named} should be [df, block] or [df, block, offset, length], or 0`);
  }
  const [df, block, offset, length] = list as [number, unknown, unknown, unknown];
  const first = decodeBlock(block);
  const whole = list.length === 4;
  if (
    first.length !== Math.min(df, manifest.firstBlock) ||
    whole !== df > manifest.firstBlock ||
    (whole && (!isCount(offset) || !isCount(length)))
  ) {
    throw new Error(`${named} do not match their df, ${df}`);
  }
  return {
    term,
    language,
    df,
    first,
    shard,
    ...(whole ? { whole: { offset: offset as number, length: length as number } } : {}),
  };
}

export function readPack(data: unknown, manifest: Manifest): Pack {
  if (
    !isRecord(data) ||
    !isCount(data.start) ||
    !Array.isArray(data.transcripts) ||
    !Array.isArray(data.turns)
  ) {
    throw new Error('a pack should be { start, transcripts, turns }');
  }
  for (const transcript of data.transcripts as unknown[]) {
    if (
      !Array.isArray(transcript) ||
      typeof transcript[0] !== 'string' ||
      !isLocalized(transcript[1]) ||
      !Array.isArray(transcript[2]) ||
      !(transcript[2] as unknown[]).every(
        (speaker) =>
          Array.isArray(speaker) && typeof speaker[0] === 'string' && isLocalized(speaker[1]),
      )
    ) {
      throw new Error('a transcript of a pack should be [slug, title, [[key, name]...]]');
    }
  }
  const offsets: number[] = [];
  let at = 0;
  for (const turn of data.turns as unknown[]) {
    if (
      !Array.isArray(turn) ||
      (turn.length !== 5 && turn.length !== 6) ||
      !turn.slice(0, 5).every(isCount) ||
      (turn.length === 6 && !isSeconds(turn[5]))
    ) {
      throw new Error(
        'a turn of a pack should be [transcript, turn, speaker, zh bytes, en bytes], then its start in seconds where it has one',
      );
    }
    const [transcript, number, , zhBytes, enBytes] = turn as PackTurn;
    if (transcript >= data.transcripts.length || number < 1) {
      throw new Error(`a turn of a pack names no transcript, or no turn: ${JSON.stringify(turn)}`);
    }
    offsets.push(at);
    at += zhBytes + enBytes;
  }
  if (data.turns.length > manifest.packTurns)
    throw new Error('a pack holds more turns than a pack may');
  return { header: data as unknown as PackHeader, offsets };
}
