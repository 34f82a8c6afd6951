/**
 * Drives the real search field of a built page the way a reader does, one
 * query after another, and reports what each query showed, how long it
 * took from the last keystroke to results on screen (measured by the page
 * itself), and how many bytes it fetched. Shared by `npm run bench:search`,
 * `npm run bench` and the end-to-end quality test.
 */
import type { Browser, Page } from 'playwright';

import { RESULTS_MEASURE } from '../../src/search/measure-names.ts';

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

function resultCount(page: Page): Promise<number> {
  return page.evaluate((name) => performance.getEntriesByName(name).length, RESULTS_MEASURE);
}

export async function runQueries(
  page: Page,
  pageUrl: string,
  queries: readonly string[],
  options: MeasureOptions = {},
): Promise<QueryRun[]> {
  await page.goto(pageUrl);
  await page.waitForLoadState('networkidle');
  const sizes: Promise<number>[] = [];
  page.on('requestfinished', (request) => {
    sizes.push(
      request
        .sizes()
        .then((size) => size.responseBodySize)
        .catch(() => 0),
    );
  });

  const field = page.getByRole('searchbox', { name: /Search/ });
  await field.focus();
  const runs: QueryRun[] = [];
  for (const query of queries) {
    const before = await resultCount(page);
    await field.fill(query);
    await page.waitForFunction(
      ({ name, count }) => performance.getEntriesByName(name).length > count,
      { name: RESULTS_MEASURE, count: before },
    );
    const msToResults = await page.evaluate(
      (name) => performance.getEntriesByName(name).at(-1)?.duration ?? NaN,
      RESULTS_MEASURE,
    );
    if (options.bytes) await page.waitForLoadState('networkidle');
    const fetched = await Promise.all(sizes.splice(0));
    const links = page.locator('a.search-result');
    const hrefs = (await links.evaluateAll((anchors) =>
      anchors.map((anchor) => anchor.getAttribute('href') ?? ''),
    )) as string[];
    runs.push({
      query,
      hrefs: hrefs.slice(0, 5),
      results: hrefs.length,
      msToResults,
      bytes: fetched.reduce((sum, size) => sum + size, 0),
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
      const sizes: Promise<number>[] = [];
      page.on('requestfinished', (request) => {
        sizes.push(
          request
            .sizes()
            .then((size) => size.responseBodySize)
            .catch(() => 0),
        );
      });
      const sum = async () => (await Promise.all(sizes.splice(0))).reduce((a, b) => a + b, 0);

      const field = page.getByRole('searchbox', { name: /Search/ });
      await field.focus();
      await page.waitForLoadState('networkidle');
      // Focus starts the loading; wait until the index is ready before typing.
      await page.waitForFunction(() =>
        performance.getEntriesByType('resource').some((entry) => entry.name.includes('.pf_meta')),
      );
      await page.waitForTimeout(300);
      const loadBytes = await sum();

      await field.fill(query);
      await page.waitForFunction(
        (name) => performance.getEntriesByName(name).length > 0,
        RESULTS_MEASURE,
      );
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      const msToResults = await page.evaluate(
        (name) => performance.getEntriesByName(name).at(-1)?.duration ?? NaN,
        RESULTS_MEASURE,
      );
      measured.push({ query, loadBytes, queryBytes: await sum(), msToResults });
    } finally {
      await context.close();
    }
  }
  return measured;
}

/** The turn a result link lands on, as `<slug>#turn-N`. */
export function landingTurn(href: string): string {
  const url = new URL(href, 'http://localhost');
  return `${url.pathname.replaceAll('/', '')}${url.hash}`;
}
