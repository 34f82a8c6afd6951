/**
 * Queries written to be costly (tests/support/hostile-input.ts) against
 * the site index of a few hundred transcripts: each fetches no more files
 * than any query may (`MOST_FETCHES`), and no more bytes than a first
 * query's budget. How long they take is the bench's to measure
 * (bench/recall.ts), on `/` in a browser.
 */
import { describe, expect, it } from 'vitest';
import { BUDGETS } from '../../bench/budgets.ts';
import { MOST_FETCHES, MOST_KEYS, searchIndex } from '../../src/lib/search/site-index/search.ts';
import { parseQuery } from '../../src/lib/search/terms.ts';
import { hostileQueries } from '../support/hostile-input.ts';
import { memoryIndex } from '../support/memory-index.ts';
import { recombined } from '../support/recombined.ts';

describe('the site index against hostile queries', () => {
  const records = recombined(300, 8);
  const queries = hostileQueries(records);

  const index = memoryIndex(records);

  it.each(queries)(
    'answers $what in at most MOST_FETCHES fetches and a first query’s bytes',
    async ({ query }) => {
      const fetched = index.fetched.length;
      const loaded = index.loaded.length;
      const parsed = parseQuery(query);
      const started = performance.now();
      if (parsed) await searchIndex(index.freshReader(), parsed, {});
      expect(index.loaded.length - loaded).toBeLessThanOrEqual(MOST_FETCHES);
      const bytes = index.fetched.slice(fetched).reduce((sum, { bytes }) => sum + bytes, 0);
      expect(bytes).toBeLessThanOrEqual(BUDGETS.firstQueryBytes);
    },
  );

  // A thousand words of the site's turns, which no one turn holds: their longest words' lists,
  // intersected, rule out every turn, where the first words' lists are of common words.
  it('answers a passage no turn holds from its rarest words’ lists, reading no turn', async () => {
    const { query } = queries.find(({ what }) => what === '1,000 words')!;
    const parsed = parseQuery(query)!;
    expect(parsed.keys.length).toBeGreaterThan(MOST_KEYS);
    const from = index.loaded.length;
    const outcome = await searchIndex(index.freshReader(), parsed, {});
    expect(outcome.hits).toEqual([]);
    const texts = index.loaded.slice(from).filter((path) => /^(f|t)\//.test(path));
    expect(texts).toEqual([]);
  });

  it('finds a long quote of one turn, first, by its longest words', async () => {
    const turns = records.flatMap((record) => record.turns.map((turn) => ({ turn })));
    const quoted = turns.filter(({ turn }) => parseQuery(turn.en)!.keys.length > 2 * MOST_KEYS);
    expect(quoted.length).toBeGreaterThan(10);
    for (const { turn } of quoted.slice(0, 5)) {
      const outcome = await searchIndex(index.freshReader(), parseQuery(turn.en)!, {});
      expect(outcome.hits[0]?.text).toBe(turn.en);
    }
  });

  it('holds MOST_FETCHES to a few dozen files', () => {
    expect(MOST_FETCHES).toBeLessThanOrEqual(100);
  });
});
