/**
 * The parser and `npm run check` on input written to be slow
 * (tests/support/hostile-input.ts), timed: the median of REPEATS runs of
 * each. The tests check what that input gives, and count the work the
 * did-you-mean does on it, with no clock that a loaded machine could fail;
 * how long it takes is measured here, against BUDGETS.hostileInput.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseTranscript } from '../src/lib/transcript/parse.ts';
import { closestMatch } from '../src/lib/transcript/suggest.ts';
import { writeEntries } from '../tests/support/folder-entries.ts';
import {
  anagramLabels,
  FAR_WORDS,
  HOSTILE_FOLDER,
  LONG_LABEL,
  LONG_SPEAKER_SOURCE,
} from '../tests/support/hostile-input.ts';
import { BUDGETS } from './budgets.ts';
import { Gate, type BudgetCheck } from './gate.ts';
import { markdownTable } from './table.ts';
import { median } from './units.ts';

/** Each figure is the median of this many runs: the machine is shared. */
const REPEATS = 3;

export interface HostileInputRow {
  /** What was run, as the table says it. */
  what: string;
  ms: number;
  budgetMs: number;
}

function timed(run: () => void, per = 1): number {
  const times = Array.from({ length: REPEATS }, () => {
    const started = performance.now();
    run();
    return (performance.now() - started) / per;
  });
  return median(times);
}

/** Times each hostile input; `root` is the project's, where `bin/check.ts` is. */
export function measureHostileInput(root: string): HostileInputRow[] {
  const budget = BUDGETS.hostileInput;
  const labels = anagramLabels();
  const folder = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'duet-bench-hostile-')));
  try {
    writeEntries(folder, HOSTILE_FOLDER);
    return [
      {
        what: 'did-you-mean among labels of 25,000 characters (2 calls)',
        ms: timed(() => {
          closestMatch(`${LONG_LABEL}B`, [LONG_LABEL]);
          closestMatch('Ada', [LONG_LABEL, 'Adah']);
        }),
        budgetMs: budget.longLabelsMs,
      },
      {
        what: `did-you-mean among ${labels.length.toLocaleString('en')} anagrams, a call`,
        ms: timed(() => FAR_WORDS.forEach((word) => closestMatch(word, labels)), FAR_WORDS.length),
        budgetMs: budget.anagramsCallMs,
      },
      {
        what: 'parse a transcript describing a speaker of 25,000 characters',
        ms: timed(() => parseTranscript(LONG_SPEAKER_SOURCE, { file: 'long.md', slug: 'long' })),
        budgetMs: budget.longSpeakerParseMs,
      },
      {
        what: '`npm run check` on a folder of hostile files (a process)',
        ms: timed(() => {
          const result = spawnSync(process.execPath, ['bin/check.ts', folder], {
            cwd: root,
            encoding: 'utf8',
            timeout: 60_000,
          });
          // It finds a problem in each hostile file: exit 1. Anything else is not what was timed.
          if (result.status !== 1) {
            throw new Error(`npm run check on ${folder} exited ${result.status}: ${result.stderr}`);
          }
        }),
        budgetMs: budget.checkFolderMs,
      },
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export function hostileInputTable(rows: readonly HostileInputRow[]): string {
  return markdownTable(
    [`hostile input (median of ${REPEATS})`, 'time', 'budget'],
    rows.map((row) => [row.what, `${row.ms.toFixed(1)} ms`, `≤ ${row.budgetMs} ms`]),
  );
}

export function checkHostileInputBudgets(rows: readonly HostileInputRow[]): BudgetCheck[] {
  const gate = new Gate();
  for (const row of rows) {
    gate.check(
      row.what,
      `≤ ${row.budgetMs} ms`,
      { value: row.ms, missing: 'not run', readings: [row.ms] },
      (ms) => ms <= row.budgetMs,
      () => `${row.ms.toFixed(1)} ms`,
    );
  }
  return gate.checks;
}
