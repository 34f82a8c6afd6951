/**
 * Search index designs side by side on recall, for issue 19 ("Search that
 * never misses a quote"): each design indexes the same generated site, and
 * answers the same phrases, drawn afresh from the site's turns with a seed
 * (tests/support/phrase-queries.ts), scored against a brute-force scan of
 * every turn. Then by bytes, fetches, files and build time. README.md says
 * what each design is and what was found.
 *
 *   node_modules/.bin/node --max-old-space-size=12000 bench/spikes/recall.ts
 *     [--sizes 1,500] [--designs pagefind-a,pagefind-b,today,first-blocks,commongrams,whole-lists,chosen,positions]
 *     [--phrases 200] [--seed <n>] [--work <folder>]
 *
 * Everything runs in this process, through each design's own reader and a
 * stand-in for `fetch` that counts what a page would be sent: a JSON file
 * gzipped (level 9), a range of a binary file as it is. `today` is the
 * index as it was before this issue, taken from git (`TODAY`) into the
 * work folder, so it is measured as it shipped. Each result is added to
 * `<work>/recall.json`, so sizes can run one at a time, and every run
 * prints the table of all of them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { randomInt } from 'node:crypto';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright';
import { chromiumPath, launchChromium } from '../browser.ts';
import { runWatched } from '../process-tree.ts';
import { markdownTable } from '../table.ts';
import { median } from '../units.ts';
import { corpusFile, readCorpus, ROOT } from './corpus.ts';
import { designById } from './designs.ts';
import { readResults, writePages } from './measure.ts';
import { rankedHits } from './quality.ts';
import { searchRecordOf, type SearchRecord } from '../../src/lib/search/records.ts';
import { parseQuery, pieceTerms, piecesOf } from '../../src/lib/search/terms.ts';
import { SiteIndexReader, type IndexSource } from '../../src/lib/search/site-index/reader.ts';
import {
  LIMITS,
  MOST_KEYS,
  searchIndex,
  type SearchLimits,
} from '../../src/lib/search/site-index/search.ts';
import {
  analyse,
  commonTerms,
  SiteIndexWriter,
  type Common,
} from '../../src/lib/search/site-index/writer.ts';
import { deflate } from '../../tests/support/memory-index.ts';
import {
  drawPhrases,
  PHRASE_KINDS,
  PhraseReference,
  phraseRecall,
  scorePhrase,
  turnName,
  type Phrase,
  type PhraseKind,
} from '../../tests/support/phrase-queries.ts';

/** The commit whose site index was "today's": main when issue 19 began. */
export const TODAY = '5a5f530';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1,500' },
    designs: {
      type: 'string',
      default: 'pagefind-a,pagefind-b,today,first-blocks,commongrams,whole-lists,chosen,positions',
    },
    phrases: { type: 'string', default: '200' },
    seed: { type: 'string' },
    work: { type: 'string', default: path.join(tmpdir(), 'duet-recall-spike') },
  },
});

const log = (message: string) => console.error(`recall: ${message}`);

/** What a page is sent for one query, and what it read. */
interface Answer {
  results: string[];
  bytes: number;
  fetches: number;
  /** The documents whose texts were read, for the cost of other ways of packing them. */
  read: number[];
}

/** A design ready to answer: a fresh page's search, or one page's search across queries. */
interface Built {
  files: number;
  bytes: number;
  seconds: number;
  /** A search on a fresh page. */
  fresh(text: string): Promise<Answer>;
  /** A page that keeps what it fetched, for later queries. */
  page(): (text: string) => Promise<Answer>;
  /**
   * For a design searched in Chromium (Pagefind): every phrase's results at
   * once, on one page; its bytes are not counted here (the Pagefind spike,
   * search-designs.ts, measured them).
   */
  batch?: (texts: readonly string[]) => Promise<string[][]>;
}

interface Design {
  id: string;
  what: string;
  build(records: readonly SearchRecord[]): Promise<Built>;
}

/** Counts what a page fetches from files held in memory. */
class Served {
  bytes = 0;
  fetches = 0;
  readonly read: number[] = [];
  readonly #files: Map<string, string | Uint8Array>;
  readonly #gzipped = new Map<string, number>();

  constructor(files: Map<string, string | Uint8Array>) {
    this.#files = files;
  }

  text(path: string): string {
    const data = this.#files.get(path);
    if (typeof data !== 'string') throw new Error(`404 ${path}`);
    let size = this.#gzipped.get(path);
    if (size === undefined) this.#gzipped.set(path, (size = gzipSync(data, { level: 9 }).length));
    this.bytes += size;
    this.fetches++;
    const fragment = /^f\/(\d+)\/(\d+)\.json$/.exec(path);
    // Today's fragments are a document each (format.ts of that commit): its turn is half its number.
    if (fragment) this.read.push((Number(fragment[1]) * 1000 + Number(fragment[2])) >> 1);
    return data;
  }

