/**
 * An Astro integration that builds the site index once the site is
 * written, so `npm run build` always ships a matching index in
 * `dist/search/` (src/lib/search/site-index/). It reads the records the
 * build wrote from the content collection (`src/pages/search_records/`),
 * one file at a time, then removes them: the collection stays the one
 * hand-off from the parser, and memory holds the postings, not the site.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
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
import { isHan, TRADITIONAL_TABLE } from '../lib/reading-aids/format.ts';
import { traditionalTable } from '../lib/reading-aids/traditional.ts';
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
 * without transcripts has none, and gets a valid empty index. Beside the
 * index goes the table that reads a Traditional query as Simplified, for
 * just the Han characters of the records (src/lib/reading-aids/format.ts).
 *
 * The files are read and written synchronously, on purpose: the build has
 * nothing else to do meanwhile, and for the hundreds of thousands of small
 * files of a large site, writes in flight through the promise API took
 * half as long again and twice the memory (measured at 5,000 transcripts).
 */
export async function writeSearchIndex(site: string): Promise<SearchIndexReport> {
  const started = performance.now();
  const recordsDir = path.join(site, SEARCH_RECORDS);
  const output = path.join(site, SEARCH_BUNDLE);
  const writer = new SiteIndexWriter();
  const characters = new Set<string>();
  try {
    const names = (existsSync(recordsDir) ? readdirSync(recordsDir) : [])
      .filter((name) => name.endsWith('.json'))
      .sort();
    rmSync(output, { recursive: true, force: true });
    const write = fileWriter(output);
    for (const name of names) {
      const record = readRecord(path.join(recordsDir, name), `${SEARCH_RECORDS}/${name}`);
      for (const file of writer.add(record)) write(file);
      for (const turn of record.turns) {
        for (const character of turn.zh + turn.en) if (isHan(character)) characters.add(character);
      }
    }
    for (const file of writer.finish()) write(file);
    write({ path: TRADITIONAL_TABLE, text: JSON.stringify(traditionalTable(characters)) });
  } finally {
    rmSync(recordsDir, { recursive: true, force: true });
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

function readRecord(file: string, name: string): SearchRecord {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
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

/** Writes index files under `root`, making each folder the first time a file needs it. */
function fileWriter(root: string): (file: IndexFile) => void {
  const made = new Set<string>();
  return (file) => {
    const target = path.join(root, file.path);
    const folder = path.dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(target, file.text);
  };
}
