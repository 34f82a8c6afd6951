/**
 * The performance budgets, checked against one run. A budget whose
 * measurements are missing (search before it exists, sizes left out on
 * the command line, Lighthouse skipped) is reported as skipped, not as
 * passed. 1 KB is 1,000 bytes here, the stricter reading.
 */
import type { Category, LighthouseResult } from './lighthouse.ts';
import type { SizeResult } from './results.ts';
import { kilobytes } from './units.ts';

export const BUDGETS = {
  /** Gzipped JS and CSS the seed's reader page loads before interaction. */
  readerJsBytes: 6_000,
  readerCssBytes: 10_000,
  /** Lighthouse scores, mobile, on `/` and the seed's reader page. */
  minScore: {
    performance: 95,
    accessibility: 100,
    'best-practices': 100,
    seo: 100,
  } satisfies Record<Category, number>,
  cls: 0,
  /**
   * Linear growth from 50 to 500 transcripts would be 10 times the build
   * time; we allow 20% on top for a noisy, shared machine.
   */
  buildGrowth: { from: 50, to: 500, tolerance: 1.2 },
  /**
   * What one query costs once the search is loaded (its index chunks and
   * records, nothing cached), at the largest size over that at 1 transcript.
   */
  searchGrowth: { from: 1, to: 500, factor: 2 },
};

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

  for (const [category, min] of Object.entries(BUDGETS.minScore) as [Category, number][]) {
    const scores = lighthouse.map((run) => run.scores[category]);
    const worst = scores.length > 0 ? Math.min(...scores) : undefined;
    const limit = min === 100 ? '= 100' : `≥ ${min}`;
    check(
      `Lighthouse ${category} (worst page)`,
      limit,
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
  const one = sizes.find((size) => size.transcripts === search.from)?.search?.ownQueryBytes;
  const many = sizes.find((size) => size.transcripts === search.to)?.search?.ownQueryBytes;
  check(
    `search bytes per query ${search.to} / ${search.from}`,
    `≤ ${search.factor}×`,
    one && many ? `${(many / one).toFixed(2)}× (${kb(many)} / ${kb(one)})` : '–',
    one && many ? many <= search.factor * one : undefined,
  );
  return checks;
}
