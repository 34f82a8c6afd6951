/**
 * Recall on `/`, the search a new reader tries first: phrases copied from
 * random turns of the generated site, drawn afresh each run with a seed
 * (tests/support/phrase-queries.ts), pasted into the page's real search
 * field one after another, each scored against every turn of the site
 * scanned for it. The same page's bytes and times for them count against
 * the later-query budgets, a few of them each on a fresh page against the
 * first-query budget, and queries written to be costly
 * (tests/support/hostile-input.ts), each after them on that page and as
 * the first of a fresh one, against all three and a most of files fetched.
 */
import { randomInt } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright';
import { SEARCH_BUNDLE } from '../src/lib/search/bundle.ts';
import { searchRecordOf, type SearchRecord } from '../src/lib/search/records.ts';
import { MOST_FETCHES } from '../src/lib/search/site-index/search.ts';
import { parseTranscript } from '../src/lib/transcript/parse.ts';
import { hostileQueries } from '../tests/support/hostile-input.ts';
import {
  drawPhrases,
  PHRASE_KINDS,
  PhraseReference,
  phraseRecall,
  scorePhrase,
  type PhraseKind,
} from '../tests/support/phrase-queries.ts';
import { landingTurn, openSearch, typeQuery } from '../tests/support/search-driver.ts';
import { BUDGETS } from './budgets.ts';
import type { BudgetCheck } from './gate.ts';
import type { SizeResult } from './results.ts';
import { markdownTable } from './table.ts';
import { KB, median } from './units.ts';

/** Phrases of each kind: with 100, one miss in a kind still meets a budget of 0.99. */
export const PHRASES_PER_KIND = 100;
/**
 * Requests of `search/` one query may make: the index's own (`MOST_FETCHES`)
 * and the table of Traditional characters beside it, fetched once a query
 * holds a Han character.
 */
const MOST_REQUESTS = MOST_FETCHES + 1;
/** Of each kind, the first few are also measured as the first query of a fresh page. */
const FRESH_PER_KIND = 5;

export interface KindRecall {
  kind: PhraseKind;
  phrases: number;
  at10: number;
  at1: number;
  /** Phrases not among the first ten, with how many turns hold them, for the results. */
  missed: string[];
}

export interface HostileQueryRow {
  what: string;
  /** On a fresh page: every byte from focusing the field to the query's results settling. */
  firstBytes: number;
  /** After the phrases, on their page: what it fetched on top of theirs. */
  laterBytes: number;
  /** Requests it made of `search/`, files and ranges alike, the more of the two. */
  fetches: number;
  /** After the phrases: from the last keystroke to results, as a later query. */
  msToResults: number;
}

export interface RecallResult {
  /** The seed the phrases were drawn with: `--phrase-seed` draws them again. */
  seed: number;
  kinds: KindRecall[];
  /** The largest first query of the phrases measured on fresh pages. */
  firstQueryBytes: number;
  /** The largest later query of the phrases typed one after another on one page. */
  laterQueryBytes: number;
  /** Median, over those later queries, of the time from the last keystroke to results. */
  medianMsToResults: number;
  hostile: HostileQueryRow[];
}

/** Every transcript of the generated site, as the search index reads it. */
export async function siteRecords(contentDir: string): Promise<SearchRecord[]> {
  const names = (await readdir(contentDir)).filter((name) => name.endsWith('.md')).sort();
  const records: SearchRecord[] = [];
  for (const name of names) {
    const slug = name.slice(0, -'.md'.length);
    const parsed = parseTranscript(await readFile(path.join(contentDir, name), 'utf8'), {
      file: name,
      slug,
    });
    if (!parsed.ok) throw new Error(`${name} does not parse: ${parsed.problems[0]?.message}`);
    records.push(searchRecordOf(slug, parsed.transcript));
  }
  return records;
}

interface Answer {
  results: string[];
  bytes: number;
  fetches: number;
  msToResults: number;
}

