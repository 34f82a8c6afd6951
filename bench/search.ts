/**
 * The search columns of the benchmark: index bytes a reader's browser
 * fetches per query, and the time from typing to the first result, for
 * five fixed queries in each language, all of which occur in the seed.
 */
import type { Page } from 'playwright';
import { runColdQueries, runQueries } from '../tests/support/search-driver.ts';
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

export interface QueryMeasurement {
  language: 'zh' | 'en';
  query: string;
  /**
   * Bytes over the wire for search (Pagefind's script and WASM, index
   * chunks, fragments) while answering this query, on top of what earlier
   * queries in the same page already fetched.
   */
  bytes: number;
  /** From typing the query to the first result on screen, in milliseconds. */
  msToFirstResult: number;
  /** How many results were shown. */
  results: number;
  /** On a fresh page with nothing cached: what focusing the field loads (the search itself). */
  loadBytes: number;
  /** Then what this query alone fetches: its index chunks and the records it shows. */
  ownBytes: number;
}

export interface SearchSummary {
  /** Bytes fetched for the first query of a fresh page (loads the search itself). */
  firstQueryBytes: number;
  /** Mean bytes fetched for each later query. */
  laterQueryBytes: number;
  /** Mean over all queries, first included. */
  meanQueryBytes: number;
  /** Mean of what loading the search costs (its code, Pagefind, the index's metadata). */
  loadBytes: number;
  /** Mean of what one query costs once the search is loaded, nothing cached: what the budget compares. */
  ownQueryBytes: number;
  /** Median time to first result over all queries. */
  medianMsToFirstResult: number;
  maxMsToFirstResult: number;
  queries: QueryMeasurement[];
}

/**
 * Runs the fixed queries on the page at `pageUrl`, typing each into the
 * search field as a reader would: all on that page, then each on a fresh
 * page with nothing cached.
 */
export async function measureSearch(page: Page, pageUrl: string): Promise<QueryMeasurement[]> {
  const texts = BENCH_QUERIES.map((query) => query.text);
  const runs = await runQueries(page, pageUrl, texts, { bytes: true });
  const browser = page.context().browser();
  if (!browser) throw new Error('the search measurements need a browser, not a persistent context');
  const cold = await runColdQueries(browser, pageUrl, texts);
  return runs.map((run, i) => ({
    language: BENCH_QUERIES[i]!.language,
    query: run.query,
    bytes: run.bytes,
    msToFirstResult: run.msToResults,
    results: run.results,
    loadBytes: cold[i]!.loadBytes,
    ownBytes: cold[i]!.queryBytes,
  }));
}

export function summarizeSearch(queries: readonly QueryMeasurement[]): SearchSummary {
  const bytes = queries.map((query) => query.bytes);
  const later = bytes.slice(1);
  const times = queries.map((query) => query.msToFirstResult);
  return {
    firstQueryBytes: bytes[0]!,
    laterQueryBytes: later.length > 0 ? mean(later) : 0,
    meanQueryBytes: mean(bytes),
    loadBytes: mean(queries.map((query) => query.loadBytes)),
    ownQueryBytes: mean(queries.map((query) => query.ownBytes)),
    medianMsToFirstResult: median(times),
    maxMsToFirstResult: Math.max(...times),
    queries: [...queries],
  };
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
