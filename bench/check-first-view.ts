/**
 * The budgets of the reader's first view and of the long page, checked
 * against one run of `npm run bench`, as check-budgets.ts checks the others
 * (a budget with nothing measured is skipped, not passed).
 */
import { BUDGETS } from './budgets.ts';
import type { BudgetCheck } from './check-budgets.ts';
import type { LighthouseResult } from './lighthouse.ts';
import type { LongPageResult } from './long-page.ts';
import type { SizeResult } from './results.ts';

export function checkFirstViewBudgets(
  sizes: readonly SizeResult[],
  lighthouse: readonly LighthouseResult[],
  readerPath: string,
  longPage: LongPageResult | undefined,
): BudgetCheck[] {
  const checks: BudgetCheck[] = [];
  const check = (name: string, limit: string, actual: string | undefined, ok?: boolean) =>
    checks.push({
      name,
      limit,
      actual: actual ?? '–',
      status: ok === undefined ? 'skipped' : ok ? 'pass' : 'fail',
    });

  // The first view does not depend on N, but every size measured is checked.
  const worst = sizes.map((size) => size.againstFloor).sort((a, b) => b.ratio - a.ratio)[0];
  check(
    'reader first view / floor (gzip)',
    `≤ ${BUDGETS.firstViewRatio}×`,
    worst &&
      `${worst.ratio.toFixed(2)}× (${(worst.page.bytes / 1000).toFixed(1)} KB in ${worst.page.requests} requests / ${(worst.floor.bytes / 1000).toFixed(1)} KB)`,
    worst && worst.ratio <= BUDGETS.firstViewRatio,
  );

  const reader = lighthouse.find((run) => new URL(run.url).pathname === readerPath);
  check(
    `Lighthouse LCP ${readerPath}`,
    `≤ ${(BUDGETS.lcpMs / 1000).toFixed(2)} s`,
    reader && `${(reader.lcpMs / 1000).toFixed(2)} s`,
    reader && reader.lcpMs <= BUDGETS.lcpMs,
  );

  const built = longPage?.runs.find((run) => run.contentVisibility === 'auto');
  const { switchMs, scrollFrameMs } = BUDGETS.longPage;
  check(
    `${longPage?.turns ?? 500}-turn page: slowest language switch`,
    `≤ ${switchMs} ms`,
    built && `${Math.round(built.switchSlowestMs)} ms`,
    built && built.switchSlowestMs <= switchMs,
  );
  check(
    `${longPage?.turns ?? 500}-turn page: 95th percentile frame while scrolling`,
    `≤ ${scrollFrameMs} ms`,
    built && `${Math.round(built.scrollP95FrameMs)} ms`,
    built && built.scrollP95FrameMs <= scrollFrameMs,
  );
  return checks;
}
