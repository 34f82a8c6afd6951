/**
 * `npm run bench`: builds the site from 1, 50 and 500 transcripts (the
 * seed plus synthetic ones recombined from its turns), measures each build
 * and the seed's reader page in Chromium, runs Lighthouse (three times a
 * page, the median run reported) on the build of the seed alone, prints
 * the tables, writes bench/results.json and exits 1 when a budget is
 * broken.
 *
 *   node scripts/bench.ts [--sizes 1,50,500] [--skip-lighthouse] [--keep]
 *
 * Everything it writes, but the results, goes to a folder in the system's
 * temporary folder, removed at the end unless --keep.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import { formatProblem } from '../src/lib/transcript/problem.ts';
import { readTranscripts } from '../src/lib/transcript/files.ts';
import { chromiumArgs, systemChromium } from '../tests/support/chromium.ts';
import { BUDGETS, checkBudgets } from './budgets.ts';
import { buildSite, folderSize } from './build.ts';
import { PRNG_SEED, writeContent, type Seed } from './generate.ts';
import { runLighthouseMedian, type LighthouseResult } from './lighthouse.ts';
import { htmlBytes, measureFirstView } from './measure-page.ts';
import type { BenchResults, SizeResult } from './results.ts';
import { measureSearchIfBuilt, summarizeSearch } from './search.ts';
import { serve } from './serve.ts';
import { budgetsTable, lighthouseTable, sizesTable } from './table.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const SEED_FOLDER = path.join(ROOT, 'content/transcripts');
const SEED_SLUG = 'alignment-panel';
const RESULTS = path.join(ROOT, 'bench/results.json');
/** Lighthouse runs per page; the median one is reported. */
const LIGHTHOUSE_RUNS = 3;

const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1,50,500' },
    'skip-lighthouse': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = options.sizes.split(',').map(Number);
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
  throw new Error(`--sizes takes whole numbers from 1, e.g. 1,50,500; got ${options.sizes}`);
}

const log = (message: string) => console.error(`bench: ${message}`);

const seed = await loadSeed();
const chromePath = systemChromium() ?? chromium.executablePath();
if (!existsSync(chromePath)) {
  throw new Error(
    'No Chromium: install the system one (`apt-get install chromium`), name one with CHROMIUM_PATH, or install Playwright’s with `node scripts/ensure-browser.ts`.',
  );
}
const work = await mkdtemp(path.join(os.tmpdir(), 'duet-bench-'));
const browser = await chromium.launch({
  executablePath: chromePath,
  args: [...chromiumArgs, '--disable-gpu'],
});

const results: SizeResult[] = [];
const lighthouse: LighthouseResult[] = [];
try {
  for (const count of sizes) {
    results.push(await measureSize(count));
  }
} finally {
  await browser.close();
  if (options.keep) log(`kept ${work}`);
  else await rm(work, { recursive: true, force: true });
}

const budgets = checkBudgets(results, lighthouse);
const report: BenchResults = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  prngSeed: PRNG_SEED,
  gzipLevel: 9,
  sizes: results,
  lighthouse,
  budgets,
};
await mkdir(path.dirname(RESULTS), { recursive: true });
// Missing measurements are written as null, so every field is in the file.
const tidy = (_: string, value: unknown) =>
  typeof value === 'number' && !Number.isInteger(value)
    ? Number(value.toFixed(4))
    : (value ?? null);
await writeFile(RESULTS, `${JSON.stringify(report, tidy, 2)}\n`);

console.log(`\n${sizesTable(results)}\n`);
if (lighthouse.length > 0) console.log(`${lighthouseTable(lighthouse)}\n`);
// What costs points where a score is below its budget (all of them are in results.json).
for (const run of lighthouse) {
  for (const audit of run.failing) {
    if (run.scores[audit.category] >= BUDGETS.minScore[audit.category]) continue;
    console.log(
      `Lighthouse ${new URL(run.url).pathname} ${audit.category}: ${audit.id} (${audit.title})` +
        `${audit.displayValue ? `: ${audit.displayValue}` : ''}`,
    );
    for (const detail of audit.details) console.log(`    ${detail}`);
  }
}
console.log(`${budgetsTable(budgets)}\n`);
console.log(`Results written to ${path.relative(ROOT, RESULTS)}.`);

const broken = budgets.filter((check) => check.status === 'fail');
for (const check of broken) {
  console.log(`Budget broken: ${check.name}: ${check.actual}, limit ${check.limit}`);
}
process.exitCode = broken.length > 0 ? 1 : 0;

async function loadSeed(): Promise<Seed> {
  const { transcripts } = await readTranscripts(SEED_FOLDER, ROOT);
  const found = transcripts.find((file) => file.slug === SEED_SLUG);
  if (!found) throw new Error(`the seed ${SEED_SLUG}.md is missing from ${SEED_FOLDER}`);
  return { file: path.join(ROOT, found.file), slug: SEED_SLUG, transcript: found.transcript };
}

async function measureSize(count: number): Promise<SizeResult> {
  const contentDir = path.join(work, `content-${count}`);
  const outDir = path.join(work, `site-${count}`);
  const buildDir = path.join(work, `build-${count}`);
  await mkdir(buildDir, { recursive: true });

  log(`N=${count}: writing transcripts`);
  await writeContent(contentDir, seed, count);

  const parseStarted = performance.now();
  const parsed = await readTranscripts(contentDir, ROOT);
  const parseSeconds = (performance.now() - parseStarted) / 1000;
  if (parsed.problems.length > 0 || parsed.transcripts.length !== count) {
    const problems = parsed.problems.slice(0, 10).map(formatProblem).join('\n');
    throw new Error(`the synthetic transcripts do not parse:\n${problems}`);
  }

  log(`N=${count}: astro build`);
  const build = await buildSite({ root: ROOT, contentDir, outDir, workDir: buildDir });
  const dist = await folderSize(outDir);
  const readerHtml = await htmlBytes(path.join(outDir, SEED_SLUG, 'index.html'));

  const server = await serve(outDir);
  try {
    const readerUrl = `${server.origin}/${SEED_SLUG}/`;
    log(`N=${count}: first view of ${readerUrl}`);
    const firstView = await measureFirstView(browser, readerUrl);

    const context = await browser.newContext();
    const queries = await measureSearchIfBuilt(outDir, await context.newPage(), readerUrl);
    await context.close();

    if (count === 1 && !options['skip-lighthouse']) {
      for (const url of [`${server.origin}/`, readerUrl]) {
        log(`N=${count}: Lighthouse ${url}`);
        lighthouse.push(await runLighthouseMedian(url, chromePath, LIGHTHOUSE_RUNS));
      }
    }

    return {
      transcripts: count,
      parseSeconds,
      build,
      dist,
      readerHtml,
      firstView,
      search: (queries && summarizeSearch(queries)) ?? null,
    };
  } finally {
    await server.close();
    if (!options.keep) await rm(outDir, { recursive: true, force: true });
  }
}