/** Pastes each query into the search field of one page, in turn, waiting for its results to settle. */
async function askInTurn(page: Page, url: string, queries: readonly string[]): Promise<Answer[]> {
  const { bytes, field } = await openSearch(page, url);
  let fetches = 0;
  page.on('requestfinished', (request) => {
    if (new URL(request.url()).pathname.includes(`/${SEARCH_BUNDLE}/`)) fetches++;
  });
  const answers: Answer[] = [];
  for (const query of queries) {
    fetches = 0;
    const msToResults = await typeQuery(page, field, query);
    await bytes.settle();
    const hrefs = await page
      .locator('a.search-result')
      .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
    answers.push({
      results: hrefs.map(landingTurn),
      bytes: await bytes.take(),
      fetches,
      msToResults,
    });
  }
  return answers;
}

/** The query as the first of a fresh page, nothing cached. */
async function askFresh(browser: Browser, url: string, query: string): Promise<Answer> {
  const context = await browser.newContext();
  try {
    const [answer] = await askInTurn(await context.newPage(), url, [query]);
    return answer!;
  } finally {
    await context.close();
  }
}

/**
 * Measures recall on the search of `url` (the site's `/`) for the site
 * written in `contentDir`, with phrases drawn with `seed` (a new one
 * when none is given).
 */
export async function measureRecall(
  browser: Browser,
  url: string,
  contentDir: string,
  seed = randomInt(2 ** 31),
): Promise<RecallResult> {
  const records = await siteRecords(contentDir);
  const phrases = drawPhrases(records, { seed, count: PHRASES_PER_KIND });
  const reference = new PhraseReference(records);
  const hostile = hostileQueries(records);

  // The phrases, then the hostile queries, on one page: the time budget is a later query's.
  const context = await browser.newContext();
  let answers: Answer[];
  try {
    answers = await askInTurn(await context.newPage(), url, [
      ...phrases.map((phrase) => phrase.text),
      ...hostile.map(({ query }) => query),
    ]);
  } finally {
    await context.close();
  }
  const hostileLater = answers.splice(phrases.length);
  const scores = phrases.map((phrase, i) =>
    scorePhrase(phrase, reference.holders(phrase.text), answers[i]!.results),
  );
  const fresh = (Object.keys(PHRASE_KINDS) as PhraseKind[]).flatMap((kind) =>
    phrases.filter((phrase) => phrase.kind === kind).slice(0, FRESH_PER_KIND),
  );
  const firstBytes: number[] = [];
  for (const phrase of fresh) firstBytes.push((await askFresh(browser, url, phrase.text)).bytes);
  const hostileRows: HostileQueryRow[] = [];
  for (const [i, { what, query }] of hostile.entries()) {
    const first = await askFresh(browser, url, query);
    const later = hostileLater[i]!;
    hostileRows.push({
      what,
      firstBytes: first.bytes,
      laterBytes: later.bytes,
      fetches: Math.max(first.fetches, later.fetches),
      msToResults: later.msToResults,
    });
  }
  const later = answers.slice(1);
  return {
    seed,
    kinds: phraseRecall(scores).map(({ kind, phrases, at10, at1, misses }) => ({
      kind,
      phrases,
      at10,
      at1,
      missed: misses.map((miss) => `${miss.phrase.text} (${miss.holders} turns)`),
    })),
    firstQueryBytes: Math.max(...firstBytes),
    laterQueryBytes: Math.max(...later.map((answer) => answer.bytes)),
    medianMsToResults: median(later.map((answer) => answer.msToResults)),
    hostile: hostileRows,
  };
}

const count = (transcripts: number) =>
  `${transcripts.toLocaleString('en')} ${transcripts === 1 ? 'transcript' : 'transcripts'}`;
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const share = (value: number) => (Number.isNaN(value) ? '–' : value.toFixed(2));

