/**
 * The budgets of `npm run bench` checked against one run. A budget whose
 * measurements are missing (sizes left out on the command line, Lighthouse
 * skipped, a reader page without the toggle that widens its search) is
 * reported as skipped, not as passed.
 */
import { BUDGETS } from './budgets.ts';
import { CATEGORIES, type LighthouseResult } from './lighthouse.ts';
import type { SizeResult } from './results.ts';
import { SEARCH_KINDS, type SearchKind, type SearchSummary } from './search.ts';
import { gigabytes, kilobytes } from './units.ts';

export interface BudgetCheck {
  name: string;
  limit: string;
  actual: string;
  status: 'pass' | 'fail' | 'skipped';
}

export function checkBudgets(
  sizes: readonly SizeResult[],
  lighthouse: readonly LighthouseResult[],
): BudgetCheck[] {
  const checks: BudgetCheck[] = [];
  const check = (name: string, limit: string, actual: string, ok: boolean | undefined) =>
    checks.push({
      name,
      limit,
      actual,
      status: ok === undefined ? 'skipped' : ok ? 'pass' : 'fail',
    });
  const kb = (bytes: number) => kilobytes(bytes, 2);

  // First-view bytes do not depend on N, but check every size measured.
  const js = Math.max(...sizes.map((size) => size.firstView.js.gzip));
  const css = Math.max(...sizes.map((size) => size.firstView.css.gzip));
  const measured = sizes.length > 0;
  check(
    'reader page JS (gzip)',
    `≤ ${kb(BUDGETS.readerJsBytes)}`,
    measured ? kb(js) : '–',
    measured ? js <= BUDGETS.readerJsBytes : undefined,
  );
  check(
    'reader page CSS (gzip)',
    `≤ ${kb(BUDGETS.readerCssBytes)}`,
    measured ? kb(css) : '–',
    measured ? css <= BUDGETS.readerCssBytes : undefined,
  );

  for (const category of CATEGORIES) {
    const min = BUDGETS.minScore[category];
    const scores = lighthouse.map((run) => run.scores[category]);
    const worst = scores.length > 0 ? Math.min(...scores) : undefined;
    check(
      `Lighthouse ${category} (worst page)`,
      min === 100 ? '= 100' : `≥ ${min}`,
      worst?.toString() ?? '–',
      worst === undefined ? undefined : worst >= min,
    );
  }
  const cls = lighthouse.length > 0 ? Math.max(...lighthouse.map((run) => run.cls)) : undefined;
  check(
    'CLS (worst page)',
    `= ${BUDGETS.cls}`,
    cls?.toString() ?? '–',
    cls === undefined ? undefined : cls <= BUDGETS.cls,
  );

  const count = ({ transcripts }: SizeResult) =>
    `${transcripts.toLocaleString('en')} ${transcripts === 1 ? 'transcript' : 'transcripts'}`;
  const builds = sizes.flatMap((size) => [
    { size, build: size.build, what: count(size) },
    ...(size.rebuild ? [{ size, build: size.rebuild, what: `${count(size)}, rebuild` }] : []),
  ]);
  const worst = builds.reduce<(typeof builds)[number] | undefined>(
    (most, build) => (most && most.build.peakBytes >= build.build.peakBytes ? most : build),
    undefined,
  );
  check(
    'build peak memory, whole process tree (worst build)',
    `< ${gigabytes(BUDGETS.buildPeakBytes)}`,
    worst ? `${gigabytes(worst.build.peakBytes)} (${worst.what})` : '–',
    worst ? worst.build.peakBytes < BUDGETS.buildPeakBytes : undefined,
  );

  const { from, to, tolerance } = BUDGETS.buildGrowth;
  const small = sizes.find((size) => size.transcripts === from)?.build.totalSeconds;
  const large = sizes.find((size) => size.transcripts === to)?.build.totalSeconds;
  const limit = (to / from) * tolerance;
  check(
    `build time ${to.toLocaleString('en')} / ${from.toLocaleString('en')} transcripts`,
    `≤ ${limit.toFixed(1)}×`,
    small && large
      ? `${(large / small).toFixed(2)}× (${large.toFixed(1)} s / ${small.toFixed(1)} s)`
      : '–',
    small && large ? large / small <= limit : undefined,
  );

  const { at, share } = BUDGETS.rebuild;
  const edited = sizes.find((size) => size.transcripts === at && size.rebuild);
  const rebuilt = edited?.rebuild?.totalSeconds;
  const cold = edited?.build.totalSeconds;
  check(
    `rebuild after one edit / cold build, ${at.toLocaleString('en')} transcripts`,
    `≤ ${share.toFixed(2)}×`,
    rebuilt && cold
      ? `${(rebuilt / cold).toFixed(2)}× (${rebuilt.toFixed(1)} s / ${cold.toFixed(1)} s)`
      : '–',
    rebuilt && cold ? rebuilt / cold <= share : undefined,
  );

  for (const kind of Object.keys(SEARCH_KINDS) as SearchKind[]) {
    const measured = sizes.flatMap((size) =>
      size.search
        .filter((search) => search.kind === kind && search.measured)
        .map((search) => ({ size, search })),
    );
    const where = SEARCH_KINDS[kind];
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
    ) => {
      const top = most(pick);
      check(
        `${name}, ${where} (worst size)`,
        `≤ ${show(limit)}`,
        top ? `${show(pick(top.search))} (${count(top.size)})` : '–',
        top ? pick(top.search) <= limit : undefined,
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
    );
  }
  return checks;
}
