/**
 * `npm run bench:search`: builds the site, types every query of the query
 * set into the reader page's search field in Chromium, and prints recall
 * per language, bytes fetched per query and the time from the last
 * keystroke to results. Exits 1 when a search budget is broken.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright';
import { buildSite } from './build.ts';
import { serve } from './serve.ts';
import { kilobytes as kb } from './units.ts';
import { chromiumArgs, systemChromium } from '../tests/support/chromium.ts';
import { landingTurn, runQueries } from '../tests/support/search-driver.ts';
import { readQuerySet, recall } from '../tests/support/query-set.ts';

const BUDGET = {
  recallAt1: 0.95,
  firstQueryBytes: 200_000,
  laterQueryBytes: 60_000,
  msToResults: 100,
};

const root = process.cwd();
const work = await mkdtemp(path.join(tmpdir(), 'duet-bench-search-'));
const set = readQuerySet();
const broken: string[] = [];

try {
  console.log('Building the site…');
  const outDir = path.join(work, 'dist');
  await buildSite({ root, contentDir: 'content/transcripts', outDir, workDir: work });
  const server = await serve(outDir);
  const browser = await chromium.launch({ executablePath: systemChromium(), args: chromiumArgs });
  try {
    const page = await browser.newPage();
    const url = `${server.origin}/${set.transcript}/`;
    const runs = await runQueries(
      page,
      url,
      set.queries.map((query) => query.query),
      { bytes: true },
    );

    console.log('\n| language | queries | recall@1 | recall@5 |\n|---|---|---|---|');
    for (const row of recall(set, runs)) {
      console.log(
        `| ${row.language} | ${row.queries} | ${row.at1.toFixed(2)} | ${row.at5.toFixed(2)} |`,
      );
      if (row.language !== 'mixed' && row.at1 < BUDGET.recallAt1) {
        broken.push(
          `recall@1 in ${row.language} is ${row.at1.toFixed(2)} (budget ${BUDGET.recallAt1})`,
        );
      }
    }

    console.log('\n| # | query | kind | want | got | bytes | ms |\n|---|---|---|---|---|---|---|');
    runs.forEach((run, i) => {
      const query = set.queries[i]!;
      const got = run.hrefs[0] ? landingTurn(run.hrefs[0]).replace(/^.*#turn-/, '') : '–';
      console.log(
        `| ${i + 1} | ${run.query} | ${query.kind} | ${query.turn || '–'} | ${got} | ${kb(run.bytes)} | ${run.msToResults.toFixed(0)} |`,
      );
    });

    const later = runs.slice(1);
    const laterBytes = later.map((run) => run.bytes);
    const laterMs = later.map((run) => run.msToResults).sort((a, b) => a - b);
    const first = runs[0]!;
    const median = laterMs[Math.floor(laterMs.length / 2)] ?? NaN;
    const maxMs = laterMs.at(-1) ?? NaN;
    console.log('\n| measure | value |\n|---|---|');
    console.log(`| bytes, first query (loads the search) | ${kb(first.bytes)} |`);
    console.log(
      `| bytes, later queries: mean / max | ${kb(laterBytes.reduce((a, b) => a + b, 0) / later.length)} / ${kb(Math.max(...laterBytes))} |`,
    );
    console.log(`| time to results, first query | ${first.msToResults.toFixed(0)} ms |`);
    console.log(
      `| time to results, later queries: median / max | ${median.toFixed(0)} ms / ${maxMs.toFixed(0)} ms |`,
    );

    if (first.bytes > BUDGET.firstQueryBytes)
      broken.push(`the first query fetched ${kb(first.bytes)}`);
    for (const run of later) {
      if (run.bytes > BUDGET.laterQueryBytes)
        broken.push(`"${run.query}" fetched ${kb(run.bytes)}`);
      if (run.msToResults > BUDGET.msToResults) {
        broken.push(`"${run.query}" took ${run.msToResults.toFixed(0)} ms to show results`);
      }
    }

    // Every phrase that occurs in one turn only must rank that turn first.
    const misses = set.queries
      .map((query, i) => ({ query, run: runs[i]! }))
      .filter(({ query }) => query.turn > 0)
      .filter(
        ({ query, run }) =>
          landingTurn(run.hrefs[0] ?? '') !== `${set.transcript}#turn-${query.turn}`,
      );
    if (misses.length > 0) {
      console.log('\nNot ranked first:');
      for (const { query, run } of misses) {
        console.log(
          `  ${query.query} (${query.kind}): want turn ${query.turn}, got ${run.hrefs.map(landingTurn).join(', ') || 'nothing'}`,
        );
        if (query.kind === 'phrase' || query.kind === 'quoted') {
          broken.push(`the phrase "${query.query}" does not rank its turn first`);
        }
      }
    }
    for (const { query, run } of set.queries.map((query, i) => ({ query, run: runs[i]! }))) {
      if (query.kind === 'absent' && run.results > 0)
        broken.push(`"${query.query}" should find nothing`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  await rm(work, { recursive: true, force: true });
}

if (broken.length > 0) {
  console.log(`\nSearch budgets broken:\n${broken.map((line) => `  - ${line}`).join('\n')}`);
  process.exit(1);
}
console.log('\nAll search budgets hold.');
