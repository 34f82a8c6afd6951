/**
 * A site index written into memory and read back through a stand-in for
 * `fetch`, which keeps every file and range it is asked for: what a page
 * would fetch, without a server.
 */
import { deflateRawSync, gzipSync } from 'node:zlib';
import { same, type Localized } from '../../src/lib/localized.ts';
import type { SearchRecord } from '../../src/lib/search/records.ts';
import { SiteIndexReader, type IndexSource } from '../../src/lib/search/site-index/reader.ts';
import { writeSiteIndex } from '../../src/lib/search/site-index/writer.ts';

/** What a test may set of the writer's options: the build's compression is always used. */
export type IndexOptions = Omit<Parameters<typeof writeSiteIndex>[1], 'deflate'>;

/** Every file of an index, by its path under `search/`. */
export type IndexFiles = Map<string, string | Uint8Array>;

/** One fetch a page would make: a whole file, or a range of bytes of one. */
export interface Fetched {
  path: string;
  /** Bytes sent: a JSON file's gzip size (level 9), a range's own length. */
  bytes: number;
  /**
   * With a round trip (`ServeOptions`), the round of fetches it waited
   * for: one more than the latest round answered when it was asked.
   */
  round: number;
}

export interface ServeOptions {
  /**
   * Milliseconds before each fetch is answered: long beside the reader's
   * own work, so that the fetches asked at once are answered at once and
   * their rounds can be counted.
   */
  roundTrip?: number;
}

export interface MemoryIndex {
  files: IndexFiles;
  /** The paths loaded so far, in order, the version left off: a file once per fetch, ranges as `path@start-end`. */
  loaded: string[];
  fetched: Fetched[];
  reader: SiteIndexReader;
  /** A reader that has loaded nothing yet, as on a fresh page. */
  freshReader(): SiteIndexReader;
  /** The bytes fetched so far, as a host would send them. */
  gzipBytes(): number;
}

/** The build's compression: what src/integrations/search-index.ts gives the writer. */
export const deflate = (bytes: Uint8Array) => deflateRawSync(bytes, { level: 9 });

/** Writes the records' index the way the integration does, in order, into a map of files. */
export function writeIndex(
  records: readonly SearchRecord[],
  options: IndexOptions = {},
): IndexFiles {
  const files: IndexFiles = new Map();
  for (const file of writeSiteIndex(records, { deflate, ...options }))
    files.set(file.path, file.data);
  return files;
}

export function memoryIndex(records: readonly SearchRecord[], options?: IndexOptions): MemoryIndex {
  return serve(writeIndex(records, options));
}

/** Serves index files already written. */
export function serve(files: IndexFiles, { roundTrip }: ServeOptions = {}): MemoryIndex {
  const loaded: string[] = [];
  const fetched: Fetched[] = [];
  let answered = 0;
  const answer = async (path: string, bytes: number) => {
    const round = answered + 1;
    fetched.push({ path, bytes, round });
    if (roundTrip === undefined) return;
    await new Promise((resolve) => setTimeout(resolve, roundTrip));
    answered = Math.max(answered, round);
  };
  const source: IndexSource = {
    text: async (path) => {
      loaded.push(path);
      const data = files.get(path);
      if (typeof data !== 'string') throw new Error(`404 Not Found`);
      await answer(path, gzipSync(data, { level: 9 }).length);
      return data;
    },
    range: async (path, _version, start, end) => {
      loaded.push(`${path}@${start}-${end}`);
      const data = files.get(path);
      if (!(data instanceof Uint8Array)) throw new Error(`404 Not Found`);
      const bytes = data.subarray(start, end);
      await answer(path, bytes.length);
      return bytes;
    },
  };
  return {
    files,
    loaded,
    fetched,
    reader: new SiteIndexReader(source),
    freshReader: () => new SiteIndexReader(source),
    gzipBytes: () => fetched.reduce((sum, { bytes }) => sum + bytes, 0),
  };
}

/**
 * A transcript's record from its turns, `[speaker, zh, en]` each; each
 * speaker is named by their key unless `names` gives a name.
 */
export function record(
  slug: string,
  turns: readonly (readonly [speaker: string, zh: string, en: string])[],
  title = `Transcript ${slug}`,
  names: Readonly<Record<string, Localized>> = {},
): SearchRecord {
  return {
    slug,
    title: same(title),
    names: Object.fromEntries(turns.map(([speaker]) => [speaker, names[speaker] ?? same(speaker)])),
    turns: turns.map(([speaker, zh, en], i) => ({ turn: i + 1, speaker, zh, en })),
  };
}
