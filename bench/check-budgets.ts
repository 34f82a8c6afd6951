/**
 * The budgets of `npm run bench` checked against one run. A budget whose
 * measurements are missing (sizes left out on the command line, Lighthouse
 * skipped) is reported as skipped, not as passed.
 */
import { BUDGETS } from './budgets.ts';
import { CATEGORIES, type LighthouseResult } from './lighthouse.ts';
import type { SizeResult } from './results.ts';
import { kilobytes } from './units.ts';

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

  const { from, to, tolerance } = BUDGETS.buildGrowth;
  const small = sizes.find((size) => size.transcripts === from)?.build.totalSeconds;
  const large = sizes.find((size) => size.transcripts === to)?.build.totalSeconds;
  const limit = (to / from) * tolerance;
  check(
    `build time ${to} / ${from} transcripts`,
    `≤ ${limit.toFixed(1)}×`,
    small && large
      ? `${(large / small).toFixed(2)}× (${large.toFixed(1)} s / ${small.toFixed(1)} s)`
      : '–',
    small && large ? large / small <= limit : undefined,
  );

  const search = BUDGETS.searchGrowth;
  const one = sizes.find((size) => size.transcripts === search.from)?.search.ownQueryBytes;
  const many = sizes.find((size) => size.transcripts === search.to)?.search.ownQueryBytes;
  check(
    `search bytes per query ${search.to} / ${search.from}`,
    `≤ ${search.factor}×`,
    one && many ? `${(many / one).toFixed(2)}× (${kb(many)} / ${kb(one)})` : '–',
    one && many ? many <= search.factor * one : undefined,
  );
  return checks;
}
