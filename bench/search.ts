/**
 * The search columns of the benchmark: the bytes a reader's browser fetches
 * for the first query and for each later one, and the time from the last
 * keystroke to results, for ten fixed queries (five per language, all in
 * the seed) typed into a page's real search field. Bytes are counted from
 * the network, whatever the engine behind the field fetches, so the
 * measurement does not change when the search does.
 *
 * Three searches are measured: the seed's reader page as it opens (its own
 * turns), the same page widened to every transcript with its "All
 * transcripts" toggle (where the site has others, so the toggle is there),
 * and `/` (the whole site).
 */
import type { Browser, Locator, Page } from 'playwright';
import { openSearch, measureResults, typeQuery } from '../tests/support/search-driver.ts';
import { median } from './units.ts';

/** One of the benchmark's fixed queries (not the site's parsed query, src/lib/search/terms.ts). */
export interface BenchQuery {
  language: 'zh' | 'en';
  text: string;
}

export const BENCH_QUERIES: readonly BenchQuery[] = [
  { language: 'zh', text: '对齐' },
  { language: 'zh', text: '哲学王' },
  { language: 'zh', text: '可解释性' },
  { language: 'zh', text: '价值观' },
  { language: 'zh', text: '超级对齐' },
  { language: 'en', text: 'alignment' },
  { language: 'en', text: 'philosopher king' },
  { language: 'en', text: 'interpretability' },
  { language: 'en', text: 'utility function' },
  { language: 'en', text: 'constitution' },
];

/** Which search: the reader page's own, the reader page widened to every transcript, `/`'s. */
export type SearchKind = 'reader' | 'reader-wide' | 'home';

export const SEARCH_KINDS: Record<SearchKind, string> = {
  reader: 'reader page',
  'reader-wide': 'reader page, All transcripts',
  home: '/',
};

/** The toggle that widens a reader page's search to every transcript, by its accessible name. */
const WIDEN = /All transcripts/;

export interface QueryMeasurement {
  language: 'zh' | 'en';
  query: string;
  /**
   * On a fresh page with nothing cached: every byte fetched from focusing
   * the field to this query's results, the search's own code and index
   * included. What a reader pays whose first query this is.
   */
  firstBytes: number;
  /** In the run of all ten on one page: what this query fetched on top of the earlier ones. */
  laterBytes: number;
  /** In that run: from the last keystroke to results on screen, in milliseconds, as the page measures it. */
  msToResults: number;
  /** Results shown in that run. */
  results: number;
}

export interface SearchSummary {
  kind: SearchKind;
  /** False when the page has no such search (no toggle to widen with): nothing was measured. */
  measured: boolean;
  /** The largest first query of the ten, each on a fresh page: what the budget holds. */
  firstQueryBytes: number;
  firstQueryMedianBytes: number;
  /** The largest of the nine later queries on one page: what the budget holds. */
  laterQueryBytes: number;
  laterQueryMeanBytes: number;
  /** Median, over the nine later queries, of the time from the last keystroke to results. */
  medianMsToResults: number;
  maxMsToResults: number;
  queries: QueryMeasurement[];
}

/**
 * Measures one search of the page at `url`: the ten queries one after
 * another on one page, as a reader would type them, then each again as the
 * first query of a fresh page with nothing cached.
 */
export async function measureSearch(
  browser: Browser,
  url: string,
  kind: SearchKind,
): Promise<SearchSummary> {
  const texts = BENCH_QUERIES.map((query) => query.text);
  const run = await inContext(browser, (page) => runOnePage(page, url, texts, kind));
  if (!run) return { ...emptySummary(kind), measured: false };
  const firsts: number[] = [];
  for (const text of texts) {
    const first = await inContext(browser, (page) => runOnePage(page, url, [text], kind));
    if (!first) throw new Error(`${url}: the ${SEARCH_KINDS[kind]} search went away between runs`);
    firsts.push(first[0]!.bytes);
  }
  const queries = run.map((measured, i) => ({
    language: BENCH_QUERIES[i]!.language,
    query: measured.query,
    firstBytes: firsts[i]!,
    laterBytes: measured.bytes,
    msToResults: measured.msToResults,
    results: measured.results,
  }));
  return summarize(kind, queries);
}

function summarize(kind: SearchKind, queries: QueryMeasurement[]): SearchSummary {
  const later = queries.slice(1);
  const firsts = queries.map((query) => query.firstBytes);
  const laterBytes = later.map((query) => query.laterBytes);
  const times = later.map((query) => query.msToResults);
  return {
    kind,
    measured: true,
    firstQueryBytes: Math.max(...firsts),
    firstQueryMedianBytes: median(firsts),
    laterQueryBytes: Math.max(...laterBytes),
    laterQueryMeanBytes: laterBytes.reduce((sum, bytes) => sum + bytes, 0) / laterBytes.length,
    medianMsToResults: median(times),
    maxMsToResults: Math.max(...times),
    queries,
  };
}

function emptySummary(kind: SearchKind): SearchSummary {
  return {
    kind,
    measured: false,
    firstQueryBytes: 0,
    firstQueryMedianBytes: 0,
    laterQueryBytes: 0,
    laterQueryMeanBytes: 0,
    medianMsToResults: 0,
    maxMsToResults: 0,
    queries: [],
  };
}

async function inContext<T>(browser: Browser, use: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  try {
    return await use(await context.newPage());
  } finally {
    await context.close();
  }
}

interface Typed {
  query: string;
  bytes: number;
  msToResults: number;
  results: number;
}

/**
 * Opens the page, then types each query into its search field, waiting for
 * that query's own results and for the network to settle; the bytes of the
 * first include everything focusing the field loads. For `reader-wide`,
 * the toggle is pressed once the first query's results are shown, and its
 * widened results are waited for, so the first query's bytes include the
 * widening. Undefined when the page has no toggle to widen with.
 */
async function runOnePage(
  page: Page,
  url: string,
  queries: readonly string[],
  kind: SearchKind,
): Promise<Typed[] | undefined> {
  const { bytes, field } = await openSearch(page, url);
  const typed: Typed[] = [];
  for (const [i, query] of queries.entries()) {
    let msToResults = await typeQuery(page, field, query);
    if (kind === 'reader-wide' && i === 0) {
      const widen = page.getByRole('button', { name: WIDEN });
      if ((await widen.count()) === 0) return undefined;
      msToResults = await pressForResults(page, widen);
    }
    await bytes.settle();
    typed.push({ query, bytes: await bytes.take(), msToResults, results: await resultCount(page) });
  }
  return typed;
}

/** Presses the widening toggle and waits for the results it brings; their time, in milliseconds. */
async function pressForResults(page: Page, widen: Locator): Promise<number> {
  return measureResults(page, async () => {
    await widen.click();
    if ((await widen.getAttribute('aria-pressed')) !== 'true') {
      throw new Error('the All transcripts toggle did not say it was pressed (aria-pressed)');
    }
  });
}

const resultCount = (page: Page) => page.locator('a.search-result').count();