  range(path: string, start: number, end: number): Uint8Array {
    const data = this.#files.get(path);
    if (!(data instanceof Uint8Array)) throw new Error(`404 ${path}`);
    this.bytes += end - start;
    this.fetches++;
    return data.subarray(start, end);
  }

  take(): Omit<Answer, 'results'> {
    const taken = { bytes: this.bytes, fetches: this.fetches, read: this.read.splice(0) };
    this.bytes = 0;
    this.fetches = 0;
    return taken;
  }
}

function results(hits: readonly { slug: string; turn: number }[]): string[] {
  return hits.map((hit) => turnName(hit.slug, hit.turn));
}

/** A design's index in memory, answering through a page made by `page`. */
function built(
  files: Map<string, string | Uint8Array>,
  seconds: number,
  page: () => (text: string) => Promise<Answer>,
): Built {
  return {
    files: files.size,
    bytes: totalBytes(files),
    seconds,
    fresh: (text) => page()(text),
    page,
  };
}

function totalBytes(files: Map<string, string | Uint8Array>): number {
  let sum = 0;
  for (const data of files.values())
    sum += typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  return sum;
}

/** A reader that notes the turn of each text it reads. */
class CountingReader extends SiteIndexReader {
  readonly #read: number[];

  constructor(source: IndexSource, read: number[]) {
    super(source);
    this.#read = read;
  }

  override fragment(document: number) {
    this.#read.push(document >> 1);
    return super.fragment(document);
  }
}

/** The new index (src/lib/search/site-index/), with its phrase keys and its limits as given. */
function current(
  id: string,
  what: string,
  { phrases, limits }: { phrases: boolean; limits: SearchLimits },
): Design {
  return {
    id,
    what,
    async build(records) {
      const started = performance.now();
      const analysed = records.map((record) => analyse(record, deflate));
      const none: Common = { threshold: Number.MAX_SAFE_INTEGER, zh: new Map(), en: new Map() };
      const writer = new SiteIndexWriter(phrases ? commonTerms(analysed) : none);
      const files = new Map<string, string | Uint8Array>();
      for (const [i, record] of records.entries()) {
        for (const file of writer.add({ record, analysed: analysed[i]! }))
          files.set(file.path, file.data);
      }
      for (const file of writer.finish()) files.set(file.path, file.data);
      const seconds = (performance.now() - started) / 1000;
      const page = () => {
        const served = new Served(files);
        const source: IndexSource = {
          text: async (file) => served.text(file),
          range: async (file, _version, start, end) => served.range(file, start, end),
        };
        const reader = new CountingReader(source, served.read);
        return async (text: string): Promise<Answer> => {
          const outcome = await searchIndex(reader, parseQuery(text)!, {}, {}, limits);
          const taken = served.take();
          return { results: results(outcome.hits), ...taken };
        };
      };
      return built(files, seconds, page);
    },
  };
}

/** The index as it shipped before issue 19, from git, in the work folder. */
function today(work: string): Design {
  return {
    id: 'today',
    what: `the index before issue 19 (${TODAY}): first blocks of 128, at most 4 continuation blocks`,
    async build(records) {
      const folder = path.join(work, `today-${TODAY}`);
      if (!existsSync(folder)) {
        mkdirSync(folder, { recursive: true });
        const archive = execFileSync('git', ['archive', TODAY, 'src/lib'], { cwd: ROOT });
        execFileSync('tar', ['-x', '-C', folder], { input: archive });
        // Its imports of porter2 and zod resolve from the project's packages.
        symlinkSync(path.join(ROOT, 'node_modules'), path.join(folder, 'node_modules'));
      }
      const lib = path.join(folder, 'src/lib/search');
      const { SiteIndexWriter: Writer } = await import(path.join(lib, 'site-index/writer.ts'));
      const { SiteIndexReader: Reader } = await import(path.join(lib, 'site-index/reader.ts'));
      const { searchIndex: search } = await import(path.join(lib, 'site-index/search.ts'));
      const started = performance.now();
      const writer = new Writer();
      const files = new Map<string, string>();
      for (const record of records) {
        for (const file of writer.add(record) as { path: string; text: string }[]) {
          files.set(file.path, file.text);
        }
      }
      for (const file of writer.finish() as Iterable<{ path: string; text: string }>) {
        files.set(file.path, file.text);
      }
      const seconds = (performance.now() - started) / 1000;
      const page = () => {
        const served = new Served(files);
        const reader = new Reader(async (file: string) => served.text(file));
        return async (text: string): Promise<Answer> => {
          const outcome = (await search(reader, parseQuery(text)!, {})) as {
            hits: { slug: string; turn: number }[];
          };
          return { results: results(outcome.hits), ...served.take() };
        };
      };
      return built(files, seconds, page);
    },
  };
}

