/**
 * `npm run bench`: builds the site from 1 and 500 transcripts (the seed
 * plus synthetic ones recombined from its turns), and 5,000 with --large;
 * measures each build (its time, phases and the peak memory of its whole
 * process tree), rebuilds the 500 and the 5,000 after editing one
 * transcript, measures the seed's reader page and the searches (its own,
 * widened to all transcripts, and `/`'s, with the recall of phrases copied
 * from the site's turns, bench/recall.ts) in Chromium, runs Lighthouse
 * (three times a page, the median run reported) on the build of the seed
 * alone, times the parser and `npm run check` on hostile input, prints the
 * tables, writes them to bench/results.md and everything measured to
 * bench/results.json, and exits 1 when a budget fails: broken, or not
 * measured by this run (bench/gate.ts).
 *
 *   npm run bench -- [--sizes 1,500] [--large] [--skip-lighthouse] [--keep] [--limit-gb 8] [--phrase-seed n]
 *
 * Everything it writes, but the results, goes to a folder in the system's
 * temporary folder, removed at the end unless --keep.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright';
import { readTranscripts } from '../src/lib/transcript/files.ts';
import { chromiumPath, launchChromium } from './browser.ts';
import { BUDGETS } from './budgets.ts';
import { buildSite } from './build.ts';
import { checkBudgets } from './check-budgets.ts';
import { checkFirstViewBudgets } from './check-first-view.ts';
import { firstViewTable, measureAgainstFloor, serveFloor } from './first-view.ts';
import { editOne, PRNG_SEED, writeContent, type Seed } from './generate.ts';
import {
  checkHostileInputBudgets,
  hostileInputTable,
  measureHostileInput,
} from './hostile-input.ts';
import { runLighthouseMedian, type LighthouseResult } from './lighthouse.ts';
import { longPageTable, measureLongPage, type LongPageResult } from './long-page.ts';
import { htmlBytes, measureFirstView } from './measure-page.ts';
import type { BenchResults, SizeResult } from './results.ts';
import { runInfo, runInfoLines } from './run-info.ts';
import { checkRecallBudgets, measureRecall, recallTable } from './recall.ts';
import { measureSearch, SEARCH_KINDS, type SearchKind } from './search.ts';
import { serve } from './serve.ts';
import { filesTable, glossaryTable, measureSite } from './site-files.ts';
import { dictionaryTable, measureDictionary } from './dictionary.ts';
import {
  budgetsTable,
  buildsTable,
  lighthouseTable,
  pagesTable,
  phasesNote,
  searchTable,
} from './table.ts';
import { GZIP_LEVEL, KB } from './units.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const SEED_FOLDER = path.join(ROOT, 'content/transcripts');
const SEED_SLUG = 'alignment-panel';
const RESULTS_JSON = path.join(import.meta.dirname, 'results.json');
const RESULTS_MD = path.join(import.meta.dirname, 'results.md');
/** Lighthouse runs per page; the median one is reported. */
const LIGHTHOUSE_RUNS = 3;

/** The sizes `npm run bench` builds, and what --large adds: it takes several minutes more. */
const SIZES = [1, 500];
const LARGE = 5000;

interface Options {
  sizes: number[];
  skipLighthouse: boolean;
  keep: boolean;
  /** Past this many bytes a build's process tree is killed: the machine is kept, the run fails. */
  limitBytes: number;
  /** The seed to draw the recall phrases with, to replay a run's; a new one each run otherwise. */
  phraseSeed: number | undefined;
}

const log = (message: string) => console.error(`bench: ${message}`);

try {
  process.exitCode = await main(readOptions());
} catch (error) {
  // A person reads this: the reason, not a stack trace.
  log(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: SIZES.join(',') },
      large: { type: 'boolean', default: false },
      'skip-lighthouse': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      'limit-gb': { type: 'string', default: '8' },
      'phrase-seed': { type: 'string' },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
    throw new Error(`--sizes takes whole numbers from 1, e.g. 1,500; got ${values.sizes}`);
  }
  if (values.large && !sizes.includes(LARGE)) sizes.push(LARGE);
  const phraseSeed =
    values['phrase-seed'] === undefined ? undefined : Number(values['phrase-seed']);
  if (phraseSeed !== undefined && !Number.isInteger(phraseSeed)) {
    throw new Error(`--phrase-seed takes a whole number; got ${values['phrase-seed']}`);
  }
  const limit = Number(values['limit-gb']);
  if (!(limit > 0))
    throw new Error(`--limit-gb takes a number of GB, e.g. 8; got ${values['limit-gb']}`);
  return {
    sizes,
    skipLighthouse: values['skip-lighthouse'],
    keep: values.keep,
    limitBytes: limit * KB ** 3,
    phraseSeed,
  };
}

