/**
 * The run as Markdown tables, as printed and as written to the results
 * file: builds (one row per build), the reader page and the searches (one
 * row per size, and per search), Lighthouse (one per page), budgets.
 */
import { PHASES, type PhaseName } from './build.ts';
import { result, type BudgetCheck } from './gate.ts';
import type { LighthouseResult } from './lighthouse.ts';
import type { SizeResult } from './results.ts';
import { SEARCH_KINDS } from './search.ts';
import { gigabytes, KB, kilobytes, megabytes } from './units.ts';

const PHASE_NAMES = Object.keys(PHASES) as PhaseName[];

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

const seconds = (value: number) => value.toFixed(1);
const count = (value: number) => value.toLocaleString('en');

/** One build a row: the cold one of each size, and the rebuild after one edit where there is one. */
export function buildsTable(
  sizes: readonly Pick<SizeResult, 'transcripts' | 'turns' | 'build' | 'rebuild' | 'dist'>[],
): string {
  const header = [
    'N',
    'turns',
    'build',
    'build s',
    'peak GB (tree)',
    ...PHASE_NAMES.map((name) => `${name} s (peak GB)`),
    'content sync s',
    'dist',
  ];
  const rows = sizes.flatMap((size) =>
    [
      { build: size.build, what: 'cold' },
      ...(size.rebuild
        ? [{ build: size.rebuild, what: `rebuild, ${size.rebuild.edited} edited` }]
        : []),
    ].map(({ build, what }) => [
      count(size.transcripts),
      count(size.turns),
      what,
      seconds(build.totalSeconds),
      gigabytes(build.peakBytes).replace(' GB', ''),
      ...PHASE_NAMES.map((name) => {
        const phase = build.phases.find((found) => found.name === name);
        if (!phase) return '–';
        const peak =
          phase.peakBytes === undefined ? '–' : gigabytes(phase.peakBytes).replace(' GB', '');
        return `${seconds(phase.seconds)} (${peak})`;
      }),
      build.syncSeconds === undefined ? '–' : seconds(build.syncSeconds),
      what === 'cold' ? `${megabytes(size.dist.bytes)} (${count(size.dist.files)} files)` : '',
    ]),
  );
  return markdownTable(header, rows);
}

/** The seed's reader page as it first loads, at each size. */
export function pagesTable(sizes: readonly SizeResult[]): string {
  const header = ['N', 'reader HTML', 'reader HTML gz', 'JS gz', 'CSS gz'];
  const rows = sizes.map((size) => [
    count(size.transcripts),
    kilobytes(size.readerHtml.raw),
    kilobytes(size.readerHtml.gzip),
    kilobytes(size.firstView.js.gzip),
    kilobytes(size.firstView.css.gzip),
  ]);
  return markdownTable(header, rows);
}

/** Each search at each size: first and later query bytes, and the time to results. */
export function searchTable(sizes: readonly SizeResult[]): string {
  const header = [
    'N',
    'search',
    'first query KB (median / largest)',
    'later query KB (mean / largest)',
    'ms to results (median / largest)',
    'results (first query)',
  ];
  const rows = sizes.flatMap((size) =>
    size.search.map((search) => {
      const where = SEARCH_KINDS[search.kind];
      if (!search.measured) {
        return [count(size.transcripts), where, 'no toggle to widen with', '', '', ''];
      }
      const kb = (bytes: number) => (bytes / KB).toFixed(1);
      return [
        count(size.transcripts),
        where,
        `${kb(search.firstQueryMedianBytes)} / ${kb(search.firstQueryBytes)}`,
        `${kb(search.laterQueryMeanBytes)} / ${kb(search.laterQueryBytes)}`,
        `${Math.round(search.medianMsToResults)} / ${Math.round(search.maxMsToResults)}`,
        String(search.queries[0]?.results ?? 0),
      ];
    }),
  );
  return markdownTable(header, rows);
}

/** What each phase of a build holds, as the README's and the results' note under the builds table. */
export function phasesNote(): string {
  return PHASE_NAMES.map((name) => `- ${name}: ${PHASES[name]}`).join('\n');
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
    checks.map((check) => [check.name, check.limit, check.actual, result(check)]),
  );
}
