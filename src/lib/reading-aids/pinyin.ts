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
  const characters = Array.from(text);
  // One entry per character, a character it cannot read (Han or not) given as itself; were it
  // ever not so, each character is read alone. (`type: 'all'` names each entry's character, but
  // takes ten times as long.)
  let entries: string[] = pinyin(text, { type: 'array', segmentit: FEWEST_WORDS });
  if (entries.length !== characters.length) {
    entries = characters.map((character) => pinyin(character));
  }
  const readings: string[] = [];
  characters.forEach((character, index) => {
    if (!isHan(character)) return;
    const reading = entries[index] ?? '';
    readings.push(reading === character ? '' : reading);
  });
  return readings;
}

export function pinyinFileOf(transcript: Transcript): PinyinFile {
  return { turns: transcript.turns.map((turn) => readingsOf(turn.zh.text).join(' ')) };
}