async function main(options: Options): Promise<number> {
  const info = await runInfo();
  const seed = await loadSeed();
  log('hostile input: the parser and npm run check');
  const hostileInput = measureHostileInput(ROOT);
  const chromePath = chromiumPath();
  const work = await mkdtemp(path.join(os.tmpdir(), 'duet-bench-'));
  const browser = await launchChromium(chromePath);

  const sizes: SizeResult[] = [];
  const lighthouse: LighthouseResult[] = [];
  let floorLighthouse: LighthouseResult | undefined;
  let longPage: LongPageResult;
  try {
    for (const count of options.sizes) {
      const measured = await measureSize({
        count,
        seed,
        work,
        browser,
        chromePath,
        keep: options.keep,
        limitBytes: options.limitBytes,
        phraseSeed: options.phraseSeed,
        // On the build of the seed alone: what Lighthouse scores does not depend on N.
        withLighthouse: count === 1 && !options.skipLighthouse,
      });
      sizes.push(measured.size);
      lighthouse.push(...measured.lighthouse);
      floorLighthouse ??= measured.floorLighthouse;
    }
    log('the long page: 500 turns');
    longPage = await measureLongPage(browser, {
      root: ROOT,
      work: path.join(work, 'long-page'),
      seed: seed.transcript,
    });
  } finally {
    await browser.close();
    if (options.keep) log(`kept ${work}`);
    else await rm(work, { recursive: true, force: true });
  }

  const budgets = [
    ...checkBudgets(sizes, lighthouse),
    ...checkFirstViewBudgets(sizes, lighthouse, `/${SEED_SLUG}/`, longPage),
    ...checkHostileInputBudgets(hostileInput),
    ...checkRecallBudgets(sizes),
  ];
  const report: BenchResults = {
    ...info,
    prngSeed: PRNG_SEED,
    gzipLevel: GZIP_LEVEL,
    kilobyte: KB,
    sizes,
    lighthouse,
    floorLighthouse,
    longPage,
    hostileInput,
    budgets,
  };
  // Missing measurements are written as null, so every field is in the file.
  const tidy = (_: string, value: unknown) =>
    typeof value === 'number' && !Number.isInteger(value)
      ? Number(value.toFixed(4))
      : (value ?? null);
  await writeFile(RESULTS_JSON, `${JSON.stringify(report, tidy, 2)}\n`);

  const tables = resultTables(report);
  await writeFile(RESULTS_MD, resultsPage(report, tables));
  console.log(`\n${tables.join('\n\n')}\n`);
  console.log(
    `Results written to ${path.relative(process.cwd(), RESULTS_MD)} and ${path.relative(process.cwd(), RESULTS_JSON)}.`,
  );

  const broken = budgets.filter((check) => check.status === 'fail');
  for (const check of broken) {
    console.log(
      `Budget failed: ${check.name}: ${check.reason ?? `${check.actual}, limit ${check.limit}`}`,
    );
  }
  return broken.length > 0 ? 1 : 0;
}

/** What the run prints, in order: builds, files, the reader page, the glossary, searches, hostile input, Lighthouse, what costs points, budgets. */
function resultTables(report: BenchResults): string[] {
  const reader = report.lighthouse.find((run) => new URL(run.url).pathname === `/${SEED_SLUG}/`);
  const tables = [
    buildsTable(report.sizes),
    phasesNote(),
    filesTable(report.sizes),
    pagesTable(report.sizes),
    glossaryTable(report.sizes),
    dictionaryTable(report.sizes.map((size) => size.dictionary)),
    firstViewTable(report.sizes, { floor: report.floorLighthouse?.lcpMs, page: reader?.lcpMs }),
    longPageTable(report.longPage),
    searchTable(report.sizes),
    recallTable(report.sizes),
    hostileInputTable(report.hostileInput),
  ];
  if (report.lighthouse.length > 0) tables.push(lighthouseTable(report.lighthouse));
  // What costs points where a score is below its budget (all of them are in results.json).
  const costs = report.lighthouse.flatMap((run) =>
    run.failing
      .filter((audit) => run.scores[audit.category] < BUDGETS.minScore[audit.category])
      .map((audit) =>
        [
          `- Lighthouse ${new URL(run.url).pathname} ${audit.category}: ${audit.id} (${audit.title})` +
            `${audit.displayValue ? `: ${audit.displayValue}` : ''}`,
          ...audit.details.map((detail) => `    - ${detail}`),
        ].join('\n'),
      ),
  );
  if (costs.length > 0) tables.push(costs.join('\n'));
  tables.push(budgetsTable(report.budgets));
  return tables;
}

/** bench/results.md: the printed tables, with when, where and how they were measured. */
function resultsPage(report: BenchResults, tables: readonly string[]): string {
  const lines = [
    '# Benchmark results',
    '',
    'The latest run of `npm run bench`. What each column and budget means: [README.md](README.md).',
    '',
    ...runInfoLines(report),
    `- Counting: gzip at level ${report.gzipLevel}, 1 KB = ${report.kilobyte.toLocaleString('en')} bytes; synthetic transcripts from PRNG seed ${report.prngSeed}`,
    '',
  ];
  if (report.lighthouse.length === 0) {
    lines.push('Lighthouse was not run (`--skip-lighthouse`, or no size 1).', '');
  }
  return `${[...lines, tables.join('\n\n')].join('\n')}\n`;
}

