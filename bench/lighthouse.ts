/**
 * Lighthouse on one page, as a phone sees it (Lighthouse's default: mobile
 * form factor, simulated slow 4G and a slowed CPU), in the system's
 * Chromium started headless by chrome-launcher.
 */
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { BUDGETS } from './budgets.ts';
import { median } from './units.ts';

/** The categories that have a budget, and only those, are asked for. */
export type Category = keyof typeof BUDGETS.minScore;
export const CATEGORIES = Object.keys(BUDGETS.minScore) as Category[];

/** The flags this machine needs: root, no GPU, and a network that is closed. */
const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface FailingAudit {
  category: Category;
  id: string;
  title: string;
  score: number;
  displayValue: string | undefined;
  /** The first few items of the audit's details, abridged. */
  details: string[];
}

export interface LighthouseResult {
  url: string;
  /** 0 to 100 per category. */
  scores: Record<Category, number>;
  lcpMs: number;
  cls: number;
  tbtMs: number;
  /** Every audit that counts towards a score and is below full marks. */
  failing: FailingAudit[];
  /** Every run's performance score, lowest first; this result is the median run. */
  performanceRuns: number[];
}

/**
 * Lighthouse `runs` times, each in a fresh Chromium, and the median run by
 * performance score (then by TBT): the machine is shared, and one busy
 * moment slows the simulated CPU enough to cost points.
 */
export async function runLighthouseMedian(
  url: string,
  chromePath: string,
  runs: number,
): Promise<LighthouseResult> {
  const results: OneRun[] = [];
  for (let run = 0; run < runs; run++) results.push(await runLighthouse(url, chromePath));
  const worstFirst = (a: OneRun, b: OneRun) =>
    a.scores.performance - b.scores.performance || b.tbtMs - a.tbtMs;
  return {
    ...median(results, worstFirst),
    performanceRuns: results.map((result) => result.scores.performance).sort((a, b) => a - b),
  };
}

type OneRun = Omit<LighthouseResult, 'performanceRuns'>;

async function runLighthouse(url: string, chromePath: string): Promise<OneRun> {
  const chrome = await launch({ chromePath, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);

    const scores = {} as Record<Category, number>;
    const failing: FailingAudit[] = [];
    for (const category of CATEGORIES) {
      const entry = lhr.categories[category];
      scores[category] = Math.round((entry?.score ?? 0) * 100);
      for (const ref of entry?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        // Only audits that count towards the score: for performance, the metrics.
        if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
        failing.push({
          category,
          id: audit.id,
          title: audit.title,
          score: audit.score,
          displayValue: audit.displayValue,
          details: describeItems(audit.details),
        });
      }
    }
    const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    return {
      url,
      scores,
      lcpMs: metric('largest-contentful-paint'),
      cls: metric('cumulative-layout-shift'),
      tbtMs: metric('total-blocking-time'),
      failing,
    };
  } finally {
    chrome.kill();
  }
}

function describeItems(details: unknown): string[] {
  const items = (details as { items?: unknown[] } | undefined)?.items ?? [];
  return items.slice(0, 3).map((item) => {
    // Accessibility items name an element and axe's reason it fails.
    const node = (item as { node?: { selector?: string; snippet?: string; explanation?: string } })
      .node;
    const text = node
      ? `${node.selector ?? ''}: ${node.explanation ?? node.snippet ?? ''}`
      : JSON.stringify(item);
    return text.length > 400 ? `${text.slice(0, 400)}…` : text;
  });
}
