/**
 * What a design costs a reader: its bundle on disk, and in Chromium the
 * bytes over the wire and the time for a first query (a fresh page, nothing
 * cached, one context per query) and for later ones (one page, query after
 * query), on the minimal page of client.ts served gzipped by bench/serve.ts.
 */
import { readdir, stat, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright';
import { parseQuery } from '../../src/lib/search/terms.ts';
import { pagefindQuery } from './pagefind-records.ts';
import { serve } from '../serve.ts';
import { median } from '../units.ts';
import { installSpikeSearch, type SpikeQuery, type SpikeRun } from './client.ts';
import { SEED_SLUG } from './corpus.ts';
import { META_FIELDS, TURN_META_FIELDS, type Design } from './designs.ts';

/** Ten fixed queries per language, all in the seed (so in every synthetic transcript's pool). */
export const QUERIES: readonly string[] = [
  // bench/search.ts's five per language, then five more of each from the query set.
  ...[
    '对齐',
    '哲学王',
    '可解释性',
    '价值观',
    '超级对齐',
    '社会选择理论',
    '效用函数',
    '思维链',
    '红队对蓝队',
    '满头大汗',
  ],
  ...[
    'alignment',
    'philosopher king',
    'interpretability',
    'utility function',
    'constitution',
    'bell curve',
    'pretend to be nice',
    'unknown unknowns',
    'checkpoint',
    'corrigibility',
  ],
];

/** Alternating scripts, as a reader who searches in both would: a design that splits by script pays its switch. */
export const MEASURE_ORDER: readonly string[] = QUERIES.slice(0, 10).flatMap((zh, i) => [
  zh,
  QUERIES[10 + i]!,
]);

export function spikeQuery(text: string): SpikeQuery {
  const query = parseQuery(text);
  if (!query) throw new Error(`"${text}" is not a query`);
  const { terms, phrase } = pagefindQuery(query);
  return {
    terms,
    phrase,
    oneWord: !terms.includes(' '),
    quoted: query.quoted,
    hasHan: query.hasHan,
  };
}

export interface FileStats {
  files: number;
  bytes: number;
  /** Every `.pf_meta`, by bundle folder. */
  meta: Record<string, number>;
  /** The largest of the other transcripts' own indexes (E). */
  otherMetaMax?: number;
  fragments: { count: number; meanBytes: number; maxBytes: number };
  chunks: { count: number; meanBytes: number; maxBytes: number };
}

async function* walk(folder: string): AsyncGenerator<string> {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

/** Sizes of every bundle a design wrote (Pagefind's files are already gzipped: these are wire sizes). */
export async function bundleStats(site: string, bundles: readonly string[]): Promise<FileStats> {
  const stats: FileStats = {
    files: 0,
    bytes: 0,
    meta: {},
    fragments: { count: 0, meanBytes: 0, maxBytes: 0 },
    chunks: { count: 0, meanBytes: 0, maxBytes: 0 },
  };
  const add = (into: FileStats['fragments'], size: number) => {
    into.count++;
    into.meanBytes += size;
    into.maxBytes = Math.max(into.maxBytes, size);
  };
  for (const bundle of bundles) {
    for await (const file of walk(path.join(site, bundle))) {
      const { size } = await stat(file);
      stats.files++;
      stats.bytes += size;
      if (file.endsWith('.pf_meta')) {
        // A per-transcript index is listed for the seed's only; the others are in `otherMetaMax`.
        const folder = path.relative(site, path.dirname(file));
        if (/\/t\//.test(folder) && !folder.endsWith(`/${SEED_SLUG}`)) {
          stats.otherMetaMax = Math.max(stats.otherMetaMax ?? 0, size);
        } else {
          stats.meta[folder] = size;
        }
      } else if (file.endsWith('.pf_fragment')) add(stats.fragments, size);
      else if (file.endsWith('.pf_index')) add(stats.chunks, size);
    }
  }
  for (const kind of [stats.fragments, stats.chunks]) kind.meanBytes /= Math.max(1, kind.count);
  return stats;
}

/** Bytes of one query by kind of file. */
export interface Bytes {
  total: number;
  /** Pagefind's script, WebAssembly and entry file. */
  code: number;
  meta: number;
  chunks: number;
  fragments: number;
  filters: number;
}

function kindOf(url: string): keyof Omit<Bytes, 'total'> {
  if (url.includes('.pf_meta')) return 'meta';
  if (url.includes('.pf_index')) return 'chunks';
  if (url.includes('.pf_fragment')) return 'fragments';
  if (url.includes('.pf_filter')) return 'filters';
  return 'code';
}

function countBytes(page: Page): { take(): Promise<Bytes> } {
  const sizes: Promise<[string, number]>[] = [];
  page.on('requestfinished', (request) => {
    sizes.push(
      request
        .sizes()
        .then((size): [string, number] => [request.url(), size.responseBodySize])
        .catch((): [string, number] => [request.url(), 0]),
    );
  });
  return {
    take: async () => {
      const bytes: Bytes = { total: 0, code: 0, meta: 0, chunks: 0, fragments: 0, filters: 0 };
      for (const [url, size] of await Promise.all(sizes.splice(0))) {
        if (url.endsWith('/') || url.endsWith('.html')) continue;
        bytes.total += size;
        bytes[kindOf(url)] += size;
      }
      return bytes;
    },
  };
}

export interface QueryCost {
  query: string;
  bytes: Bytes;
  ms: number;
  turns: number;
  candidates: number;
}

export interface PageMeasurement {
  page: 'home' | 'reader';
  /** Each query as the first of a fresh page. */
  first: QueryCost[];
  /** The queries one after another on one page, the first of them included. */
  sequence: QueryCost[];
}

/** The minimal pages: `/` and the seed's reader page, both empty but for the search. */
export async function writePages(site: string): Promise<void> {
  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>spike</title></head><body></body></html>\n';
  await writeFile(path.join(site, 'index.html'), html);
  await mkdir(path.join(site, SEED_SLUG), { recursive: true });
  await writeFile(path.join(site, SEED_SLUG, 'index.html'), html);
}

async function openPage(
  browser: Browser,
  origin: string,
  design: Design,
  which: 'home' | 'reader',
  keepContent = false,
) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`spike: page error: ${error.message}`));
  await page.goto(which === 'home' ? `${origin}/` : `${origin}/${SEED_SLUG}/`);
  await page.evaluate(installSpikeSearch, {
    config: design.client,
    current: which === 'reader' ? SEED_SLUG : undefined,
    metaFields: [...META_FIELDS, ...TURN_META_FIELDS, 'title'],
    keepContent,
  });
  return { context, page, bytes: countBytes(page) };
}

