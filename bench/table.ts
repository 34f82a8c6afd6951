/**
 * The run as Markdown tables, as printed and as written to the results
 * file: one row per size, one per Lighthouse page, one per budget.
 */
import type { BudgetCheck } from './check-budgets.ts';
import type { LighthouseResult } from './lighthouse.ts';
import type { SizeResult } from './results.ts';
import { kilobytes, megabytes } from './units.ts';

export function markdownTable(header: readonly string[], rows: readonly string[][]): string {
  const widths = header.map((cell, i) =>
    Math.max(cell.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}

const seconds = (value: number) => value.toFixed(2);

export function sizesTable(sizes: readonly SizeResult[]): string {
  const header = [
    'N',
    'parse s',
    'Astro s',
    'Pagefind s',
    'build s',
    'dist',
    'reader HTML',
    'reader HTML gz',
    'JS gz',
    'CSS gz',
    'search: 1st query',
    'search: later query',
    'search: load',
    'search: per query',
    'search: 1st result ms',
  ];
  const rows = sizes.map((size) => [
    String(size.transcripts),
    seconds(size.parseSeconds),
    seconds(size.build.astroSeconds),
    seconds(size.build.pagefindSeconds),
    seconds(size.build.totalSeconds),
    `${megabytes(size.dist.bytes)} (${size.dist.files} files)`,
    kilobytes(size.readerHtml.raw),
    kilobytes(size.readerHtml.gzip),
    kilobytes(size.firstView.js.gzip),
    kilobytes(size.firstView.css.gzip),
    kilobytes(size.search.firstQueryBytes),
    kilobytes(size.search.laterQueryBytes),
    kilobytes(size.search.loadBytes),
    kilobytes(size.search.ownQueryBytes),
    String(Math.round(size.search.medianMsToFirstResult)),
  ]);
  return markdownTable(header, rows);
}

export function lighthouseTable(runs: readonly LighthouseResult[]): string {
  const header = [
    'Lighthouse (mobile)',
    'perf',
    'a11y',
    'best pr.',
    'SEO',
    'LCP',
    'CLS',
    'TBT',
    'perf of each run',
  ];
  const rows = runs.map((run) => [
    new URL(run.url).pathname,
    String(run.scores.performance),
    String(run.scores.accessibility),
    String(run.scores['best-practices']),
    String(run.scores.seo),
    `${(run.lcpMs / 1000).toFixed(2)} s`,
    run.cls.toFixed(3),
    `${Math.round(run.tbtMs)} ms`,
    run.performanceRuns.join(', '),
  ]);
  return markdownTable(header, rows);
}

export function budgetsTable(checks: readonly BudgetCheck[]): string {
  return markdownTable(
    ['budget', 'limit', 'actual', 'result'],
    checks.map((check) => [check.name, check.limit, check.actual, check.status]),
  );
}