/**
 * Positional postings, computed rather than run: each of a query's looked-up
 * terms with its whole list and every position in each text (a gap, the
 * term's count, the positions' gaps, seven bits a byte), from which the
 * phrase's holders are known exactly, and a text (as the chosen design
 * packs it) for each of the first ten holders. Recall is then whole by
 * construction; the bytes are what it costs.
 */
function positions(): Design {
  return {
    id: 'positions',
    what: 'positional postings: every looked-up term’s whole list with positions (computed, not run)',
    async build(records) {
      const started = performance.now();
      // Each term's positional list, in bytes, and each text's deflated size, for the reads.
      const sizes = new Map<string, number>();
      const texts = new Map<string, number>();
      const last = new Map<string, number>();
      let document = 0;
      for (const record of records) {
        for (const turn of record.turns) {
          for (const language of ['zh', 'en'] as const) {
            const terms = piecesOf(turn[language]).flatMap(pieceTerms);
            const at = new Map<string, number[]>();
            for (const [i, term] of terms.entries()) {
              let list = at.get(term);
              if (!list) at.set(term, (list = []));
              list.push(i);
            }
            for (const [term, places] of at) {
              const key = `${language}:${term}`;
              let bytes = varintBytes(document - (last.get(key) ?? 0)) + varintBytes(places.length);
              let previous = 0;
              for (const place of places) {
                bytes += varintBytes(place - previous);
                previous = place;
              }
              last.set(key, document);
              sizes.set(key, (sizes.get(key) ?? 0) + bytes);
            }
            texts.set(
              `${turnName(record.slug, turn.turn)}:${language}`,
              deflate(Buffer.from(turn[language])).length,
            );
            document++;
          }
        }
      }
      const seconds = (performance.now() - started) / 1000;
      const reference = new PhraseReference(records);
      const answer = async (text: string): Promise<Answer> => {
        const query = parseQuery(text)!;
        const language = query.hasHan ? 'zh' : 'en';
        const keys = query.keys.slice(0, MOST_KEYS);
        const holders = reference.holders(text).slice(0, 10);
        const bytes =
          keys.reduce((sum, term) => sum + (sizes.get(`${language}:${term}`) ?? 0), 0) +
          holders.reduce((sum, turn) => sum + (texts.get(`${turn}:${language}`) ?? 0), 0);
        return { results: holders, bytes, fetches: keys.length + holders.length, read: [] };
      };
      let total = 0;
      for (const size of sizes.values()) total += size;
      return { files: NaN, bytes: total, seconds, fresh: answer, page: () => answer };
    },
  };
}

function varintBytes(value: number): number {
  let bytes = 1;
  while (value >= 0x80) {
    value = Math.floor(value / 0x80);
    bytes++;
  }
  return bytes;
}

/**
 * Pagefind, as Duet used it before its own index (the Pagefind spike's
 * design A: a record per turn and language), or B (a record per turn,
 * both languages): indexed by the spike's indexer in a process of its own,
 * searched in Chromium by the spike's page, what it read ranked in Node as
 * the site ranks (quality.ts). The yardstick for recall.
 */
function pagefind(id: 'A' | 'B', work: string, browser: () => Promise<Browser>): Design {
  const design = designById(id);
  return {
    id: `pagefind-${id.toLowerCase()}`,
    what: `Pagefind 1.6.0, ${design.summary}`,
    async build(records) {
      const site = path.join(work, `pagefind-${id}-${records.length}`);
      const corpus = await corpusFile(work, records.length);
      const run = await runWatched(
        path.join(ROOT, 'node_modules/.bin/node'),
        [path.join(import.meta.dirname, 'indexer.ts'), id, corpus, site],
        { binary: 'pagefind_extended' },
      );
      if (run.code !== 0) throw new Error(`Pagefind ${id} did not index: ${run.stderr.trim()}`);
      await writePages(site);
      const unanswered = async (): Promise<Answer> => {
        throw new Error('Pagefind is searched in a batch');
      };
      return {
        files: NaN,
        bytes: NaN,
        seconds: run.seconds,
        fresh: unanswered,
        page: () => unanswered,
        batch: async (texts) => {
          const runs = await readResults(await browser(), site, design, texts);
          // Hundreds of MB at 500 transcripts: the results are what is kept.
          await rm(site, { recursive: true, force: true });
          const seed = (await readCorpus(corpus).next()).value!;
          return runs.map((found, i) => results(rankedHits(design, found, texts[i]!, seed)));
        },
      };
    },
  };
}

