/**
 * An Astro integration that builds the site index once the site is
 * written, so `npm run build` always ships a matching index in
 * `dist/search/` (src/lib/search/site-index/). It reads the records the
 * build wrote from the content collection (`src/pages/search_records/`),
 * one file at a time, then removes them: the collection stays the one
 * hand-off from the parser, and memory holds the postings, not the site.
 *
 * The records are read twice: first to learn which terms are common, then
 * to index them (writer.ts says why). A rebuild redoes little: each
 * transcript's terms, counted, are kept in Astro's cache folder by the
 * digest of its record and of the site's code, and the index's files are
 * kept in the output from one build to the next and written only where
 * they changed (kept-files.ts, whose integration keeps the output folder
 * between builds).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { codeVersion } from './code-version.ts';
import { KeptFiles } from './kept-files.ts';
import {
  SEARCH_BUNDLE,
  SEARCH_INDEX_REPORT,
  SEARCH_RECORDS,
  type SearchIndexReport,
} from '../lib/search/bundle.ts';
import { searchRecordSchema, type SearchRecord } from '../lib/search/records.ts';
import { isHan, TRADITIONAL_TABLE } from '../lib/reading-aids/format.ts';
import { traditionalTable } from '../lib/reading-aids/traditional.ts';
import { pinyinAliases } from './pinyin-aliases.ts';
import {
  analyse,
  commonTerms,
  SiteIndexWriter,
  type AnalysedTurn,
  type IndexFile,
} from '../lib/search/site-index/writer.ts';

/** The name of the list of index files kept in the output (kept-files.ts). */
const KEPT = 'search-index';
/** Each transcript's counted terms, in Astro's cache folder. */
const ANALYSES = 'search-terms';

export function searchIndex(): AstroIntegration {
  let cacheDir = '';
  let code = '';
  return {
    name: 'duet-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        code = codeVersion(fileURLToPath(config.root));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const report = await writeSearchIndex(site, { cacheDir, code });
        await mkdir(cacheDir, { recursive: true });
        await writeFile(path.join(cacheDir, SEARCH_INDEX_REPORT), `${JSON.stringify(report)}\n`);
        logger.info(
          `${report.turns} turns of ${report.transcripts} transcripts, ${report.terms} terms in ${report.shards} shards, ${report.files} files (${report.written} written) in ${report.seconds.toFixed(1)} s`,
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
 * just the Han characters of the records (src/lib/reading-aids/format.ts),
 * and the map that reads a pinyin query (./pinyin-aliases.ts).
 *
 * The files are read and written synchronously, on purpose: the build has
 * nothing else to do meanwhile, and for the hundreds of thousands of small
 * files of a large site, writes in flight through the promise API took
 * half as long again and twice the memory (measured at 5,000 transcripts).
 */
export interface WriteOptions {
  /**
   * Astro's cache folder: where each transcript's counted terms and the list
   * of the index's files are kept for the next build.
   */
  cacheDir: string;
  /** The version of the site's code (code-version.ts), part of each kept analysis's key. */
  code: string;
}

export async function writeSearchIndex(
  site: string,
  { cacheDir, code }: WriteOptions,
): Promise<SearchIndexReport> {
  const started = performance.now();
  try {
    const kept = new KeptFiles(cacheDir, KEPT, site);
    const write = (file: IndexFile) => kept.write(`${SEARCH_BUNDLE}/${file.path}`, file.data);
    const analyses = new Analyses(path.join(cacheDir, ANALYSES), code);
    function* transcripts() {
      for (const { text, record } of readRecords(site)) {
        yield { record, analysed: analyses.of(text, record) };
      }
    }
    const common = commonTerms(
      (function* () {
        for (const { analysed } of transcripts()) yield analysed;
      })(),
    );
    const writer = new SiteIndexWriter(common, { deflate });
    const characters = new Set<string>();
    const aliases = pinyinAliases(site);
    for (const transcript of transcripts()) {
      for (const file of writer.add(transcript)) write(file);
      for (const turn of transcript.record.turns) {
        for (const character of turn.zh + turn.en) if (isHan(character)) characters.add(character);
      }
      aliases.add(transcript.record);
    }
    for (const file of writer.finish()) write(file);
    for (const file of aliases.files(writer.counts.shards)) write(file);
    write({ path: TRADITIONAL_TABLE, data: JSON.stringify(traditionalTable(characters)) });
    kept.finish();
    analyses.finish();
    const counts = writer.counts;
    return {
      transcripts: counts.transcripts,
      turns: counts.turns,
      records: counts.documents,
      terms: counts.terms,
      shards: counts.shards,
      files: counts.files,
      written: kept.changed,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    rmSync(path.join(site, SEARCH_RECORDS), { recursive: true, force: true });
  }
}

/** The build's compression of the texts in the index's packs: zlib's, at its best. */
function deflate(bytes: Uint8Array): Uint8Array {
  return deflateRawSync(bytes, { level: 9 });
}

/**
 * The search records the build wrote under `<site>/search_records/`, read
 * one at a time in the order of their names, each with its file's text.
 */
export function* readRecords(site: string): Generator<{ text: string; record: SearchRecord }> {
  const recordsDir = path.join(site, SEARCH_RECORDS);
  const names = (existsSync(recordsDir) ? readdirSync(recordsDir) : [])
    .filter((name) => name.endsWith('.json'))
    .sort();
  for (const name of names) {
    const text = readFileSync(path.join(recordsDir, name), 'utf8');
    yield { text, record: readRecord(text, `${SEARCH_RECORDS}/${name}`) };
  }
}

function readRecord(text: string, name: string): SearchRecord {
  let data: unknown;
  try {
    data = JSON.parse(text);
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
 * Each transcript's counted terms (`analyse`), kept by the digest of its
 * record and of the site's code: a rebuild counts again only the
 * transcripts that changed. Those not used by a build are deleted.
 */
class Analyses {
  readonly #folder: string;
  readonly #code: string;
  readonly #used = new Set<string>();

  constructor(folder: string, code: string) {
    this.#folder = folder;
    this.#code = code;
    mkdirSync(folder, { recursive: true });
  }

  of(text: string, record: SearchRecord): AnalysedTurn[] {
    const key = createHash('sha1').update(this.#code).update('\0').update(text).digest('hex');
    const file = path.join(this.#folder, `${key}.json`);
    this.#used.add(`${key}.json`);
    try {
      const kept = JSON.parse(readFileSync(file, 'utf8')) as AnalysedTurn[];
      if (kept.length === record.turns.length) return kept;
    } catch {
      // Not kept yet, or unreadable: counted again below.
    }
    const analysed = analyse(record);
    writeFileSync(file, JSON.stringify(analysed));
    return analysed;
  }

  finish(): void {
    for (const name of readdirSync(this.#folder)) {
      if (!this.#used.has(name)) rmSync(path.join(this.#folder, name), { force: true });
    }
  }
}
