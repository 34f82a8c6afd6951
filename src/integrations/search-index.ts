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
 * digest of its record and of the site's code (the counts as JSON, the
 * texts as the packs hold them in a file of bytes, read alone where the
 * counts are not needed), the posting lists are kept there too and mended
 * (search-lists.ts), and the index's files are kept in the output from
 * one build to the next and written only where they changed
 * (kept-files.ts, whose integration keeps the output folder between
 * builds).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { deflateRawSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { codeVersion } from './code-version.ts';
import { changedKeys, KeptFiles, takeLastState } from './kept-files.ts';
import {
  SEARCH_BUNDLE,
  SEARCH_INDEX_REPORT,
  SEARCH_RECORDS,
  type SearchIndexReport,
} from '../lib/search/bundle.ts';
import { searchRecordSchema, type SearchRecord } from '../lib/search/records.ts';
import { isHan, TRADITIONAL_TABLE } from '../lib/reading-aids/format.ts';
import { traditionalTable } from '../lib/reading-aids/traditional.ts';
import type { Language } from '../lib/transcript/language.ts';
import { PinyinAliases } from './pinyin-aliases.ts';
import { KeptLists, type Turns } from './search-lists.ts';
import { LIST_GROUP, listsPath, shardPath } from '../lib/search/site-index/format.ts';
import {
  analyse,
  SiteIndexWriter,
  SiteTerms,
  turnSpeakers,
  type AnalysedTurn,
  type Counted,
  type MendedLists,
  type IndexFile,
  type SiteTermsData,
  type TermCounts,
} from '../lib/search/site-index/writer.ts';

/** The name of the list of index files kept in the output (kept-files.ts). */
const KEPT = 'search-index';
/** Each transcript's analysis, in Astro's cache folder. */
const ANALYSES = 'search-terms';
/** The site's counts of terms, beside them. */
const TERMS = 'search-site-terms.json';

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
        const report = await writeInWorker(site, { cacheDir, code });
        await mkdir(cacheDir, { recursive: true });
        await writeFile(path.join(cacheDir, SEARCH_INDEX_REPORT), `${JSON.stringify(report)}\n`);
        logger.info(
          `${report.turns} turns of ${report.transcripts} transcripts, ${report.terms} terms in ${report.shards} shards (${report.listGroups} groups' lists made), ${report.files} files (${report.written} written) in ${report.seconds.toFixed(1)} s`,
        );
      },
    },
  };
}

/**
 * `writeSearchIndex` in a worker thread: a heap of its own, not Astro's,
 * which by now holds the content of every page it rendered. Collecting
 * garbage in that heap, gigabytes at 5,000 transcripts, took the index's
 * time there past ten times its time at 500 (README.md, "Benchmark").
 */
