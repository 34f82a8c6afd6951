/**
 * `npm run bench:rounds -- --size 500 --delay 30`: the rounds of requests
 * a query on `/` waits for before its first results, and their bytes, for
 * the bench's queries (search.ts) and a few phrases drawn as recall.ts
 * draws them, typed one after another on one page. A request's round is
 * one more than the latest round answered when it was asked: with a delay
 * long beside the page's own work, the time to results is about the
 * rounds times the delay.
 *
 * Two ways, on the bench's generated site of `--size` transcripts
 * (generate.ts, written under `--work` once):
 *
 * - by default without a browser: the site's index written in memory as
 *   the build writes it, read through a stand-in for the network that
 *   answers each request after `--delay` ms, six at a time as a browser
 *   does over HTTP/1.1, the page's high-priority reads first;
 * - with `--site <folder>`, a build of that site (`--build` makes one
 *   there first), served by serve.ts with `--delay` ms before each
 *   response, typed into `/`'s search field in Chromium.
 */
import { mkdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Page, Request } from 'playwright';
import { SEARCH_BUNDLE } from '../src/lib/search/bundle.ts';
import {
  SiteIndexReader,
  type IndexSource,
  type ReadPriority,
} from '../src/lib/search/site-index/reader.ts';
import { searchIndex } from '../src/lib/search/site-index/search.ts';
import { parseQuery } from '../src/lib/search/terms.ts';
import { readTranscripts } from '../src/lib/transcript/files.ts';
import { RESULTS_MEASURE } from '../src/lib/search/measure-names.ts';
import { writeIndex, type IndexFiles } from '../tests/support/memory-index.ts';
import { drawPhrases } from '../tests/support/phrase-queries.ts';
import { openSearch, typeQuery } from '../tests/support/search-driver.ts';
import { chromiumPath, launchChromium } from './browser.ts';
import { buildSite } from './build.ts';
import { writeContent } from './generate.ts';
import { siteRecords } from './recall.ts';
import { BENCH_QUERIES } from './search.ts';
import { serve } from './serve.ts';
import { markdownTable } from './table.ts';
import { KB, median } from './units.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
/** Requests a browser has in flight to one host over HTTP/1.1. */
const CONNECTIONS = 6;

/** One request of a query, its times in milliseconds from the query's input. */
interface Asked {
  path: string;
  bytes: number;
  asked: number;
  answered: number;
}

/** What one query waited for. */
interface Row {
  query: string;
  ms: number;
  rounds: number;
  requests: number;
  bytes: number;
  allRequests: number;
  allBytes: number;
}

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '500' },
    delay: { type: 'string', default: '30' },
    phrases: { type: 'string', default: '4' },
    'phrase-seed': { type: 'string', default: '1' },
    work: { type: 'string', default: path.join(tmpdir(), 'duet-rounds') },
    site: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    build: { type: 'boolean', default: false },
  },
});
const size = Number(values.size);
const delay = Number(values.delay);

/** What a query waited for until its results at `ms`: each request's round, from the requests in the order asked. */
function rowOf(query: string, asked: readonly Asked[], ms: number): Row {
  const rounds: number[] = [];
  for (const [i, request] of asked.entries()) {
    const before = asked.slice(0, i).filter((other) => other.answered <= request.asked);
    rounds.push(1 + Math.max(0, ...before.map((other) => rounds[asked.indexOf(other)]!)));
  }
  const waited = asked.filter((request) => request.answered <= ms);
  if (values.verbose) {
    console.log(`${query}: results at ${Math.round(ms)} ms`);
    for (const [i, request] of asked.entries()) {
      console.log(
        `  ${rounds[i]} ${Math.round(request.asked)}-${Math.round(request.answered)} ${request.path} ${request.bytes}`,
      );
    }
  }
  const sum = (requests: readonly Asked[]) =>
    requests.reduce((total, request) => total + request.bytes, 0);
  return {
    query,
    ms,
    rounds: Math.max(0, ...waited.map((request) => rounds[asked.indexOf(request)]!)),
    requests: waited.length,
    bytes: sum(waited),
    allRequests: asked.length,
    allBytes: sum(asked),
  };
}

