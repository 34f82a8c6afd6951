/**
 * A site index written into memory and read back through a stand-in for
 * `fetch`, which keeps every file it is asked for: what a page would
 * fetch, without a server.
 */
import { same, type Localized } from '../../src/lib/localized.ts';
import { gzipSync } from 'node:zlib';
import type { SearchRecord } from '../../src/lib/search/records.ts';
import { SiteIndexReader, type Load } from '../../src/lib/search/site-index/reader.ts';
import { SiteIndexWriter, type SiteIndexOptions } from '../../src/lib/search/site-index/writer.ts';

export interface MemoryIndex {
  /** Every file, by its path under `search/`. */
  files: Map<string, string>;
  /** The paths loaded so far, in order, the version left off. */
  loaded: string[];
  reader: SiteIndexReader;
  /** A reader that has loaded nothing yet, as on a fresh page. */
  freshReader(): SiteIndexReader;
  /** The gzip size (level 9) of the files loaded so far. */
  gzipBytes(): number;
}

/** Writes the records' index the way the integration does, in order, into a map of files. */
export function writeIndex(
  records: readonly SearchRecord[],
  options?: SiteIndexOptions,
): Map<string, string> {
  const writer = new SiteIndexWriter(options);
  const files = new Map<string, string>();
  for (const record of records)
    for (const file of writer.add(record)) files.set(file.path, file.text);
  for (const file of writer.finish()) files.set(file.path, file.text);
  return files;
}

export function memoryIndex(
  records: readonly SearchRecord[],
  options?: SiteIndexOptions,
): MemoryIndex {
  return serve(writeIndex(records, options));
}

/** Serves index files already written. */
export function serve(files: Map<string, string>): MemoryIndex {
  const loaded: string[] = [];
  const load: Load = async (path) => {
    loaded.push(path);
    const text = files.get(path);
    if (text === undefined) throw new Error(`404 Not Found`);
    return text;
  };
  return {
    files,
    loaded,
    reader: new SiteIndexReader(load),
    freshReader: () => new SiteIndexReader(load),
    gzipBytes: () =>
      loaded.reduce((sum, path) => sum + gzipSync(files.get(path) ?? '', { level: 9 }).length, 0),
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
