/**
 * The site index against a brute-force reference: a site of a few hundred
 * transcripts made from the corpus's turns, recombined as the benchmark's
 * are (each turn ending in words of its own), searched for phrases copied
 * from random turns, each checked against every turn scanned for it
 * (tests/support/phrase-queries.ts). The first blocks are shrunk to four
 * postings, so a design that only reads them, or a few blocks past them,
 * misses the phrases whose words are common: what a site of thousands of
 * transcripts does with the first blocks at their full size.
 */
import { describe, expect, it } from 'vitest';
import type { SearchRecord } from '../../src/lib/search/records.ts';
import { searchIndex } from '../../src/lib/search/site-index/search.ts';
import { parseQuery } from '../../src/lib/search/terms.ts';
import { corpus } from '../support/corpus.ts';
import { memoryIndex } from '../support/memory-index.ts';
import {
  drawPhrases,
  PhraseReference,
  scorePhrase,
  turnName,
  type PhraseScore,
} from '../support/phrase-queries.ts';
import { createRandom } from '../support/random.ts';

const TRANSCRIPTS = 300;
/** Fixed, so a failure can be replayed; `PHRASE_SEED=… npx vitest run <this file>` tries others. */
const SEED = Number(process.env.PHRASE_SEED ?? 19);

/** Chinese numerals, so each turn's Chinese ends in characters of its own too. */
function inChinese(n: number): string {
  const digits = '〇一二三四五六七八九';
  return [...String(n)].map((digit) => digits[Number(digit)]).join('');
}

/**
 * `count` transcripts of 20 to 40 of the corpus's turns, drawn at random,
 * each turn's texts ending in words that say which transcript and turn it
 * is, so no two turns of the site are the same text.
 */
function recombined(count: number): SearchRecord[] {
  const random = createRandom(SEED);
  const pool = corpus.flatMap(({ transcript }) => transcript.turns);
  return Array.from({ length: count }, (_, t) => {
    const length = 20 + Math.floor(random() * 21);
    const turns = Array.from({ length }, (_, i) => {
      const turn = pool[Math.floor(random() * pool.length)]!;
      return {
        turn: i + 1,
        speaker: turn.speaker,
        zh: `${turn.zh.text}（第${inChinese(t)}场第${inChinese(i + 1)}段）`,
        en: `${turn.en.text} (Session ${t}, part ${i + 1}.)`,
      };
    });
    const speakers = [...new Set(turns.map((turn) => turn.speaker))];
    return {
      slug: `talk-${String(t).padStart(3, '0')}`,
      title: { en: `Talk ${t}`, zh: `第${inChinese(t)}场` },
      names: Object.fromEntries(speakers.map((key) => [key, { en: key, zh: key }])),
      turns,
    };
  });
}

describe('the site index against every turn scanned, first blocks of four', () => {
  const records = recombined(TRANSCRIPTS);
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