function writeInWorker(site: string, options: WriteOptions): Promise<SearchIndexReport> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./search-index-worker.ts', import.meta.url), {
      workerData: { site, options },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      reject(new Error(`The search index's worker stopped (exit code ${code}) before it was done`));
    });
  });
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
    const analyses = new Analyses(cacheDir, code);
    const lists = new KeptLists(cacheDir, code);
    const names = recordNames(site);
    // The first pass needs only the transcripts that changed since the last build, if it has one.
    const keys = names.map((name) => analyses.keyOf(readFileSync(path.join(site, name), 'utf8')));
    const turnsAt = (index: number): Turns => {
      const { text, record } = readRecord(site, names[index]!);
      return { analysed: analyses.of(text, record), speakers: turnSpeakers(record) };
    };
    const terms = analyses.siteTerms(keys, (index) => turnsAt(index).analysed);
    const common = terms.common();
    let mended = lists.mend(keys, common, turnsAt, (key) => analyses.kept(key));
    if (mended && !keepOtherGroups(kept, mended)) mended = undefined;
    const writer = new SiteIndexWriter(common);
    const characters = new Set<string>();
    const aliases = new PinyinAliases(site, cacheDir, code);
    aliases.count(keys, (index) => readRecord(site, names[index]!).record);
    const turns: number[] = [];
    for (const name of names) {
      const { text, record } = readRecord(site, name);
      const texts = analyses.texts(text, record);
      const analysed = mended ? texts.analysed : analyses.of(text, record);
      for (const file of writer.add({ record, analysed }, { postings: !mended })) write(file);
      turns.push(record.turns.length);
      for (const character of texts.characters) characters.add(character);
    }
    for (const file of writer.finish(mended, (group, groupLists) => lists.keep(group, groupLists)))
      write(file);
    for (const file of aliases.files(writer.counts.shards)) write(file);
    write({ path: TRADITIONAL_TABLE, data: JSON.stringify(traditionalTable(characters)) });
    kept.finish();
    analyses.finish(keys, terms);
    aliases.finish(keys);
    lists.finish(keys, turns, common, writer.counts.shards, writer.totalLength);
    const counts = writer.counts;
    return {
      transcripts: counts.transcripts,
      turns: counts.turns,
      records: counts.documents,
      terms: counts.terms,
      shards: counts.shards,
      files: counts.files,
      written: kept.changed,
      listGroups: lists.made,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    rmSync(path.join(site, SEARCH_RECORDS), { recursive: true, force: true });
  }
}

/**
 * Keeps the files of the groups of shards a mended index does not write
 * (search-lists.ts) as the last build wrote them, counting them in
 * `mended.keptFiles`; false when one of them is not there, and the index
 * is to be built whole.
 */
function keepOtherGroups(kept: KeptFiles, mended: MendedLists): boolean {
  const { shards, groups } = mended;
  for (let group = 0; group * LIST_GROUP < shards; group++) {
    if (groups.has(group)) continue;
    const first = group * LIST_GROUP;
    const last = Math.min(first + LIST_GROUP, shards) - 1;
    const files = Array.from({ length: last - first + 1 }, (_, i) => shardPath(first + i));
    // A group whose lists all fit in their first blocks has no lists file.
    if (kept.has(`${SEARCH_BUNDLE}/${listsPath(last, LIST_GROUP)}`))
      files.push(listsPath(last, LIST_GROUP));
    if (!kept.keepAsIs(files.map((file) => `${SEARCH_BUNDLE}/${file}`))) return false;
    mended.keptFiles += files.length;
  }
  return true;
}

/** The build's compression of the texts in the index's packs: zlib's, at its best. */
function deflate(bytes: Uint8Array): Uint8Array {
  return deflateRawSync(bytes, { level: 9 });
}

/** The files of the search records the build wrote, as paths under the site, in order. */
function recordNames(site: string): string[] {
  const recordsDir = path.join(site, SEARCH_RECORDS);
  return (existsSync(recordsDir) ? readdirSync(recordsDir) : [])
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => `${SEARCH_RECORDS}/${name}`);
}

/**
 * The search records the build wrote under `<site>/search_records/`, read
 * one at a time in the order of their names, each with its file's text.
 */
export function* readRecords(site: string): Generator<{ text: string; record: SearchRecord }> {
  for (const name of recordNames(site)) yield readRecord(site, name);
}

function readRecord(site: string, name: string): { text: string; record: SearchRecord } {
  const text = readFileSync(path.join(site, name), 'utf8');
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
  return { text, record: parsed.data };
}

/** A turn's analysis as kept in a JSON file: its texts' counts; their bytes are in the texts file. */
type KeptTurn = Record<Language, Omit<TermCounts, 'deflated'>>;

/** A transcript's analysis as kept in a JSON file, with each turn's speaker terms (search-lists.ts). */
interface KeptTranscript {
  turns: KeptTurn[];
  speakers: string[][];
}

/** What the packs need of a transcript (`Analyses.texts`), and the Han characters of its texts. */
interface Texts {
  /** Each turn's texts deflated, with their lengths; no terms counted. */
  analysed: AnalysedTurn[];
  characters: string;
}

