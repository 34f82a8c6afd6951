import { describe, expect, it } from 'vitest';
import type { BuildResult } from '../../bench/build.ts';
import { checkBudgets } from '../../bench/check-budgets.ts';
import { checkFirstViewBudgets } from '../../bench/check-first-view.ts';
import { result, verdict } from '../../bench/gate.ts';
import { checkHostileInputBudgets } from '../../bench/hostile-input.ts';
import { checkRecallBudgets } from '../../bench/recall.ts';
import type { LighthouseResult } from '../../bench/lighthouse.ts';
import type { SizeResult } from '../../bench/results.ts';
import type { SearchKind, SearchSummary } from '../../bench/search.ts';
import { budgetsTable } from '../../bench/table.ts';
import { KB } from '../../bench/units.ts';

const build = (totalSeconds: number, warm = false): BuildResult => ({
  totalSeconds,
  peakBytes: 1e9,
  phases: [],
  syncSeconds: undefined,
  warm,
});

const search = (kind: SearchKind, medianMsToResults: number): SearchSummary => ({
  kind,
  measured: true,
  firstQueryBytes: 40 * KB,
  firstQueryMedianBytes: 30 * KB,
  laterQueryBytes: 20 * KB,
  laterQueryMeanBytes: 10 * KB,
  medianMsToResults,
  maxMsToResults: medianMsToResults * 2,
  queries: [],
});

/** One size of a run whose every measurement holds its budget, but what `changes` says. */
function size(transcripts: number, changes: Partial<SizeResult> = {}): SizeResult {
  const transfer = { bytes: 30_000, requests: 3, served: [] };
  return {
    transcripts,
    turns: transcripts * 46,
    build: build(transcripts / 10),
    rebuild: { ...build(transcripts / 100, true), edited: 'some-transcript' },
    dist: {
      bytes: transcripts * 100_000,
      files: transcripts * 50,
      sharePages: { bytes: transcripts * 40_000, files: transcripts * 46 },
      search: { bytes: transcripts * 20_000, files: transcripts * 2 },
      rest: { bytes: transcripts * 40_000, files: transcripts * 2 },
    },
    glossary: { pages: 3, largest: { path: '/glossary/k/', raw: 300_000, gzip: 30_000 } },
    dictionary: {
      transcripts,
      wordsBytes: transcripts * 6_000,
      shards: 20,
      shardBytes: 500_000,
      seconds: transcripts / 1000,
    },
    readerHtml: { raw: 100_000, gzip: 20_000 },
    firstView: {
      js: { gzip: 1_000, raw: 3_000, sources: ['inline'] },
      css: { gzip: 5_000, raw: 20_000, sources: ['inline'] },
    },
    againstFloor: { pathname: '/seed/', page: transfer, floor: transfer, ratio: 1.2 },
    search: [search('reader', 3), search('reader-wide', 4), search('home', 50)],
    recall: {
      seed: 1,
      kinds: (['english', 'chinese', 'common'] as const).map((kind) => ({
        kind,
        phrases: 100,
        at10: 1,
        at1: 1,
        missed: [],
      })),
      firstQueryBytes: 40 * KB,
      laterQueryBytes: 20 * KB,
      medianMsToResults: 50,
      hostile: [],
    },
    ...changes,
  };
}

const lighthouse = (path: string): LighthouseResult =>
  ({
    url: `http://127.0.0.1:4321${path}`,
    scores: { performance: 99, accessibility: 100, 'best-practices': 100, seo: 100 },
    cls: 0,
    lcpMs: 900,
  }) as LighthouseResult;

const full = () => [size(1), size(500), size(5000)];
const pages = [lighthouse('/'), lighthouse('/seed/')];
const named = (checks: ReturnType<typeof checkBudgets>, part: string) =>
  checks.filter((check) => check.name.includes(part));