async function runOne(page: Page, text: string): Promise<SpikeRun> {
  return page.evaluate((query) => window.spike!.run(query), spikeQuery(text));
}

/** One query on an open page: what it fetched (since the last take) and what it found. */
async function costOf(
  page: Page,
  bytes: ReturnType<typeof countBytes>,
  text: string,
): Promise<QueryCost> {
  const run = await runOne(page, text);
  return {
    query: text,
    bytes: await bytes.take(),
    ms: run.ms,
    turns: run.turns,
    candidates: run.candidates,
  };
}

export async function measurePage(
  browser: Browser,
  site: string,
  design: Design,
  which: 'home' | 'reader',
  queries: readonly string[] = MEASURE_ORDER,
): Promise<PageMeasurement> {
  const server = await serve(site);
  try {
    const first: QueryCost[] = [];
    for (const text of queries) {
      const { context, page, bytes } = await openPage(browser, server.origin, design, which);
      try {
        first.push(await costOf(page, bytes, text));
      } finally {
        await context.close();
      }
    }
    const sequence: QueryCost[] = [];
    const { context, page, bytes } = await openPage(browser, server.origin, design, which);
    try {
      for (const text of queries) {
        sequence.push(await costOf(page, bytes, text));
      }
    } finally {
      await context.close();
    }
    return { page: which, first, sequence };
  } finally {
    await server.close();
  }
}

/** Runs queries on one page and hands back what each read, for ranking in Node. */
export async function readResults(
  browser: Browser,
  site: string,
  design: Design,
  queries: readonly string[],
): Promise<SpikeRun[]> {
  const server = await serve(site);
  // On the page the design is made for: E searches from a reader page.
  const which = design.pages.includes('home') ? 'home' : 'reader';
  const { context, page } = await openPage(browser, server.origin, design, which, true);
  try {
    const runs: SpikeRun[] = [];
    for (const text of queries) runs.push(await runOne(page, text));
    return runs;
  } finally {
    await context.close();
    await server.close();
  }
}

export interface PageSummary {
  firstMedian: number;
  firstMax: number;
  laterMean: number;
  laterMax: number;
  laterMsMedian: number;
  laterMsMax: number;
  firstMsMedian: number;
  /** The median first query, by kind of file. */
  firstBreakdown: Bytes;
  /** Queries that found fewer than ten turns (all should find ten at N ≥ 500). */
  short: number;
}

export function summarizePage({ first, sequence }: PageMeasurement): PageSummary {
  const later = sequence.slice(1);
  const firstTotals = first.map((cost) => cost.bytes.total);
  const middle = median(first, (a, b) => a.bytes.total - b.bytes.total);
  return {
    firstMedian: median(firstTotals),
    firstMax: Math.max(...firstTotals),
    laterMean: later.reduce((sum, cost) => sum + cost.bytes.total, 0) / Math.max(1, later.length),
    laterMax: Math.max(...later.map((cost) => cost.bytes.total)),
    laterMsMedian: median(later.map((cost) => cost.ms)),
    laterMsMax: Math.max(...later.map((cost) => cost.ms)),
    firstMsMedian: median(first.map((cost) => cost.ms)),
    firstBreakdown: middle.bytes,
    short: sequence.filter((cost) => cost.turns < 10).length,
  };
}
