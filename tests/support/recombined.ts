/**
 * A site of many transcripts made from the corpus's turns, recombined as
 * the benchmark's are (bench/generate.ts): each turn ending in words that
 * say which transcript and turn it is, so no two turns are the same text.
 * For the tests of the site index at a size where a common word's postings
 * run past its first block.
 */
import type { SearchRecord } from '../../src/lib/search/records.ts';
import { corpus } from './corpus.ts';
import { createRandom } from './random.ts';

/** Chinese numerals, so each turn's Chinese ends in characters of its own too. */
function inChinese(n: number): string {
  const digits = '〇一二三四五六七八九';
  return [...String(n)].map((digit) => digits[Number(digit)]).join('');
}

/** `count` transcripts of 20 to 40 of the corpus's turns, drawn with `seed`. */
export function recombined(count: number, seed: number): SearchRecord[] {
  const random = createRandom(seed);
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