const NONE: Counted = { keys: [], counts: [] };

/** What the last build counted in its first pass (`SiteTerms`), and of which transcripts. */
interface KeptTerms {
  /** The version of the site's code that counted them. */
  code: string;
  /** The key of each transcript's analysis, as `Analyses.keyOf` made it. */
  keys: readonly string[];
  terms: SiteTermsData;
}

/**
 * Each transcript's analysis (`analyse`: its terms counted, its texts
 * deflated), kept by the digest of its record and of the site's code, and
 * the site's counts of terms (`SiteTerms`) of the last build: a rebuild
 * analyses again only the transcripts that changed, and counts the site's
 * terms again only for those. Analyses not used by a build are deleted.
 */
class Analyses {
  readonly #folder: string;
  readonly #terms: string;
  readonly #code: string;

  constructor(cacheDir: string, code: string) {
    this.#folder = path.join(cacheDir, ANALYSES);
    this.#terms = path.join(cacheDir, TERMS);
    this.#code = code;
    mkdirSync(this.#folder, { recursive: true });
  }

  /** The key of a transcript's analysis: the digest of its record's text and of the site's code. */
  keyOf(text: string): string {
    return createHash('sha1').update(this.#code).update('\0').update(text).digest('hex');
  }

  of(text: string, record: SearchRecord): AnalysedTurn[] {
    const key = this.keyOf(text);
    const kept = this.kept(key)?.analysed;
    if (kept?.length === record.turns.length) return kept;
    const analysed = analyse(record, deflate);
    const counts = ({ deflated: _, ...rest }: TermCounts) => rest;
    const turns: KeptTurn[] = analysed.map((turn) => ({
      zh: counts(turn.zh),
      en: counts(turn.en),
    }));
    const file: KeptTranscript = { turns, speakers: turnSpeakers(record) };
    writeFileSync(path.join(this.#folder, `${key}.json`), JSON.stringify(file));
    writeFileSync(path.join(this.#folder, `${key}.bin`), encodeTexts(analysed, hanOf(record)));
    return analysed;
  }

  /**
   * A transcript's texts as its packs hold them, without its terms: all a
   * rebuild needs of a transcript whose postings it mends (search-lists.ts)
   * rather than adds, read from a file of bytes alone.
   */
  texts(text: string, record: SearchRecord): Texts {
    const file = path.join(this.#folder, `${this.keyOf(text)}.bin`);
    try {
      const texts = decodeTexts(readFileSync(file));
      if (texts.analysed.length === record.turns.length) return texts;
    } catch {
      // Not kept yet, or unreadable: analysed again, below.
    }
    return { analysed: this.of(text, record), characters: hanOf(record) };
  }

  /**
   * The site's counts of terms, for the transcripts whose analyses have
   * `keys`: the last build's, with the transcripts that went or changed
   * taken out and those that came or changed counted (`analysedAt(i)`
   * analyses the transcript of `keys[i]`); or all of them counted, when
   * the last build's are not known, were made by other code (whose kept
   * analyses need not have this code's shape), or one of the analyses to
   * take out is gone.
   */
  siteTerms(keys: readonly string[], analysedAt: (index: number) => AnalysedTurn[]): SiteTerms {
    const last = this.#lastTerms();
    const mended = last?.code === this.#code ? this.#mend(last, keys, analysedAt) : undefined;
    if (mended) return mended;
    const terms = new SiteTerms();
    for (const index of keys.keys()) terms.add(analysedAt(index));
    return terms;
  }

  #mend(
    last: KeptTerms,
    keys: readonly string[],
    analysedAt: (index: number) => AnalysedTurn[],
  ): SiteTerms | undefined {
    const { added, gone } = changedKeys(last.keys, keys);
    const analyses = gone.map(([key, count]) => ({ count, analysed: this.kept(key)?.analysed }));
    if (analyses.some(({ analysed }) => analysed === undefined)) return undefined;
    const terms = new SiteTerms(last.terms);
    for (const { count, analysed } of analyses) {
      for (let i = 0; i < count; i++) terms.remove(analysed!);
    }
    for (const index of added) terms.add(analysedAt(index));
    return terms;
  }

  /** Keeps the counts of this build's transcripts, `keys`, and deletes the analyses it did not use. */
  finish(keys: readonly string[], terms: SiteTerms): void {
    const used = new Set(keys.flatMap((key) => [`${key}.json`, `${key}.bin`]));
    for (const name of readdirSync(this.#folder)) {
      if (!used.has(name)) rmSync(path.join(this.#folder, name), { force: true });
    }
    writeFileSync(
      this.#terms,
      JSON.stringify({ code: this.#code, keys, terms: terms.data } satisfies KeptTerms),
    );
  }

  /** The last complete build's counts, then forgotten until this build completes. */
  #lastTerms(): KeptTerms | undefined {
    return takeLastState<KeptTerms>(this.#terms);
  }

  /** The analysis kept by `key`, and its turns' speaker terms, if it is kept. */
  kept(key: string): Turns | undefined {
    try {
      const kept = JSON.parse(
        readFileSync(path.join(this.#folder, `${key}.json`), 'utf8'),
      ) as KeptTranscript;
      const texts = decodeTexts(readFileSync(path.join(this.#folder, `${key}.bin`))).analysed;
      const analysed = kept.turns.map((turn, i) => ({
        zh: { ...turn.zh, deflated: texts[i]!.zh.deflated },
        en: { ...turn.en, deflated: texts[i]!.en.deflated },
      }));
      return { analysed, speakers: kept.speakers };
    } catch {
      // Not kept yet, unreadable, or of another shape: analysed again.
      return undefined;
    }
  }
}

/** The distinct Han characters of a transcript's texts. */
function hanOf(record: SearchRecord): string {
  const characters = new Set<string>();
  for (const turn of record.turns) {
    for (const character of turn.zh + turn.en) if (isHan(character)) characters.add(character);
  }
  return [...characters].join('');
}

/**
 * A transcript's texts as bytes: the number of turns and of the
 * characters' bytes, each turn's lengths in terms and in bytes (zh, en),
 * the characters in UTF-8, then each turn's deflated texts.
 */
function encodeTexts(analysed: readonly AnalysedTurn[], characters: string): Uint8Array {
  const han = Buffer.from(characters);
  const head = new Uint32Array(2 + analysed.length * 4);
  head[0] = analysed.length;
  head[1] = han.length;
  const parts: Uint8Array[] = [new Uint8Array(head.buffer), han];
  for (const [i, turn] of analysed.entries()) {
    head.set(
      [turn.zh.length, turn.en.length, turn.zh.deflated.length, turn.en.deflated.length],
      2 + i * 4,
    );
    parts.push(turn.zh.deflated, turn.en.deflated);
  }
  return Buffer.concat(parts);
}

function decodeTexts(file: Buffer): Texts {
  const bytes = new Uint8Array(file);
  const turns = file.readUInt32LE(0);
  const head = new Uint32Array(bytes.buffer, 0, 2 + turns * 4);
  let at = head.byteLength;
  const characters = file.toString('utf8', at, at + head[1]!);
  at += head[1]!;
  const take = (length: number) => bytes.subarray(at, (at += length));
  const analysed = Array.from({ length: turns }, (_, i) => {
    const [zh, en, zhBytes, enBytes] = head.subarray(2 + i * 4, 6 + i * 4);
    return {
      zh: { length: zh!, terms: NONE, phrases: NONE, deflated: take(zhBytes!) },
      en: { length: en!, terms: NONE, phrases: NONE, deflated: take(enBytes!) },
    };
  });
  return { analysed, characters };
}
