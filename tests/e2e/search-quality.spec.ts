/**
 * The query set (tests/fixtures/corpus/search-queries.json) typed into the real search
 * field: each query must rank its turn first, as a reader expects. The
 * numbers themselves, with bytes and timings, come from
 * `npm run bench:search`.
 */
import { expect, test } from '@playwright/test';
import { BUDGETS } from '../../bench/budgets.ts';
import { landingTurn, runQueries } from '../support/search-driver.ts';
import { readQuerySet, recall } from '../support/query-set.ts';

const set = readQuerySet();

test(`phrases found in one turn rank it first, and recall@1 is at least ${BUDGETS.recallAt1} per language`, async ({
  page,
}) => {
  test.setTimeout(90_000);
  const runs = await runQueries(
    page,
    `/${set.transcript}/`,
    set.queries.map((query) => query.query),
  );

  // Phrases, words and parts of words that occur in one turn only must rank it first;
  // inflected and mixed queries count towards recall.
  const strict = new Set(['phrase', 'word', 'inner', 'quoted']);
  const wrong = set.queries.flatMap((query, i) => {
    const got = (runs[i]?.hrefs ?? []).map(landingTurn);
    if (query.kind === 'absent') return got.length === 0 ? [] : [`${query.query}: found ${got}`];
    const want = `${set.transcript}#turn-${query.turn}`;
    return !strict.has(query.kind) || got[0] === want
      ? []
      : [`${query.query}: want ${want}, got ${got}`];
  });
  expect(wrong).toEqual([]);

  for (const row of recall(set, runs)) {
    if (row.language === 'mixed') continue;
    expect(row.at1, `recall@1 in ${row.language}`).toBeGreaterThanOrEqual(BUDGETS.recallAt1);
  }
});
