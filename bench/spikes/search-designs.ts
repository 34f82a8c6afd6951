/**
 * The search index designs side by side, for the issue "Collections at
 * scale" (bench/spikes/README.md says what each design is and what the
 * numbers mean):
 *
 *   node_modules/.bin/node bench/spikes/search-designs.ts [--sizes 1,500,2000]
 *     [--designs A,B,C,D10,D25,E,F] [--quality B,D10] [--limit-gb 9.5]
 *     [--work <folder>] [--keep]
 *
 * For each size and design: indexes synthetic transcripts (bench/generate.ts,
 * parsed by the site's parser) with Pagefind's Node API in a process of its
 * own, watching the memory of its whole tree (killed past the limit);
 * measures the bundle; and in Chromium the bytes and time of first and
 * later queries. Each result is kept in `<work>/results.json`, so sizes can
 * be run one at a time and every run prints the table of all of them.
 */
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromiumPath, launchChromium } from '../browser.ts';
import { markdownTable } from '../table.ts';
import { corpusFile, loadSeed, readCorpus, ROOT } from './corpus.ts';
import { DESIGNS, designById, type Design } from './designs.ts';
import type { IndexerReport } from './indexer.ts';
import {
  bundleStats,
  measurePage,
  readResults,
  summarizePage,
  writePages,
  type FileStats,
  type PageSummary,
} from './measure.ts';
import { runWatched } from '../process-tree.ts';
import { qualityRows, querySet, recallOf, type QualityRow } from './quality.ts';

const GB = 1e9;
const NODE = path.join(ROOT, 'node_modules/.bin/node');
const INDEXER = path.join(import.meta.dirname, 'indexer.ts');

interface SizeResult {
  design: string;
  count: number;
  turns: number;
  indexer?: IndexerReport;
  wallSeconds: number;
  peakTreeBytes: number;
  peakPagefindBytes: number;
  /** Why there is nothing more: killed at the memory limit, or the indexer's message. */
  failed?: string;
  files?: FileStats;
  pages?: Partial<Record<'home' | 'reader', PageSummary>>;
  measuredAt: string;
  /** The machine's 1-minute load average when the queries were done: times are noisy above 2. */
  load?: number;
}

interface Stored {
  sizes: Record<string, SizeResult>;
  quality: Record<string, QualityRow[]>;
}

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1,500,2000' },
    designs: { type: 'string', default: DESIGNS.map((design) => design.id).join(',') },
    quality: { type: 'string', default: '' },
    'limit-gb': { type: 'string', default: '9.5' },
    work: { type: 'string', default: path.join(tmpdir(), 'duet-search-spike') },
    keep: { type: 'boolean', default: false },
  },
});

const log = (message: string) => console.error(`spike: ${message}`);

async function load(file: string): Promise<Stored> {
  if (!existsSync(file)) return { sizes: {}, quality: {} };
  return JSON.parse(await readFile(file, 'utf8')) as Stored;
}

/** Each design's top folder (E and F write several bundles under one). */
async function bundleRoots(design: Design): Promise<string[]> {
  const seed = await loadSeed();
  return [...new Set(Object.keys(design.itemsOf(seed, 0)).map((bundle) => bundle.split('/')[0]!))];
}

async function countTurns(corpus: string): Promise<number> {
  let turns = 0;
  for await (const entry of readCorpus(corpus)) turns += entry.transcript.turns.length;
  return turns;
}