describe('the bench’s gate', () => {
  it('passes a measurement that holds its budget, and fails one that does not', () => {
    expect(verdict({ value: 90, missing: 'x', readings: [90] }, (ms) => ms <= 100)).toEqual({
      status: 'pass',
    });
    expect(verdict({ value: 101, missing: 'x', readings: [101] }, (ms) => ms <= 100)).toEqual({
      status: 'fail',
    });
  });

  it('fails a budget that was not measured, a NaN and a time of zero, saying why', () => {
    const holds = () => true;
    expect(verdict({ value: undefined, missing: 'needs --large' }, holds)).toEqual({
      status: 'fail',
      reason: 'not measured: needs --large',
    });
    expect(verdict({ value: 2, missing: 'x', readings: [4, undefined] }, holds)).toEqual({
      status: 'fail',
      reason: 'not measured: x',
    });
    expect(verdict({ value: NaN, missing: 'x', readings: [NaN] }, holds)).toEqual({
      status: 'fail',
      reason: 'a time or reading is NaN: it was not measured',
    });
    expect(verdict({ value: 0, missing: 'x', readings: [0] }, holds)).toEqual({
      status: 'fail',
      reason: 'a time or reading of 0: nothing was measured',
    });
    expect(verdict({ value: NaN, missing: 'x' }, holds)).toEqual({
      status: 'fail',
      reason: 'not a measurement (NaN)',
    });
  });

  it('passes a whole run that holds every budget', () => {
    const checks = [
      ...checkBudgets(full(), pages),
      ...checkFirstViewBudgets(full(), pages, '/seed/', {
        turns: 500,
        runs: [{ contentVisibility: 'auto', switchSlowestMs: 80, scrollP95FrameMs: 30 }],
      } as never),
      ...checkHostileInputBudgets([{ what: 'parse', ms: 12, budgetMs: 2_000 }] as never),
      ...checkRecallBudgets(full()),
    ];
    expect(checks.filter((check) => check.status !== 'pass')).toEqual([]);
  });

  it("fails the dictionary's files over their bytes or their making over its share of the build", () => {
    const at = size(5000);
    const heavy = { ...at.dictionary, wordsBytes: 200 * KB ** 2 };
    const slow = { ...at.dictionary, seconds: at.build.totalSeconds * 0.2 };
    const failed = (dictionary: SizeResult['dictionary']) =>
      checkBudgets([size(1), size(500), size(5000, { dictionary })], pages)
        .filter((check) => check.status === 'fail')
        .map((check) => check.name);
    expect(failed(heavy)).toEqual(["bytes of the dictionary's files, 5,000 transcripts"]);
    expect(failed(slow)).toEqual(["making the dictionary's files / cold build, 5,000 transcripts"]);
  });

  it('fails a size whose phrases were not measured, or not all kinds of them, or missed, or timed at zero', () => {
    const checks = checkRecallBudgets([
      size(1, { recall: undefined as never }),
      size(500, {
        recall: { ...size(500).recall, medianMsToResults: 0, kinds: [] },
      }),
      size(5000, {
        recall: {
          ...size(5000).recall,
          kinds: [{ kind: 'common', phrases: 100, at10: 0.9, at1: 0.9, missed: [] }],
        },
      }),
    ]);
    expect(checks.filter((check) => check.status === 'fail').map((check) => check.name)).toEqual([
      'phrase recall, /, 1 transcript',
      'recall@10, English, 3–6 words, /, 500 transcripts',
      'recall@10, Chinese, 3–8 characters, /, 500 transcripts',
      'recall@10, common English words only, /, 500 transcripts',
      'ms to results, phrases (median), /, 500 transcripts',
      'recall@10, English, 3–6 words, /, 5,000 transcripts',
      'recall@10, Chinese, 3–8 characters, /, 5,000 transcripts',
      'recall@10, common English words only, /, 5,000 transcripts',
    ]);
  });

  it('fails every budget of a run that measured nothing, each with its reason', () => {
    const checks = [...checkBudgets([], []), ...checkFirstViewBudgets([], [], '/seed/', undefined)];
    expect(checks.length).toBeGreaterThan(15);
    for (const check of checks) {
      expect(check.status, check.name).toBe('fail');
      expect(check.reason, check.name).toMatch(/^not measured: /);
      expect(check.actual).toBe('–');
    }
  });

  it('fails the budgets of a size left out or of Lighthouse skipped, naming what to run', () => {
    const checks = checkBudgets([size(1), size(500)], []);
    const growth = named(checks, 'build time 5,000 / 500');
    expect(growth).toEqual([
      expect.objectContaining({
        status: 'fail',
        reason: 'not measured: needs a build of 5,000 transcripts (--sizes; --large adds 5,000)',
      }),
    ]);
    expect(named(checks, 'rebuild after one edit / cold build, 5,000')[0]).toMatchObject({
      status: 'fail',
      reason: expect.stringContaining('5,000 transcripts'),
    });
    expect(named(checks, 'rebuild after one edit / cold build, 500 ')[0]?.status).toBe('pass');
    for (const check of named(checks, 'Lighthouse')) {
      expect(check).toMatchObject({
        status: 'fail',
        reason: expect.stringContaining('Lighthouse'),
      });
    }
  });

  it('fails a rebuild or a search timed at zero or NaN', () => {
    const zero = size(5000, { rebuild: { ...build(0, true), edited: 'x' } });
    expect(named(checkBudgets([size(1), size(500), zero], pages), 'rebuild')).toEqual([
      expect.objectContaining({ status: 'pass' }),
      expect.objectContaining({
        status: 'fail',
        reason: 'a time or reading of 0: nothing was measured',
      }),
    ]);
    const noCold = size(500, { build: build(NaN) });
    expect(
      named(checkBudgets([size(1), noCold, size(5000)], pages), 'build time')[0],
    ).toMatchObject({ status: 'fail', reason: 'a time or reading is NaN: it was not measured' });
    // A zero at one size fails the search's time, though the largest median elsewhere holds.
    const instant = size(1, { search: [search('reader', 0), search('home', 40)] });
    const timed = named(checkBudgets([instant, size(500)], pages), 'later), reader page (worst');
    expect(timed[0]).toMatchObject({
      status: 'fail',
      reason: 'a time or reading of 0: nothing was measured',
    });
  });

  it('says in the budgets table why a budget failed', () => {
    const table = budgetsTable(checkBudgets([size(1), size(500)], []));
    expect(table).toMatch(
      /\| rebuild after one edit \/ cold build, 5,000 transcripts +\| ≤ 0\.15× +\| – +\| fail: not measured: needs a build of 5,000 transcripts/,
    );
    expect(
      result({ name: 'x', limit: '≤ 1', actual: '2', status: 'fail', reason: undefined }),
    ).toBe('fail');
  });

  it('holds the site’s files and bytes at 5,000 and the glossary’s largest page at every size', () => {
    // Files counted with the share pages, bytes without them (a site of 5,000 on GitHub Pages).
    const heavy = size(5000, {
      dist: {
        ...size(5000).dist,
        files: 300_001,
        bytes: 1.5e9,
        sharePages: { files: 230_000, bytes: 0.3e9 },
      },
    });
    const checks = checkBudgets([size(1), size(500), heavy], pages);
    expect(named(checks, 'share pages, 5,000')).toEqual([
      expect.objectContaining({
        name: expect.stringContaining('files of the site with share pages'),
        status: 'fail',
        actual: '300,001',
      }),
      expect.objectContaining({
        name: expect.stringContaining('bytes of the site without share pages'),
        status: 'fail',
        actual: '1.20 GB',
      }),
    ]);
    // Broken, not unmeasured: the table shows the measurement, with no reason beside it.
    expect(named(checks, 'share pages, 5,000').map(result)).toEqual(['fail', 'fail']);
    const light = size(5000, {
      dist: { ...heavy.dist, files: 300_000, bytes: 1.3e9 },
    });
    expect(
      named(checkBudgets([size(1), size(500), light], pages), 'share pages, 5,000').map(result),
    ).toEqual(['pass', 'pass']);
    const glossary = {
      pages: 30,
      largest: { path: '/glossary/k/2/', raw: 900_000, gzip: 101_000 },
    };
    const [largest] = named(
      checkBudgets([size(1), size(500, { glossary }), size(5000)], pages),
      'site glossary',
    );
    expect(largest).toMatchObject({
      status: 'fail',
      actual: expect.stringContaining('/glossary/k/2/'),
    });
    expect(named(checks, 'site glossary')[0]?.status).toBe('pass');
  });
});
