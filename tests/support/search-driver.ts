/**
 * Drives the real search field of a built page the way a reader does, one
 * query after another, and reports what each query showed, how long it
 * took from the last keystroke to results on screen (measured by the page
 * itself), and how many bytes it fetched. Shared by `npm run bench:search`,
 * `npm run bench` and the end-to-end quality test.
 */
import type { Browser, Locator, Page } from 'playwright';
import { RESULTS_MEASURE } from '../../src/lib/search/measure-names.ts';

export interface QueryRun {
  query: string;
  /** The result links in order, at most the first five. */
  hrefs: string[];
  /** Results shown. */
  results: number;
  /** From the last keystroke to results on screen, in milliseconds. */
  msToResults: number;
  /** Bytes over the wire (compressed where the server compresses) fetched for this query. */
  bytes: number;
}

export interface MeasureOptions {
  /** Count bytes per query; waits for the network to settle after each query. */
  bytes?: boolean;
}

/** How long the network must be quiet to count as settled: Playwright's `networkidle`. */
const QUIET_MS = 500;
/** Past this, a page whose requests never settle fails the run rather than hang it. */
const SETTLE_LIMIT_MS = 30_000;

/** The page's network from now on, watched: its bytes, and a wait for it to settle. */
export interface NetworkWatch {
  /** The bytes of every response received so far; counting starts again from zero. */
  take(): Promise<number>;
  /**
   * Resolves once no request has been in flight for 500 ms. Unlike
   * `page.waitForLoadState('networkidle')`, which resolves at once after
   * the page's load has been idle once, it waits for the reads a query
   * started after the load, so the next query does not share the network
   * and the page with them.
   */
  settle(): Promise<void>;
}

/** Watches the page's responses from now on: counts their bytes (compressed where the server compresses). */
function watchNetwork(page: Page): NetworkWatch {
  const sizes: Promise<number>[] = [];
  let inFlight = 0;
  let lastChange = performance.now();
  page.on('request', () => {
    inFlight++;
    lastChange = performance.now();
  });
  page.on('requestfailed', () => {
    inFlight--;
    lastChange = performance.now();
  });
  page.on('requestfinished', (request) => {
    inFlight--;
    lastChange = performance.now();
    sizes.push(
      request
        .sizes()
        .then((size) => size.responseBodySize)
        .catch(() => 0),
    );
  });
  return {
    take: async () => (await Promise.all(sizes.splice(0))).reduce((sum, size) => sum + size, 0),
    settle: async () => {
      const started = performance.now();
      while (inFlight > 0 || performance.now() - lastChange < QUIET_MS) {
        if (performance.now() - started > SETTLE_LIMIT_MS) {
          throw new Error(`${page.url()}: requests still in flight after ${SETTLE_LIMIT_MS} ms`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

/**
 * Types a query into the search field and waits for its own first results
 * (not the previous query's); returns the page's measure from the last
 * keystroke to those results, in milliseconds.
 */
export async function typeQuery(page: Page, field: Locator, query: string): Promise<number> {
  return measureResults(page, () => field.fill(query));
}

/**
 * Does what the reader does (`act`: typing, pressing a control) and waits
 * for the results it brings, not the previous ones; returns the page's
 * measure from the input to those results, in milliseconds.
 */
export async function measureResults(page: Page, act: () => Promise<void>): Promise<number> {
  const measures = () =>
    page.evaluate((name) => performance.getEntriesByName(name).length, RESULTS_MEASURE);
  const before = await measures();
  await act();
  await page.waitForFunction(
    ({ name, count }) => performance.getEntriesByName(name).length > count,
    { name: RESULTS_MEASURE, count: before },
  );
  return page.evaluate(
    (name) => performance.getEntriesByName(name).at(-1)?.duration ?? NaN,
    RESULTS_MEASURE,
  );
}

/** The search field every page has. */
export const searchField = (page: Page): Locator => page.getByRole('searchbox', { name: /Search/ });

/**
 * Opens a page, waits for its first view to settle, then counts the bytes
 * it fetches from here on (and watches for it to settle) and focuses its
 * search field, as a reader about to type.
 */
export async function openSearch(
  page: Page,
  url: string,
): Promise<{ bytes: NetworkWatch; field: Locator }> {
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  const bytes = watchNetwork(page);
  const field = searchField(page);
  await field.focus();
  return { bytes, field };
}

export async function runQueries(
  page: Page,
  pageUrl: string,
  queries: readonly string[],
  options: MeasureOptions = {},
): Promise<QueryRun[]> {
  const { bytes, field } = await openSearch(page, pageUrl);
  const runs: QueryRun[] = [];
  for (const query of queries) {
    const msToResults = await typeQuery(page, field, query);
    if (options.bytes) await bytes.settle();
    const hrefs = await page
      .locator('a.search-result')
      .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
    runs.push({
      query,
      hrefs: hrefs.slice(0, 5),
      results: hrefs.length,
      msToResults,
      bytes: await bytes.take(),
    });
  }
  return runs;
}

export interface ColdQuery {
  query: string;
  /** Bytes the search itself costs on focus: its code, Pagefind's script and WebAssembly, the index's metadata. */
  loadBytes: number;
  /** Bytes this query alone then fetched: the index chunks of its words and the records it shows. */
  queryBytes: number;
  msToResults: number;
}

/**
 * Each query on a fresh page, in a fresh browser context (nothing cached):
 * what loading the search costs, and then what the query alone costs. The
 * second is what grows with the site.
 */
export async function runColdQueries(
  browser: Browser,
  pageUrl: string,
  queries: readonly string[],
): Promise<ColdQuery[]> {
  const measured: ColdQuery[] = [];
  for (const query of queries) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(pageUrl);
      await page.waitForLoadState('networkidle');
      const bytes = watchNetwork(page);

      const field = searchField(page);
      await field.focus();
      await page.waitForLoadState('networkidle');
      // Focus starts the loading; wait until the index is ready before typing.
      await page.waitForFunction(() =>
        performance.getEntriesByType('resource').some((entry) => entry.name.includes('.pf_meta')),
      );
      await page.waitForTimeout(300);
      const loadBytes = await bytes.take();

      const msToResults = await typeQuery(page, field, query);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      measured.push({ query, loadBytes, queryBytes: await bytes.take(), msToResults });
    } finally {
      await context.close();
    }
  }
  return measured;
}

/** The turn a result link lands on, as `<slug>#turn-N`, whatever base path the site is under. */
export function landingTurn(href: string): string {
  const url = new URL(href, 'http://localhost');
  return `${url.pathname.split('/').filter(Boolean).at(-1) ?? ''}${url.hash}`;
}