const NO_LISTS: SearchLimits = { ...LIMITS, listBytes: 0 };

function designs(work: string, browser: () => Promise<Browser>): Design[] {
  return [
    pagefind('A', work, browser),
    pagefind('B', work, browser),
    today(work),
    current(
      'first-blocks',
      'the new files, no phrase keys, no whole lists: first blocks of 32 only',
      {
        phrases: false,
        limits: NO_LISTS,
      },
    ),
    current('commongrams', 'phrase keys (CommonGrams) with first blocks only', {
      phrases: true,
      limits: NO_LISTS,
    }),
    current(
      'whole-lists',
      'whole lists of the rarest keys by range, within 16 KB; no phrase keys',
      {
        phrases: false,
        limits: LIMITS,
      },
    ),
    current('chosen', 'phrase keys and whole lists of the rarest keys by range, within 16 KB', {
      phrases: true,
      limits: LIMITS,
    }),
    positions(),
  ];
}

/** One design at one size. */
interface Row {
  design: string;
  transcripts: number;
  turns: number;
  seed: number;
  phrases: number;
  recall: Record<PhraseKind, { at10: number; at1: number; phrases: number }>;
  firstBytes: { median: number; max: number };
  laterBytes: { mean: number; max: number };
  fetches: { median: number; max: number };
  files: number;
  megabytes: number;
  buildSeconds: number;
  /** Per kind, a few phrases missed at ten, with how many turns hold them. */
  misses: Record<string, string[]>;
  /** For the chosen design: what reading the same texts would cost as whole packs of N turns, gzipped. */
  packs?: Record<string, { median: number; max: number }>;
  load: number;
}

/** The median and the largest; NaN for a design whose bytes are not counted here. */
function spread(values: readonly number[]): { median: number; max: number } {
  return values.length > 0
    ? { median: median(values), max: Math.max(...values) }
    : { median: NaN, max: NaN };
}

async function measure(
  design: Design,
  records: readonly SearchRecord[],
  phrases: Phrase[],
  seed: number,
) {
  const turns = records.reduce((sum, record) => sum + record.turns.length, 0);
  log(`${design.id}: building for ${records.length} transcripts`);
  const built = await design.build(records);
  const reference = new PhraseReference(records);
  log(`${design.id}: ${phrases.length} phrases`);
  const scores = [];
  const firsts: Answer[] = [];
  const later: number[] = [];
  if (built.batch) {
    const answers = await built.batch(phrases.map((phrase) => phrase.text));
    for (const [i, phrase] of phrases.entries())
      scores.push(scorePhrase(phrase, reference.holders(phrase.text), answers[i]!));
  } else {
    for (const phrase of phrases) {
      const answer = await built.fresh(phrase.text);
      firsts.push(answer);
      scores.push(scorePhrase(phrase, reference.holders(phrase.text), answer.results));
    }
    const page = built.page();
    for (const [i, phrase] of phrases.entries()) {
      const answer = await page(phrase.text);
      if (i > 0) later.push(answer.bytes);
    }
  }
  const recall = Object.fromEntries(
    phraseRecall(scores).map((kind) => [
      kind.kind,
      { at10: kind.at10, at1: kind.at1, phrases: kind.phrases },
    ]),
  ) as Row['recall'];
  const misses = Object.fromEntries(
    phraseRecall(scores).map((kind) => [
      kind.kind,
      kind.misses.slice(0, 5).map((miss) => `${miss.phrase.text} (${miss.holders})`),
    ]),
  );
  const bytes = firsts.map((answer) => answer.bytes);
  const fetches = firsts.map((answer) => answer.fetches);
  const row: Row = {
    design: design.id,
    transcripts: records.length,
    turns,
    seed,
    phrases: phrases.length,
    recall,
    firstBytes: spread(bytes),
    laterBytes: {
      mean: later.reduce((a, b) => a + b, 0) / later.length,
      max: Math.max(...later),
    },
    fetches: spread(fetches),
    files: built.files,
    megabytes: built.bytes / 1e6,
    buildSeconds: built.seconds,
    misses,
    load: loadavg()[0]!,
  };
  if (design.id === 'chosen') row.packs = packCosts(records, firsts);
  return row;
}

