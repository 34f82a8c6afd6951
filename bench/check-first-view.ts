/**
 * The budgets of the reader's first view and of the long page, checked
 * against one run of `npm run bench`, as check-budgets.ts checks the others
 * (gate.ts: a budget with nothing measured fails with its reason).
 */
import { BUDGETS } from './budgets.ts';
import { Gate, type BudgetCheck } from './gate.ts';
import type { LighthouseResult } from './lighthouse.ts';
import type { LongPageResult } from './long-page.ts';
import type { SizeResult } from './results.ts';

export function checkFirstViewBudgets(
  sizes: readonly SizeResult[],
  lighthouse: readonly LighthouseResult[],
  readerPath: string,
  longPage: LongPageResult | undefined,
): BudgetCheck[] {
  const gate = new Gate();

  // The first view does not depend on N, but every size measured is checked.
  const worst = sizes.map((size) => size.againstFloor).sort((a, b) => b.ratio - a.ratio)[0];
  gate.check(
    'reader first view / floor (gzip)',
    `≤ ${BUDGETS.firstViewRatio}×`,
    { value: worst?.ratio, missing: 'no size was built' },
    (ratio) => ratio <= BUDGETS.firstViewRatio,
    () =>
      `${worst!.ratio.toFixed(2)}× (${(worst!.page.bytes / 1000).toFixed(1)} KB in ${worst!.page.requests} requests / ${(worst!.floor.bytes / 1000).toFixed(1)} KB)`,
  );

  const reader = lighthouse.find((run) => new URL(run.url).pathname === readerPath);
  gate.check(
    `Lighthouse LCP ${readerPath}`,
    `≤ ${(BUDGETS.lcpMs / 1000).toFixed(2)} s`,
    {
      value: reader?.lcpMs,
      missing: 'Lighthouse was not run (--skip-lighthouse, or no size 1)',
      readings: [reader?.lcpMs],
    },
    (ms) => ms <= BUDGETS.lcpMs,
    () => `${(reader!.lcpMs / 1000).toFixed(2)} s`,
  );

  const built = longPage?.runs.find((run) => run.contentVisibility === 'auto');
  const { switchMs, scrollFrameMs } = BUDGETS.longPage;
  const long = `${longPage?.turns ?? 500}-turn page`;
  const missing = 'the long page was not measured';
  gate.check(
    `${long}: slowest language switch`,
    `≤ ${switchMs} ms`,
    { value: built?.switchSlowestMs, missing, readings: [built?.switchSlowestMs] },
    (ms) => ms <= switchMs,
    () => `${Math.round(built!.switchSlowestMs)} ms`,
  );
  gate.check(
    `${long}: 95th percentile frame while scrolling`,
    `≤ ${scrollFrameMs} ms`,
    { value: built?.scrollP95FrameMs, missing, readings: [built?.scrollP95FrameMs] },
    (ms) => ms <= scrollFrameMs,
    () => `${Math.round(built!.scrollP95FrameMs)} ms`,
  );
  return gate.checks;
}
