/**
 * The budgets of `npm run bench` checked against one run, each through the
 * gate (gate.ts): a budget whose measurements are missing (a size left out
 * on the command line, Lighthouse skipped, a reader page without the toggle
 * that widens its search), not a number, or a time of zero fails with its
 * reason, never passes.
 */
import { BUDGETS } from './budgets.ts';
import { Gate, type BudgetCheck } from './gate.ts';
import type { LighthouseResult } from './lighthouse.ts';
import type { SizeResult } from './results.ts';
import { SEARCH_KINDS, type SearchKind, type SearchSummary } from './search.ts';
import { gigabytes, kilobytes } from './units.ts';

const shown = (count: number) => count.toLocaleString('en');

/** What a run must do to build `count` transcripts. */
export const needsSize = (count: number) =>
  `needs a build of ${shown(count)} transcripts (--sizes; --large adds 5,000)`;

const NO_LIGHTHOUSE = 'Lighthouse was not run (--skip-lighthouse, or no size 1)';

export function checkBudgets(
  sizes: readonly SizeResult[],
  lighthouse: readonly LighthouseResult[],
): BudgetCheck[] {
  const gate = new Gate();
  const kb = (bytes: number) => kilobytes(bytes, 2);
  const noSize = 'no size was built';

  // First-view bytes do not depend on N, but check every size measured.
  const measured = sizes.length > 0;
  const js = measured ? Math.max(...sizes.map((size) => size.firstView.js.gzip)) : undefined;
  const css = measured ? Math.max(...sizes.map((size) => size.firstView.css.gzip)) : undefined;
  gate.check(
    'reader page JS (gzip)',
    `≤ ${kb(BUDGETS.readerJsBytes)}`,
    { value: js, missing: noSize },
    (bytes) => bytes <= BUDGETS.readerJsBytes,
    () => kb(js!),
  );
  gate.check(
    'reader page CSS (gzip)',
    `≤ ${kb(BUDGETS.readerCssBytes)}`,
    { value: css, missing: noSize },
    (bytes) => bytes <= BUDGETS.readerCssBytes,
    () => kb(css!),
  );

  const categories = Object.keys(BUDGETS.minScore) as (keyof typeof BUDGETS.minScore)[];
  for (const category of categories) {
    const min = BUDGETS.minScore[category];
    const scores = lighthouse.map((run) => run.scores[category]);
    const worst = scores.length > 0 ? Math.min(...scores) : undefined;
    gate.check(
      `Lighthouse ${category} (worst page)`,
      min === 100 ? '= 100' : `≥ ${min}`,
      { value: worst, missing: NO_LIGHTHOUSE },
      (score) => score >= min,
      () => String(worst),
    );
  }
  const cls = lighthouse.length > 0 ? Math.max(...lighthouse.map((run) => run.cls)) : undefined;
  gate.check(
    'CLS (worst page)',
    `= ${BUDGETS.cls}`,
    { value: cls, missing: NO_LIGHTHOUSE },
    (shift) => shift <= BUDGETS.cls,
    () => String(cls),
  );

  const count = ({ transcripts }: SizeResult) =>
    `${shown(transcripts)} ${transcripts === 1 ? 'transcript' : 'transcripts'}`;
  const builds = sizes.flatMap((size) => [
    { size, build: size.build, what: count(size) },
    ...(size.rebuild ? [{ size, build: size.rebuild, what: `${count(size)}, rebuild` }] : []),
  ]);
  const worst = builds.reduce<(typeof builds)[number] | undefined>(
    (most, build) => (most && most.build.peakBytes >= build.build.peakBytes ? most : build),
    undefined,
  );
  gate.check(
    'build peak memory, whole process tree (worst build)',
    `< ${gigabytes(BUDGETS.buildPeakBytes)}`,
    {
      value: worst?.build.peakBytes,
      missing: noSize,
      readings: builds.map(({ build }) => build.peakBytes),
    },
    (bytes) => bytes < BUDGETS.buildPeakBytes,
    () => `${gigabytes(worst!.build.peakBytes)} (${worst!.what})`,
  );

  const { from, to, tolerance } = BUDGETS.buildGrowth;
  const small = sizes.find((size) => size.transcripts === from)?.build.totalSeconds;
  const large = sizes.find((size) => size.transcripts === to)?.build.totalSeconds;
  const limit = (to / from) * tolerance;
  gate.check(
    `build time ${shown(to)} / ${shown(from)} transcripts`,
    `≤ ${limit.toFixed(1)}×`,
    {
      value: large! / small!,
      missing: [from, to]
        .filter((size) => !sizes.some((s) => s.transcripts === size))
        .map(needsSize)
        .join(', '),
      readings: [large, small],
    },
    (ratio) => ratio <= limit,
    () => `${(large! / small!).toFixed(2)}× (${large!.toFixed(1)} s / ${small!.toFixed(1)} s)`,
  );

  for (const { at, share } of BUDGETS.rebuild) {
    const size = sizes.find((found) => found.transcripts === at);
    const rebuilt = size?.rebuild?.totalSeconds;
    const cold = size?.build.totalSeconds;
    gate.check(
      `rebuild after one edit / cold build, ${shown(at)} transcripts`,
      `≤ ${share.toFixed(2)}×`,
      { value: rebuilt! / cold!, missing: needsSize(at), readings: [rebuilt, cold] },
      (ratio) => ratio <= share,
      () => `${(rebuilt! / cold!).toFixed(2)}× (${rebuilt!.toFixed(1)} s / ${cold!.toFixed(1)} s)`,
    );
  }

  const hosted = sizes.find((size) => size.transcripts === BUDGETS.site.at);
  const hostLimits = [
    { what: 'files', shares: true, limit: BUDGETS.site.files, show: shown },
    {
      what: 'bytes',
      shares: false,
      limit: BUDGETS.site.bytes,
      show: (bytes: number) => gigabytes(bytes),
    },
  ] as const;
  for (const { what, shares, limit, show } of hostLimits) {
    // The share pages are files of their own, so the site without them is the rest.
    const value = hosted && hosted.dist[what] - (shares ? 0 : hosted.dist.sharePages[what]);
    gate.check(
      `${what} of the site ${shares ? 'with' : 'without'} share pages, ${shown(BUDGETS.site.at)} transcripts`,
      `≤ ${show(limit)}`,
      { value, missing: needsSize(BUDGETS.site.at) },
      (measured) => measured <= limit,
      () => show(value!),
    );
  }

  const glossaries = sizes.filter((size) => size.glossary);
  const heaviest = glossaries.reduce<SizeResult | undefined>(
    (most, size) =>
      most && most.glossary!.largest.gzip >= size.glossary!.largest.gzip ? most : size,
    undefined,
  );
  gate.check(
    'largest page of the site glossary, gzip (worst size)',
    `≤ ${kb(BUDGETS.glossaryPageBytes)}`,
    { value: heaviest?.glossary!.largest.gzip, missing: 'no size had a glossary' },
    (bytes) => bytes <= BUDGETS.glossaryPageBytes,
    () =>
      `${kb(heaviest!.glossary!.largest.gzip)} (${heaviest!.glossary!.largest.path}, ${count(heaviest!)})`,
  );

  const words = sizes.find((size) => size.transcripts === BUDGETS.dictionary.at);
  const wordsBytes = words && words.dictionary.wordsBytes + words.dictionary.shardBytes;
  gate.check(
    `bytes of the dictionary's files, ${shown(BUDGETS.dictionary.at)} transcripts`,
    `≤ ${gigabytes(BUDGETS.dictionary.bytes)}`,
    { value: wordsBytes, missing: needsSize(BUDGETS.dictionary.at) },
    (bytes) => bytes <= BUDGETS.dictionary.bytes,
    () => gigabytes(wordsBytes!),
  );
  gate.check(
    `making the dictionary's files / cold build, ${shown(BUDGETS.dictionary.at)} transcripts`,
    `≤ ${BUDGETS.dictionary.buildShare}×`,
    {
      value: words && words.dictionary.seconds / words.build.totalSeconds,
      missing: needsSize(BUDGETS.dictionary.at),
      readings: [words?.dictionary.seconds, words?.build.totalSeconds],
    },
    (share) => share <= BUDGETS.dictionary.buildShare,
    () =>
      `${(words!.dictionary.seconds / words!.build.totalSeconds).toFixed(2)}× (${words!.dictionary.seconds.toFixed(1)} s / ${words!.build.totalSeconds.toFixed(1)} s)`,
  );

  for (const kind of Object.keys(SEARCH_KINDS) as SearchKind[]) {
    const measured = sizes.flatMap((size) =>
      size.search
        .filter((search) => search.kind === kind && search.measured)
        .map((search) => ({ size, search })),
    );
    const where = SEARCH_KINDS[kind];
    const missing =
      kind === 'reader-wide'
        ? 'no size had transcripts besides the seed, so no toggle to widen the search'
        : noSize;
    const most = (pick: (search: SearchSummary) => number) =>
      measured.reduce<(typeof measured)[number] | undefined>(
        (top, item) => (top && pick(top.search) >= pick(item.search) ? top : item),
        undefined,
      );
    const searchCheck = (
      name: string,
      limit: number,
      pick: (search: SearchSummary) => number,
      show: (value: number) => string,
      time = false,
    ) => {
      const top = most(pick);
      const value = top && pick(top.search);
      gate.check(
        `${name}, ${where} (worst size)`,
        `≤ ${show(limit)}`,
        // A time is checked at every size: a zero at one is not hidden by a larger one elsewhere.
        { value, missing, readings: time ? measured.map(({ search }) => pick(search)) : [] },
        (actual) => actual <= limit,
        () => `${show(value!)} (${count(top!.size)})`,
      );
    };
    searchCheck(
      'first query bytes (largest of the ten)',
      BUDGETS.firstQueryBytes,
      (search) => search.firstQueryBytes,
      kb,
    );
    searchCheck(
      'later query bytes (largest of the nine)',
      BUDGETS.laterQueryBytes,
      (search) => search.laterQueryBytes,
      kb,
    );
    searchCheck(
      'ms to results (median of the nine later)',
      BUDGETS.msToResults,
      (search) => search.medianMsToResults,
      (ms) => `${Math.round(ms)} ms`,
      true,
    );
  }
  return gate.checks;
}
