/**
 * The site index against a brute-force reference: a site of a few hundred
 * transcripts recombined from the corpus's turns (tests/support/recombined.ts),
 * searched for phrases copied
 * from random turns, each checked against every turn scanned for it
 * (tests/support/phrase-queries.ts). The first blocks are shrunk to four
 * postings, so a design that only reads them, or a few blocks past them,
 * misses the phrases whose words are common: what a site of thousands of
 * transcripts does with the first blocks at their full size.
 */
import { describe, expect, it } from 'vitest';
import { searchIndex } from '../../src/lib/search/site-index/search.ts';
import { parseQuery } from '../../src/lib/search/terms.ts';
import { memoryIndex } from '../support/memory-index.ts';
import {
  drawPhrases,
  PhraseReference,
  scorePhrase,
  turnName,
  type PhraseScore,
} from '../support/phrase-queries.ts';
import { recombined } from '../support/recombined.ts';

const TRANSCRIPTS = 300;
/** Fixed, so a failure can be replayed; `PHRASE_SEED=… npx vitest run <this file>` tries others. */
const SEED = Number(process.env.PHRASE_SEED ?? 19);

describe('the site index against every turn scanned, first blocks of four', () => {
  const records = recombined(TRANSCRIPTS, SEED);
  const index = memoryIndex(records, { firstBlock: 4 });
  const reference = new PhraseReference(records);
  const phrases = drawPhrases(records, { seed: SEED, count: 80 });

  const scores = async (): Promise<PhraseScore[]> => {
    const scored: PhraseScore[] = [];
    for (const phrase of phrases) {
      const outcome = await searchIndex(index.freshReader(), parseQuery(phrase.text)!, {});
      const results = outcome.hits.map((hit) => turnName(hit.slug, hit.turn));
      scored.push(scorePhrase(phrase, reference.holders(phrase.text), results));
    }
    return scored;
  };
  const scored = scores();

  it('has phrases of every kind to try, some of them in one turn only', async () => {
    const kinds = Map.groupBy(phrases, (phrase) => phrase.kind);
    expect([...kinds].map(([kind, found]) => [kind, found.length])).toEqual([
      ['english', 80],
      ['chinese', 80],
      ['common', 80],
    ]);
    expect((await scored).filter((score) => score.holders === 1).length).toBeGreaterThan(10);
  });

  it('finds every phrase among the first ten results', async () => {
    const missed = (await scored)
      .filter((score) => score.rank < 0 || score.rank >= 10)
      .map(({ phrase, holders }) => `${phrase.kind}: "${phrase.text}" (${holders} turns)`);
    expect(missed).toEqual([]);
  });

  it('ranks first the turn that holds a phrase, where one turn alone holds it', async () => {
    const wrong = (await scored)
      .filter((score) => score.holders === 1 && score.rank !== 0)
      .map(({ phrase, results }) => `"${phrase.text}" from ${phrase.from}, first ${results[0]}`);
    expect(wrong).toEqual([]);
  });
}, 120_000);
