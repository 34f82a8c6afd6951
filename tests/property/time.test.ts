/**
 * Hostile input gets its answer in bounded time: a build must not hang on
 * a line of nested emphasis or brackets. Each parse runs in a worker that is
 * stopped at the budget, so a slow case fails in seconds and shrinks in minutes.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { FRONT_MATTER_LINES } from '../../src/lib/transcript/frontmatter.ts';
import { longLine, LONGEST_RUN } from './mutations.ts';
import { parameters, RUNS, timeout } from './settings.ts';
import { TimedParser } from './timing.ts';

/** A linear parse of a 20,000-character line takes tens of milliseconds; this allows for a machine shared with others. */
const BUDGET_MS = 2_000;
/** Each run parses a long line, so fewer runs than the other properties. */
const TIME_RUNS = Math.ceil(RUNS / 10);
/** Each shrinking step of a slow case takes up to the budget: a bounded number of them. */
const MAX_SHRINKS = 100;

const parser = new TimedParser();
afterAll(() => parser.stop());

describe('parseTranscript on long lines', () => {
  it(
    `answers a file with a run of up to ${LONGEST_RUN.toLocaleString('en')} characters within ${BUDGET_MS / 1000} s, without throwing`,
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.limitShrink(longLine, MAX_SHRINKS), async (sample) => {
          const { source, file, slug } = sample;
          const timed = await parser.parse({ source, file, slug }, BUDGET_MS);
          expect(timed, `still parsing after ${BUDGET_MS} ms`).toBeDefined();
          expect(timed!.ok ? 'a result' : timed!.error).toBe('a result');
        }),
        parameters(TIME_RUNS),
      );
    },
    timeout(TIME_RUNS) + MAX_SHRINKS * BUDGET_MS * 2,
  );
});

describe('parseTranscript on labels that name no one', () => {
  // Each such label gets a did-you-mean, whose cost grows with the list of speakers: measured
  // here at about 1 s in all with suggestions for the first hundred labels alone, 7 s for every one.
  const budget = 4_000;
  it(`answers 3,000 misspelt labels against as many speakers as front matter holds within ${budget / 1000} s`, async () => {
    // Names as long as a suggestion is looked for, alike enough that only comparing tells them apart.
    const name = (index: number) => `${'abcdefghij'.repeat(9)}${String(index).padStart(4, '0')}`;
    const speakers = Array.from({ length: FRONT_MATTER_LINES - 10 }, (_, i) => `  ${name(i)}: {}`);
    const blocks = Array.from(
      { length: 1_500 },
      (_, i) => `**${name(i + 5_000)}x:** 你好。\n**${name(i + 5_000)}y:** Hello.`,
    );
    const source = ['---', 'speakers:', ...speakers, '---', ...blocks, ''].join('\n');
    const timed = await parser.parse({ source, file: 'labels.md', slug: 'labels' }, budget);
    expect(timed, `still parsing after ${budget} ms`).toBeDefined();
    expect(timed!.ok && timed!.accepted).toBe(false);
  });
});