async function indexDesign(
  design: Design,
  count: number,
  corpus: string,
  site: string,
  limitBytes: number,
) {
  await rm(site, { recursive: true, force: true });
  const run = await runWatched(NODE, [INDEXER, design.id, corpus, site], {
    limitBytes,
    binary: 'pagefind_extended',
  });
  const report =
    run.code === 0
      ? (JSON.parse(run.stdout.trim().split('\n').at(-1)!) as IndexerReport)
      : undefined;
  const failed = run.killed
    ? `killed past ${(limitBytes / GB).toFixed(1)} GB after ${run.seconds.toFixed(0)} s`
    : run.code !== 0
      ? run.stderr.trim().split('\n').at(-1) || `the indexer exited ${run.code}`
      : undefined;
  log(
    `${design.id} N=${count}: ${failed ?? `${report!.items} items in ${report!.seconds.toFixed(1)} s`}, peak ${(run.peakTreeBytes / GB).toFixed(2)} GB (Pagefind ${(run.peakBinaryBytes / GB).toFixed(2)} GB)`,
  );
  return { run, report, failed };
}

async function main(): Promise<void> {
  const sizes = values.sizes.split(',').filter(Boolean).map(Number);
  const designs = values.designs.split(',').filter(Boolean).map(designById);
  const qualityDesigns = values.quality.split(',').filter(Boolean).map(designById);
  const limitBytes = Number(values['limit-gb']) * GB;
  const work = path.resolve(values.work);
  const storeFile = path.join(work, 'results.json');
  const stored = await load(storeFile);
  const browser = await launchChromium(chromiumPath());
  try {
    for (const count of sizes) {
      log(`N=${count}: the corpus`);
      const corpus = await corpusFile(work, count);
      const turns = await countTurns(corpus);
      for (const design of designs) {
        const site = path.join(work, `site-${design.id}-${count}`);
        const { run, report, failed } = await indexDesign(design, count, corpus, site, limitBytes);
        const result: SizeResult = {
          design: design.id,
          count,
          turns,
          wallSeconds: run.seconds,
          peakTreeBytes: run.peakTreeBytes,
          peakPagefindBytes: run.peakBinaryBytes,
          measuredAt: new Date().toISOString(),
          ...(report ? { indexer: report } : {}),
          ...(failed ? { failed } : {}),
        };
        if (!failed) {
          result.files = await bundleStats(site, await bundleRoots(design));
          await writePages(site);
          result.pages = {};
          for (const which of design.pages) {
            log(
              `${design.id} N=${count}: queries on ${which === 'home' ? '/' : 'the reader page'}`,
            );
            result.pages[which] = summarizePage(await measurePage(browser, site, design, which));
          }
          result.load = loadavg()[0]!;
        }
        stored.sizes[`${design.id}@${count}`] = result;
        await writeFile(storeFile, `${JSON.stringify(stored, null, 2)}\n`);
        if (!values.keep) await rm(site, { recursive: true, force: true });
      }
    }
    if (qualityDesigns.length > 0) {
      const corpus = await corpusFile(work, 1);
      const seed = await loadSeed();
      const cases = querySet();
      for (const design of qualityDesigns) {
        const site = path.join(work, `site-${design.id}-quality`);
        const { failed } = await indexDesign(design, 1, corpus, site, limitBytes);
        if (failed) throw new Error(`${design.id} could not index the seed: ${failed}`);
        await writePages(site);
        log(`${design.id}: the query set on the seed`);
        const runs = await readResults(
          browser,
          site,
          design,
          cases.map((query) => query.query),
        );
        stored.quality[design.id] = qualityRows(design, runs, cases, seed);
        await writeFile(storeFile, `${JSON.stringify(stored, null, 2)}\n`);
        if (!values.keep) await rm(site, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
  }
  console.log(report(stored));
  log(`results kept in ${storeFile}`);
}

const kb = (bytes: number | undefined) => (bytes === undefined ? '-' : (bytes / 1000).toFixed(1));
const ms = (value: number | undefined) => (value === undefined ? '-' : value.toFixed(0));

function metaCell(result: SizeResult): string {
  const meta = result.files?.meta ?? {};
  if (result.design === 'E') return kb(meta['pagefind-e/t/alignment-panel']);
  if (result.design === 'H') {
    const shards = Object.values(meta);
    return `${kb(shards.reduce((sum, size) => sum + size, 0))} (${shards.length} shards)`;
  }
  return Object.values(meta).map(kb).join(' / ') || '-';
}

/** The tables of everything stored, every design at every size, then quality. */
function report(stored: Stored): string {
  const rows = Object.values(stored.sizes).sort(
    (a, b) =>
      a.count - b.count ||
      DESIGNS.findIndex((d) => d.id === a.design) - DESIGNS.findIndex((d) => d.id === b.design),
  );
  const sizeRows = rows.flatMap((result) => {
    const pages = Object.entries(result.pages ?? {}) as ['home' | 'reader', PageSummary][];
    const base = [
      result.design,
      String(result.count),
      result.turns.toLocaleString('en'),
      result.indexer ? result.indexer.items.toLocaleString('en') : '-',
      result.indexer ? result.indexer.seconds.toFixed(1) : (result.failed ?? '-'),
      (result.peakTreeBytes / GB).toFixed(2),
      (result.peakPagefindBytes / GB).toFixed(2),
      result.files
        ? `${(result.files.bytes / 1e6).toFixed(1)} (${result.files.files.toLocaleString('en')})`
        : '-',
      metaCell(result),
      result.files
        ? `${kb(result.files.fragments.meanBytes)} / ${kb(result.files.fragments.maxBytes)}`
        : '-',
      result.files ? `${kb(result.files.chunks.maxBytes)}` : '-',
    ];
    if (pages.length === 0) return [[...base, '-', '-', '-', '-', '-', '-', '-']];
    return pages.map(([which, page]) => [
      ...base,
      which === 'home' ? '/' : 'reader',
      `${kb(page.firstMedian)} / ${kb(page.firstMax)}`,
      `${kb(page.firstBreakdown.code)}+${kb(page.firstBreakdown.meta)}+${kb(page.firstBreakdown.chunks)}+${kb(page.firstBreakdown.fragments)}+${kb(page.firstBreakdown.filters)}`,
      `${kb(page.laterMean)} / ${kb(page.laterMax)}`,
      `${ms(page.laterMsMedian)} / ${ms(page.laterMsMax)}`,
      ms(page.firstMsMedian),
      result.load === undefined ? '-' : result.load.toFixed(1),
    ]);
  });
  const sizeTable = markdownTable(
    [
      'design',
      'N',
      'turns',
      'records or pages',
      'index s',
      'peak GB (tree)',
      'peak GB (Pagefind)',
      'bundle MB (files)',
      'pf_meta KB',
      'fragment KB mean / max',
      'largest chunk KB',
      'page',
      'first query KB median / max',
      'first query: code+meta+chunks+fragments+filters KB',
      'later query KB mean / max',
      'later query ms median / max',
      'first query ms',
      'load',
    ],
    sizeRows,
  );
  const quality = Object.entries(stored.quality).map(([id, rows]) => {
    const recall = recallOf(rows);
    const cell = ({ at1, at5, of }: { at1: number; at5: number; of: number }) =>
      `${at1}/${of} · ${at5}/${of}`;
    const misses = rows
      .filter((row) => row.wanted > 0 && row.ranked[0] !== row.wanted)
      .map(
        (row) =>
          `${row.query} (${row.kind}: wanted ${row.wanted}, got ${row.ranked.slice(0, 3).join(', ') || 'none'})`,
      );
    return [
      id,
      cell(recall.zh),
      cell(recall.en),
      cell(recall.mixed),
      `${recall.absent.at1}/${recall.absent.of}`,
      misses.join('; ') || '-',
    ];
  });
  const qualityTable =
    quality.length > 0
      ? markdownTable(
          ['design', 'zh recall@1 · @5', 'en', 'mixed', 'absent: nothing found', 'misses at 1'],
          quality,
        )
      : '';
  return [sizeTable, qualityTable].filter(Boolean).join('\n\n');
}

try {
  await main();
} catch (error) {
  console.error(`spike: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