async function loadSeed(): Promise<Seed> {
  const { transcripts } = await readTranscripts(SEED_FOLDER, ROOT);
  const found = transcripts.find((file) => file.slug === SEED_SLUG);
  if (!found) throw new Error(`the seed ${SEED_SLUG}.md is missing from ${SEED_FOLDER}`);
  return { file: path.join(ROOT, found.file), slug: SEED_SLUG, transcript: found.transcript };
}

interface SizeRun {
  count: number;
  seed: Seed;
  /** The run's scratch folder. */
  work: string;
  browser: Browser;
  chromePath: string;
  keep: boolean;
  limitBytes: number;
  phraseSeed: number | undefined;
  withLighthouse: boolean;
}

async function measureSize(run: SizeRun): Promise<{
  size: SizeResult;
  lighthouse: LighthouseResult[];
  floorLighthouse: LighthouseResult | undefined;
}> {
  const { count, seed, work, browser } = run;
  const contentDir = path.join(work, `content-${count}`);
  const outDir = path.join(work, `site-${count}`);
  const workDir = path.join(work, `build-${count}`);
  await mkdir(workDir, { recursive: true });
  const shown = count.toLocaleString('en');

  log(`N=${shown}: writing transcripts`);
  const content = await writeContent(contentDir, seed, count);

  log(`N=${shown}: astro build (${content.turns.toLocaleString('en')} turns)`);
  const build = await buildSite({
    root: ROOT,
    contentDir,
    outDir,
    workDir,
    limitBytes: run.limitBytes,
  });
  const missing = content.slugs.filter(
    (slug) => !existsSync(path.join(outDir, slug, 'index.html')),
  );
  if (missing.length > 0) {
    throw new Error(`the build has no page for ${missing.length} transcripts, e.g. ${missing[0]}`);
  }
  const { dist, glossary } = await measureSite(outDir);
  log(`N=${shown}: the dictionary's files and their making`);
  const { transcripts: read } = await readTranscripts(contentDir, ROOT);
  const dictionary = await measureDictionary(read.map((file) => [file.slug, file.transcript]));

  let rebuild: SizeResult['rebuild'];
  if (BUDGETS.rebuild.some(({ at }) => at === count)) {
    const edited = await editOne(contentDir, content);
    log(`N=${shown}: astro build again, ${edited} edited`);
    const warm = await buildSite({
      root: ROOT,
      contentDir,
      outDir,
      workDir,
      warm: true,
      limitBytes: run.limitBytes,
    });
    rebuild = { ...warm, edited };
  }
  const readerHtml = await htmlBytes(path.join(outDir, seed.slug, 'index.html'));

  const server = await serve(outDir);
  try {
    const readerUrl = `${server.origin}/${seed.slug}/`;
    log(`N=${shown}: first view of ${readerUrl}`);
    const firstView = await measureFirstView(browser, readerUrl);
    const againstFloor = await measureAgainstFloor(browser, outDir, SEED_SLUG, seed.transcript);

    const urls: Record<SearchKind, string> = {
      reader: readerUrl,
      'reader-wide': readerUrl,
      home: `${server.origin}/`,
    };
    const search = [];
    for (const kind of Object.keys(SEARCH_KINDS) as SearchKind[]) {
      log(`N=${shown}: search, ${SEARCH_KINDS[kind]}`);
      search.push(await measureSearch(browser, urls[kind], kind));
    }
    log(`N=${shown}: recall of phrases copied from turns, and hostile queries, on /`);
    const recall = await measureRecall(browser, urls.home, contentDir, run.phraseSeed);

    const lighthouse: LighthouseResult[] = [];
    for (const url of run.withLighthouse ? [`${server.origin}/`, readerUrl] : []) {
      log(`N=${shown}: Lighthouse ${url}`);
      lighthouse.push(await runLighthouseMedian(url, run.chromePath, LIGHTHOUSE_RUNS));
    }
    let floorLighthouse: LighthouseResult | undefined;
    if (run.withLighthouse) {
      const floor = await serveFloor(seed.transcript);
      log(`N=${count}: Lighthouse on the floor page`);
      try {
        floorLighthouse = await runLighthouseMedian(floor.url, run.chromePath, LIGHTHOUSE_RUNS);
      } finally {
        await floor.close();
      }
    }

    const size: SizeResult = {
      transcripts: count,
      turns: content.turns,
      build,
      ...(rebuild && { rebuild }),
      dist,
      glossary,
      dictionary,
      readerHtml,
      firstView,
      againstFloor,
      search,
      recall,
    };
    return { size, lighthouse, floorLighthouse };
  } finally {
    await server.close();
    if (!run.keep) {
      await rm(outDir, { recursive: true, force: true });
      await rm(contentDir, { recursive: true, force: true });
      await rm(workDir, { recursive: true, force: true });
    }
  }
}