/**
 * What the chosen design's reads would cost if the texts were packed in
 * whole files of N turns (each turn's two texts, with its transcript, turn
 * and speaker, as JSON, gzipped as a host sends it) fetched whole instead
 * of by range: per query, the packs holding the texts it read.
 */
function packCosts(records: readonly SearchRecord[], answers: readonly Answer[]) {
  const turns = records.flatMap((record) =>
    record.turns.map((turn) => ({ slug: record.slug, title: record.title, ...turn })),
  );
  const costs: Record<string, { median: number; max: number }> = {};
  for (const size of [1, 4, 16, 32]) {
    const cache = new Map<number, number>();
    const packBytes = (pack: number) => {
      let bytes = cache.get(pack);
      if (bytes === undefined) {
        const text = JSON.stringify(turns.slice(pack * size, (pack + 1) * size));
        cache.set(pack, (bytes = gzipSync(text, { level: 9 }).length));
      }
      return bytes;
    };
    const perQuery = answers.map((answer) => {
      const packs = new Set(answer.read.map((turn) => Math.floor(turn / size)));
      return [...packs].reduce((sum, pack) => sum + packBytes(pack), 0);
    });
    costs[`${size} turn${size === 1 ? '' : 's'}`] = {
      median: median(perQuery),
      max: Math.max(...perQuery),
    };
  }
  return costs;
}

async function recordsOf(work: string, count: number): Promise<SearchRecord[]> {
  const records: SearchRecord[] = [];
  for await (const { slug, transcript } of readCorpus(await corpusFile(work, count))) {
    records.push(searchRecordOf(slug, transcript));
  }
  // The build indexes its records in the order of their file names.
  return records.sort((a, b) => (a.slug < b.slug ? -1 : 1));
}

const kb = (bytes: number) => (Number.isFinite(bytes) ? (bytes / 1000).toFixed(1) : '–');
const share = (value: number) => (Number.isNaN(value) ? '–' : value.toFixed(2));

function table(rows: readonly Row[]): string {
  const kinds = Object.keys(PHRASE_KINDS) as PhraseKind[];
  return markdownTable(
    [
      'design',
      'N',
      ...kinds.map((kind) => `${kind} @10 · @1`),
      'first query KB median / max',
      'later KB mean / max',
      'fetches median / max',
      'files',
      'MB',
      'build s',
    ],
    rows.map((row) => [
      row.design,
      row.transcripts.toLocaleString('en'),
      ...kinds.map((kind) => `${share(row.recall[kind].at10)} · ${share(row.recall[kind].at1)}`),
      `${kb(row.firstBytes.median)} / ${kb(row.firstBytes.max)}`,
      `${kb(row.laterBytes.mean)} / ${kb(row.laterBytes.max)}`,
      Number.isFinite(row.fetches.max) ? `${row.fetches.median} / ${row.fetches.max}` : '–',
      row.files ? row.files.toLocaleString('en') : '–',
      Number.isFinite(row.megabytes) ? row.megabytes.toFixed(1) : '–',
      row.buildSeconds.toFixed(1),
    ]),
  );
}

const work = values.work;
mkdirSync(work, { recursive: true });
const stored = path.join(work, 'recall.json');
const rows: Row[] = existsSync(stored) ? (JSON.parse(readFileSync(stored, 'utf8')) as Row[]) : [];
const wanted = values.designs.split(',');
const count = Number(values.phrases);
let chromium: Promise<Browser> | undefined;
const browser = () => (chromium ??= launchChromium(chromiumPath()));
for (const size of values.sizes.split(',').map(Number)) {
  const seed = values.seed === undefined ? randomInt(2 ** 31) : Number(values.seed);
  log(`N=${size}: reading the corpus`);
  const records = await recordsOf(work, size);
  const phrases = drawPhrases(records, { seed, count });
  log(`N=${size}: ${phrases.length} phrases drawn with seed ${seed}`);
  for (const design of designs(work, browser).filter((design) => wanted.includes(design.id))) {
    const row = await measure(design, records, phrases, seed);
    const at = rows.findIndex((old) => old.design === row.design && old.transcripts === size);
    if (at >= 0) rows[at] = row;
    else rows.push(row);
    writeFileSync(stored, JSON.stringify(rows, null, 2));
    console.log(table([row]));
    for (const [kind, missed] of Object.entries(row.misses)) {
      if (missed.length > 0) console.log(`  missed (${kind}): ${missed.join(' | ')}`);
    }
    if (row.packs) console.log(`  whole packs: ${JSON.stringify(row.packs)}`);
  }
}
await (await chromium)?.close();
console.log(`\n${table(rows)}`);