/** The network as a page sees it: a fixed delay per request, `CONNECTIONS` at a time. */
function delayedSource(files: IndexFiles, log: () => Asked[], since: () => number): IndexSource {
  const waiting: { priority: ReadPriority; go: () => void }[] = [];
  let busy = 0;
  const request = async (file: string, bytes: number, priority: ReadPriority = 'high') => {
    const asked: Asked = { path: file, bytes, asked: since(), answered: Infinity };
    log().push(asked);
    if (busy < CONNECTIONS) busy++;
    else {
      await new Promise<void>((go) => {
        const low = priority === 'high' ? waiting.findIndex((w) => w.priority === 'low') : -1;
        waiting.splice(low < 0 ? waiting.length : low, 0, { priority, go });
      });
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
    asked.answered = since();
    const next = waiting.shift();
    if (next) next.go();
    else busy--;
  };
  return {
    text: async (file, _version, priority) => {
      const data = files.get(file);
      await request(
        file,
        typeof data === 'string' ? gzipSync(data, { level: 9 }).length : 0,
        priority,
      );
      if (typeof data !== 'string') throw new Error('404 Not Found');
      return data;
    },
    range: async (file, _version, start, end, priority) => {
      const data = files.get(file);
      await request(`${file}@${start}-${end}`, end - start, priority);
      if (!(data instanceof Uint8Array)) throw new Error('404 Not Found');
      return data.subarray(start, end);
    },
  };
}

async function inMemory(contentDir: string, queries: readonly string[]): Promise<Row[]> {
  const files = writeIndex(await siteRecords(contentDir));
  let log: Asked[] = [];
  let start = 0;
  const reader = new SiteIndexReader(
    delayedSource(
      files,
      () => log,
      () => performance.now() - start,
    ),
  );
  await reader.manifest();
  const rows: Row[] = [];
  for (const text of queries) {
    log = [];
    start = performance.now();
    let ms: number | undefined;
    const shown = () => (ms ??= performance.now() - start);
    await searchIndex(reader, parseQuery(text)!, {}, { onProgress: shown });
    rows.push(rowOf(text, log, shown()));
  }
  return rows;
}

async function inBrowser(site: string, queries: readonly string[]): Promise<Row[]> {
  const server = await serve(site, { delay });
  const browser = await launchChromium(chromiumPath());
  try {
    const page = await browser.newPage();
    const { bytes: network, field } = await openSearch(page, `${server.origin}/`);
    const rows: Row[] = [];
    for (const text of queries) {
      const log: { url: string; bytes: Promise<number>; asked: number; answered: number }[] = [];
      const listen = (request: Request) => {
        if (!new URL(request.url()).pathname.includes(`/${SEARCH_BUNDLE}/`)) return;
        const timing = request.timing();
        log.push({
          url: new URL(request.url()).pathname,
          bytes: request.sizes().then((sizes) => sizes.responseBodySize),
          asked: timing.startTime,
          answered: timing.startTime + timing.responseEnd,
        });
      };
      page.on('requestfinished', listen);
      const ms = await typeQuery(page, field, text);
      await network.settle();
      page.off('requestfinished', listen);
      const input = await inputTime(page);
      // An earlier query's reads still under way are not this one's.
      const asked = await Promise.all(
        log
          .filter((request) => request.asked >= input)
          .sort((a, b) => a.asked - b.asked)
          .map(async (request) => ({
            path: request.url,
            bytes: await request.bytes,
            asked: request.asked - input,
            answered: request.answered - input,
          })),
      );
      rows.push(rowOf(text, asked, ms));
    }
    return rows;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** When the latest query was typed, in the page's wall-clock milliseconds. */
function inputTime(page: Page): Promise<number> {
  return page.evaluate(
    (name) =>
      performance.timeOrigin + (performance.getEntriesByName(name).at(-1)?.startTime ?? NaN),
    RESULTS_MEASURE,
  );
}

async function content(): Promise<string> {
  const folder = path.join(values.work, `content-${size}`);
  if (await stat(folder).catch(() => undefined)) return folder;
  await mkdir(values.work, { recursive: true });
  const { transcripts } = await readTranscripts(path.join(ROOT, 'content/transcripts'), ROOT);
  const seed = transcripts.find((file) => file.slug === 'alignment-panel')!;
  await writeContent(
    folder,
    { file: path.join(ROOT, seed.file), slug: seed.slug, transcript: seed.transcript },
    size,
  );
  return folder;
}

const contentDir = await content();
const phrases = drawPhrases(await siteRecords(contentDir), {
  seed: Number(values['phrase-seed']),
  count: Number(values.phrases),
});
const queries = [
  ...BENCH_QUERIES.map((query) => query.text),
  ...phrases.map((phrase) => phrase.text),
];
if (values.site && values.build) {
  const workDir = path.join(values.work, `build-${size}`);
  await mkdir(workDir, { recursive: true });
  await buildSite({ root: ROOT, contentDir, outDir: values.site, workDir });
}
const rows = values.site
  ? await inBrowser(values.site, queries)
  : await inMemory(contentDir, queries);
const kb = (bytes: number) => (bytes / KB).toFixed(1);
console.log(
  `${size} transcripts, ${delay} ms a request, ${values.site ? `Chromium, ${values.site}` : 'in memory, six at a time'}\n`,
);
console.log(
  markdownTable(
    ['query', 'ms to results', 'rounds', 'requests', 'KB', 'all requests', 'all KB'],
    rows.map((row) => [
      row.query.slice(0, 40),
      String(Math.round(row.ms)),
      String(row.rounds),
      String(row.requests),
      kb(row.bytes),
      String(row.allRequests),
      kb(row.allBytes),
    ]),
  ),
);
const later = rows.slice(1, BENCH_QUERIES.length);
const drawn = rows.slice(BENCH_QUERIES.length);
console.log(
  `\nmedian of the bench's nine later queries: ${Math.round(median(later.map((row) => row.ms)))} ms, ${median(later.map((row) => row.rounds))} rounds; of the phrases: ${Math.round(median(drawn.map((row) => row.ms)))} ms, ${median(drawn.map((row) => row.rounds))} rounds`,
);
