/**
 * The pinyin of a transcript's Chinese text, read at build time by
 * pinyin-pro, which reads a polyphone by the words around it (行为 xíng wéi,
 * 觉得 jué de, 还是 hái shì). It is far too large for the browser: the page
 * fetches what this writes (./format.ts), and only when asked for pinyin.
 */
import { pinyin } from 'pinyin-pro';
import type { Transcript } from '../transcript/schema.ts';
import { isHan, type PinyinFile } from './format.ts';

/**
 * pinyin-pro's fewest-words segmentation (`TokenizationAlgorithm.MinTokenization`, a const
 * enum it does not export). On the test corpus it reads 挑战 tiǎo zhàn and 将是 jiāng shì where
 * the reverse maximum match does not, and 觉得 jué de and 这个 zhè ge where the default, the most
 * probable segmentation, reads jué dé and zhè gè.
 */
const FEWEST_WORDS = 3;

/**
 * The reading of each Han character of a text, in order, in tone marks;
 * '' for one pinyin-pro cannot read. The whole text is read at once, so a
 * word's characters are read together across inline markup and lines.
 */
export function readingsOf(text: string): string[] {
  const readings: string[] = [];
  for (const { origin, pinyin: reading } of pinyin(text, {
    type: 'all',
    segmentit: FEWEST_WORDS,
  })) {
    // One entry per character, Han or not; pinyin-pro gives a character it cannot read as itself.
    if (isHan(origin)) readings.push(reading === origin ? '' : reading);
  }
  return readings;
}

export function pinyinFileOf(transcript: Transcript): PinyinFile {
  return { turns: transcript.turns.map((turn) => readingsOf(turn.zh.text)) };
}
