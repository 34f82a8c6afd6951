/**
 * An Astro integration that builds the site index once the site is
 * written, so `npm run build` always ships a matching index in
 * `dist/search/` (src/lib/search/site-index/). It reads the records the
 * build wrote from the content collection (`src/pages/search_records/`),
 * one file at a time, then removes them: the collection stays the one
 * hand-off from the parser, and memory holds the postings, not the site.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  SEARCH_BUNDLE,
  SEARCH_INDEX_REPORT,
  SEARCH_RECORDS,
  type SearchIndexReport,
} from '../lib/search/bundle.ts';
import { searchRecordSchema, type SearchRecord } from '../lib/search/records.ts';
import { SiteIndexWriter, type IndexFile } from '../lib/search/site-index/writer.ts';

export function searchIndex(): AstroIntegration {
  let cacheDir: string | undefined;
  return {
    name: 'duet-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const report = await writeSearchIndex(fileURLToPath(dir));
        if (cacheDir) {
          await mkdir(cacheDir, { recursive: true });
          await writeFile(path.join(cacheDir, SEARCH_INDEX_REPORT), `${JSON.stringify(report)}\n`);
        }
        logger.info(
          `${report.turns} turns of ${report.transcripts} transcripts, ${report.terms} terms in ${report.shards} shards, ${report.files} files in ${report.seconds.toFixed(1)} s`,
        );
      },
    },
  };
}

/**
 * Indexes every record file under `<site>/search_records/` into
 * `<site>/search/`, then removes the record files, even when indexing
 * fails: they are the index's input, never a part of the site. A site
 * without transcripts has none, and gets a valid empty index.
 */
export async function writeSearchIndex(site: string): Promise<SearchIndexReport> {
  const started = performance.now();
  const recordsDir = path.join(site, SEARCH_RECORDS);
  const output = path.join(site, SEARCH_BUNDLE);
  const writer = new SiteIndexWriter();
  try {
    const names = (await readdir(recordsDir).catch(() => []))
      .filter((name) => name.endsWith('.json'))
      .sort();
    await rm(output, { recursive: true, force: true });
    const files = new FileWriter(output);
    for (const name of names) {
      const record = await readRecord(path.join(recordsDir, name), `${SEARCH_RECORDS}/${name}`);
      await files.writeAll(writer.add(record));
    }
    for (const file of writer.finish()) await files.write(file);
    await files.flush();
  } finally {
    await rm(recordsDir, { recursive: true, force: true });
  }
  const counts = writer.counts;
  return {
    transcripts: counts.transcripts,
    turns: counts.turns,
    records: counts.documents,
    terms: counts.terms,
    shards: counts.shards,
    files: counts.files,
    seconds: (performance.now() - started) / 1000,
  };
}

async function readRecord(file: string, name: string): Promise<SearchRecord> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`${name} is not a search record: ${(error as Error).message}`);
  }
  const parsed = searchRecordSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(
      `${name} is not a search record: ${issue.path.join('.') || 'the file'}: ${issue.message}`,
    );
  }
  return parsed.data;
}

/**
 * Writes the index's files with up to `IN_FLIGHT` writes at a time, making
 * their folders as they are needed: the writer goes on indexing while the
 * disk catches up, and memory holds a bounded number of files.
 */
class FileWriter {
  readonly #root: string;
  readonly #folders = new Map<string, Promise<unknown>>();
  #pending: Promise<void>[] = [];
  static readonly IN_FLIGHT = 128;

  constructor(root: string) {
    this.#root = root;
  }

  async write(file: IndexFile): Promise<void> {
    const target = path.join(this.#root, file.path);
    const folder = path.dirname(target);
    let made = this.#folders.get(folder);
    if (!made) {
      made = mkdir(folder, { recursive: true });
      this.#folders.set(folder, made);
    }
    const written = made.then(() => writeFile(target, file.text));
    // Awaited below; this only keeps a failure after an earlier one from going unhandled.
    written.catch(() => {});
    this.#pending.push(written);
    if (this.#pending.length >= FileWriter.IN_FLIGHT) {
      // The older half: the newer writes go on meanwhile.
      await Promise.all(this.#pending.splice(0, FileWriter.IN_FLIGHT / 2));
    }
  }

  async writeAll(files: readonly IndexFile[]): Promise<void> {
    for (const file of files) await this.write(file);
  }

  async flush(): Promise<void> {
    const pending = this.#pending;
    this.#pending = [];
    await Promise.all(pending);
  }
}
