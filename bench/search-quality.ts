/**
 * `npm run bench:search`: builds the site, types every query of the query
 * set into the reader page's search field in Chromium, and prints recall
 * per language, bytes fetched per query and the time from the last
 * keystroke to results; writes the same to bench/search-results.md. Exits
 * 1 when a search budget is broken.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumPath, launchChromium } from './browser.ts';
import { BUDGETS } from './budgets.ts';
import { buildSite } from './build.ts';
import { runInfo, runInfoLines } from './run-info.ts';
import { serve } from './serve.ts';
import { markdownTable } from './table.ts';
import { kilobytes as kb, median } from './units.ts';
import { landingTurn, runQueries, type QueryRun } from '../tests/support/search-driver.ts';
import { readQuerySet, recall, type QuerySet } from '../tests/support/query-set.ts';
import { CORPUS, SEARCH_QUERIES } from '../tests/support/paths.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const QUERY_SET = path.join(ROOT, SEARCH_QUERIES);
const RESULTS_MD = path.join(import.meta.dirname, 'search-results.md');

try {
  process.exitCode = await main();
} catch (error) {
  // A person reads this: the reason, not a stack trace.
  console.error(`bench:search: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

async function main(): Promise<number> {
  const info = await runInfo();
  const set = readQuerySet(QUERY_SET);
  const runs = await typeQuerySet(set);
  const { tables, broken } = report(set, runs);

  const page = [
    '# Search benchmark results',
    '',
    'The latest run of `npm run bench:search` on the seed. What each measure and budget means: [README.md](README.md).',
    '',
    ...runInfoLines(info),
    '',
    tables.join('\n\n'),
    '',
    broken.length > 0
      ? `Search budgets broken:\n\n${broken.map((line) => `- ${line}`).join('\n')}`
      : 'All search budgets hold.',
    '',
  ].join('\n');
  await writeFile(RESULTS_MD, page);

  console.log(`\n${tables.join('\n\n')}\n`);
  console.log(`Results written to ${path.relative(process.cwd(), RESULTS_MD)}.`);
  if (broken.length > 0) {
    console.log(`\nSearch budgets broken:\n${broken.map((line) => `  - ${line}`).join('\n')}`);
    return 1;
  }
  console.log('\nAll search budgets hold.');
  return 0;
}

/** Builds the site from the seed's folder and types every query of the set on its reader page. */
async function typeQuerySet(set: QuerySet): Promise<QueryRun[]> {
  const work = await mkdtemp(path.join(tmpdir(), 'duet-bench-search-'));
  try {
    console.error('bench:search: building the site');
    const outDir = path.join(work, 'dist');
    // The corpus the query set is written for, not the site's own transcripts, which may change.
    const contentDir = path.join(ROOT, CORPUS);
    await buildSite({ root: ROOT, contentDir, outDir, workDir: work });
    const server = await serve(outDir);
    const browser = await launchChromium(chromiumPath());
    try {
      console.error('bench:search: typing the query set');
      const page = await browser.newPage();
      return await runQueries(
        page,
        `${server.origin}/${set.transcript}/`,
        set.queries.map((query) => query.query),
        { bytes: true },
      );
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The tables, and every budget the runs break. */
function report(set: QuerySet, runs: readonly QueryRun[]): { tables: string[]; broken: string[] } {
  const broken: string[] = [];
  const pairs = set.queries.map((query, i) => ({ query, run: runs[i]! }));

  const recallRows = recall(set, runs).map((row) => {
    if (row.language !== 'mixed' && row.at1 < BUDGETS.recallAt1) {
      broken.push(
        `recall@1 in ${row.language} is ${row.at1.toFixed(2)} (budget ${BUDGETS.recallAt1})`,
      );
    }
    return [row.language, String(row.queries), row.at1.toFixed(2), row.at5.toFixed(2)];
  });

  const queryRows = pairs.map(({ query, run }, i) => {
    const got = run.hrefs[0] ? landingTurn(run.hrefs[0]).replace(/^.*#turn-/, '') : '–';
    return [
      String(i + 1),
      run.query,
      query.kind,
      query.turn ? String(query.turn) : '–',
      got,
      kb(run.bytes),
      run.msToResults.toFixed(0),
    ];
  });

  // The first query loads the search; the budgets for each query hold from the second on.
  const [first, ...later] = runs;
  if (!first || later.length === 0) throw new Error(`${QUERY_SET} needs at least two queries`);
  const laterBytes = later.map((run) => run.bytes);
  const laterMs = later.map((run) => run.msToResults);
  const measures = [
    ['bytes, first query (loads the search)', kb(first.bytes)],
    [
      'bytes, later queries: mean / max',
      `${kb(laterBytes.reduce((sum, bytes) => sum + bytes, 0) / later.length)} / ${kb(Math.max(...laterBytes))}`,
    ],
    ['time to results, first query', `${first.msToResults.toFixed(0)} ms`],
    [
      'time to results, later queries: median / max',
      `${median(laterMs).toFixed(0)} ms / ${Math.max(...laterMs).toFixed(0)} ms`,
    ],
  ];

  if (first.bytes > BUDGETS.firstQueryBytes) {
    broken.push(
      `the first query fetched ${kb(first.bytes)} (budget ${kb(BUDGETS.firstQueryBytes)})`,
    );
  }
  for (const run of later) {
    if (run.bytes > BUDGETS.laterQueryBytes) {
      broken.push(
        `"${run.query}" fetched ${kb(run.bytes)} (budget ${kb(BUDGETS.laterQueryBytes)})`,
      );
    }
    if (run.msToResults > BUDGETS.msToResults) {
      broken.push(
        `"${run.query}" took ${run.msToResults.toFixed(0)} ms to show results (budget ${BUDGETS.msToResults} ms)`,
      );
    }
  }

  // Every phrase that occurs in one turn only must rank that turn first.
  const misses = pairs
    .filter(({ query }) => query.turn > 0)
    .filter(
      ({ query, run }) =>
        landingTurn(run.hrefs[0] ?? '') !== `${set.transcript}#turn-${query.turn}`,
    );
  for (const { query } of misses) {
    if (query.kind === 'phrase' || query.kind === 'quoted') {
      broken.push(`the phrase "${query.query}" does not rank its turn first`);
    }
  }
  for (const { query, run } of pairs) {
    if (query.kind === 'absent' && run.results > 0) {
      broken.push(`"${query.query}" should find nothing`);
    }
  }

  const tables = [
    markdownTable(['language', 'queries', 'recall@1', 'recall@5'], recallRows),
    markdownTable(['#', 'query', 'kind', 'want', 'got', 'bytes', 'ms'], queryRows),
    markdownTable(['measure', 'value'], measures),
  ];
  if (misses.length > 0) {
    const lines = misses.map(
      ({ query, run }) =>
        `- ${query.query} (${query.kind}): want turn ${query.turn}, got ${run.hrefs.map(landingTurn).join(', ') || 'nothing'}`,
    );
    tables.push(`Not ranked first:\n\n${lines.join('\n')}`);
  }
  return { tables, broken };
}