/** Recall at each size, per kind, with the costs of the phrases and the hostile queries. */
export function recallTable(sizes: readonly SizeResult[]): string {
  const kinds = Object.keys(PHRASE_KINDS) as PhraseKind[];
  const measured = sizes.filter((size) => size.recall);
  const recall = markdownTable(
    [
      'N',
      'phrase seed',
      ...kinds.map((kind) => `${PHRASE_KINDS[kind]}: @10 · @1`),
      'first query (largest)',
      'later query (largest)',
      'ms to results (median)',
    ],
    measured.map(({ transcripts, recall }) => [
      count(transcripts),
      String(recall!.seed),
      ...kinds.map((kind) => {
        const row = recall!.kinds.find((found) => found.kind === kind);
        return row ? `${share(row.at10)} · ${share(row.at1)} (${row.phrases})` : '–';
      }),
      kb(recall!.firstQueryBytes),
      kb(recall!.laterQueryBytes),
      `${Math.round(recall!.medianMsToResults)} ms`,
    ]),
  );
  const hostile = markdownTable(
    ['N', 'hostile query on `/`', 'first query', 'later query', 'fetches', 'ms to results'],
    measured.flatMap(({ transcripts, recall }) =>
      recall!.hostile.map((row) => [
        count(transcripts),
        row.what,
        kb(row.firstBytes),
        kb(row.laterBytes),
        String(row.fetches),
        `${Math.round(row.msToResults)} ms`,
      ]),
    ),
  );
  const missed = measured.flatMap(({ transcripts, recall }) =>
    recall!.kinds
      .filter((kind) => kind.missed.length > 0)
      .map((kind) => `- ${count(transcripts)}, ${kind.kind} missed: ${kind.missed.join(' | ')}`),
  );
  return [recall, hostile, ...missed].join('\n\n');
}

/**
 * The recall budgets at every size measured, and the hostile queries'
 * bytes, time and fetches. A size measured without recall fails: the run
 * was meant to measure it.
 */
export function checkRecallBudgets(sizes: readonly SizeResult[]): BudgetCheck[] {
  const budget = BUDGETS.phraseRecall;
  const checks: BudgetCheck[] = [];
  const check = (name: string, limit: string, actual: string, ok: boolean) =>
    checks.push({ name, limit, actual, status: ok ? 'pass' : 'fail' });
  for (const { transcripts, recall } of sizes) {
    const where = `/, ${count(transcripts)}`;
    if (!recall) {
      check(`phrase recall, ${where}`, 'measured', 'not measured', false);
      continue;
    }
    // Every kind of phrase measured: a kind left out fails, as a size left out does.
    for (const missing of (Object.keys(PHRASE_KINDS) as PhraseKind[]).filter(
      (name) => !recall.kinds.some((kind) => kind.kind === name),
    )) {
      check(`recall@10, ${PHRASE_KINDS[missing]}, ${where}`, 'measured', 'not measured', false);
    }
    for (const kind of recall.kinds) {
      const at10 = kind.kind === 'common' ? budget.commonAt10 : budget.at10;
      // NaN (no phrases of the kind drawn) fails every comparison.
      check(
        `recall@10, ${PHRASE_KINDS[kind.kind]}, ${where}`,
        `≥ ${at10}`,
        `${share(kind.at10)} (${kind.phrases} phrases)`,
        kind.at10 >= at10,
      );
      if (kind.kind !== 'common') {
        check(
          `recall@1, ${PHRASE_KINDS[kind.kind]}, ${where}`,
          `≥ ${budget.at1}`,
          share(kind.at1),
          kind.at1 >= budget.at1,
        );
      }
    }
    const bytes = (name: string, limit: number, actual: number) =>
      check(`${name}, ${where}`, `≤ ${kb(limit)}`, kb(actual), actual <= limit);
    bytes('first query bytes, phrases (largest)', BUDGETS.firstQueryBytes, recall.firstQueryBytes);
    bytes('later query bytes, phrases (largest)', BUDGETS.laterQueryBytes, recall.laterQueryBytes);
    check(
      `ms to results, phrases (median), ${where}`,
      `≤ ${BUDGETS.msToResults} ms`,
      `${Math.round(recall.medianMsToResults)} ms`,
      recall.medianMsToResults > 0 && recall.medianMsToResults <= BUDGETS.msToResults,
    );
    for (const row of recall.hostile) {
      bytes(`first query bytes, ${row.what}`, BUDGETS.firstQueryBytes, row.firstBytes);
      bytes(`later query bytes, ${row.what}`, BUDGETS.laterQueryBytes, row.laterBytes);
      check(
        `fetches, ${row.what}, ${where}`,
        `≤ ${MOST_REQUESTS}`,
        String(row.fetches),
        row.fetches <= MOST_REQUESTS,
      );
      check(
        `ms to results, ${row.what}, ${where}`,
        `≤ ${BUDGETS.msToResults} ms`,
        `${Math.round(row.msToResults)} ms`,
        // A query that finds nothing shows so at once: no more than 0 ms is no failure, NaN is.
        Number.isFinite(row.msToResults) && row.msToResults <= BUDGETS.msToResults,
      );
    }
  }
  return checks;
}
